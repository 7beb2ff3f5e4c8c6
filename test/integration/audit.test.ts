import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/shared/canonical-json';
import { openDatabase } from '../../src/main/db/open-database';
import { flushAuditHead } from '../../src/main/audit/head-file';
import { withDatabase } from '../helpers/db';
import { cli } from '../helpers/cli';
import { PEOPLE } from '../helpers/extract-files';
import { importAndCheck, seedRegistry } from '../helpers/lists';
import { tempDir } from '../helpers/paths';
import { FIRST_SESSION, resultsWorkbook } from '../helpers/results';

let dir: string;
let cleanup: () => void;
let dbFile: string;
let packageFile: string;

const json = async (...argv: string[]) => {
  const run = await cli(...argv, '--db', dbFile, '--json');
  return {
    ...run,
    value: run.stdout ? (JSON.parse(run.stdout) as { valid: boolean; entries: number; problems: string[] }) : null,
  };
};

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  dbFile = join(dir, 'audit.sqlite');
  const opened = openDatabase(dbFile);
  if (!opened.ok) throw new Error(opened.problem.key);
  await seedRegistry(opened.value, PEOPLE);
  await importAndCheck(opened.value, await resultsWorkbook(FIRST_SESSION), 'ket-qua.xlsx', 'results');
  opened.value.close();
  expect((await cli('list', 'confirm', '1', '--by', 'Hoàng Văn Chủ', '--db', dbFile)).code).toBe(0);
  const exported = await cli('package', 'export', '--out', dir, '--db', dbFile, '--json');
  packageFile = (JSON.parse(exported.stdout) as { file: string }).file;
});
afterEach(() => cleanup());

describe('the audit trail', () => {
  it('records every change, with who did it and no personal data', async () => {
    const rows = withDatabase(dbFile, (db) =>
      db.prepare('SELECT seq, actor, action, subject, details FROM audit_log ORDER BY seq').all(),
    ) as {
      action: string;
      actor: string | null;
      details: string;
    }[];
    expect(rows.map((r) => r.action)).toEqual(['registry.import', 'list.import', 'list.check', 'list.confirm', 'package.export']);
    expect(rows[3]!.actor).toBe('CLI: Hoàng Văn Chủ');
    const everything = JSON.stringify(rows);
    for (const person of PEOPLE) {
      expect(everything).not.toContain(person[1]); // no ID number
      expect(everything).not.toContain(person[3]); // no name
    }
    expect((await json('audit', 'verify')).value).toEqual({ valid: true, entries: 5, problems: [] });
  });

  it('cannot be updated or deleted through SQL', () => {
    withDatabase(dbFile, (db) => {
      expect(() => db.prepare("UPDATE audit_log SET actor = 'X' WHERE seq = 1").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    });
  });

  it('finds a changed entry and a removed one', async () => {
    withDatabase(dbFile, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
      db.prepare('UPDATE audit_log SET details = \'{"rows":1}\' WHERE seq = 2').run();
      db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    });
    const verified = await json('audit', 'verify');
    expect(verified.code).toBe(1);
    expect(verified.value!.problems).toEqual([
      'Mục số 2 của nhật ký đã bị sửa (mã băm không khớp).',
      'Nhật ký mất mục số 4.',
      'Mục số 5 của nhật ký đã bị sửa (mã băm không khớp).',
    ]);
  });

  it('finds a rewritten chain from the head a package carried out of the machine', async () => {
    withDatabase(dbFile, (db) => {
      // Someone rewrites an entry, recomputes every hash after it and removes the local anchors.
      db.exec('DROP TRIGGER audit_log_no_update; DELETE FROM audit_anchors');
      db.prepare('UPDATE audit_log SET details = \'{"rows":1}\' WHERE seq = 2').run();
      let prev = '0'.repeat(64);
      for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, string | number | null>[]) {
        const body = canonicalJson({
          seq: row.seq,
          at: row.at,
          actor: row.actor,
          action: row.action,
          subject: row.subject,
          details: row.details,
        });
        const hash = createHash('sha256').update(`${prev}\n${body}`).digest('hex');
        db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
        prev = hash;
      }
    });
    // The head kept beside the database no longer matches the rewritten chain (issue 19)…
    expect((await json('audit', 'verify')).value).toMatchObject({ valid: false, problems: [expect.stringMatching(/mục số 5/)] });
    // …until the rewriter, who holds the database and so its signing key, writes a new head file too.
    withDatabase(dbFile, (db) => flushAuditHead(db));
    expect((await json('audit', 'verify')).value).toMatchObject({ valid: true });
    const withAnchor = await json('audit', 'verify', packageFile);
    expect(withAnchor.value).toMatchObject({ valid: false, problems: [expect.stringMatching(/viết lại: mốc số 5/)] });
  });
});
