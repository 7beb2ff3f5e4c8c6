/**
 * A tail that cannot be cut unnoticed (issue 19): the audit head kept beside the database finds
 * entries deleted from the end of the trail, by an attacker who drops the triggers first.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditHeadFile } from '../../src/main/audit/head-beside';
import { cli } from '../helpers/cli';
import { REGISTRY_CSV, SHARED_FIXTURES, tempDir } from '../helpers/paths';

const LIST_XLSX = join(SHARED_FIXTURES, 'verification', 'list.xlsx');

let dir: string;
let cleanup: () => void;
let db: string;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'xa.sqlite');
  expect((await cli('registry', 'import', REGISTRY_CSV, '--db', db)).code).toBe(0);
  expect((await cli('list', 'import', LIST_XLSX, '--db', db)).code).toBe(0);
  expect((await cli('list', 'check', '1', '--db', db)).code).toBe(0);
}, 60_000);
afterEach(() => cleanup());

async function auditVerify() {
  const run = await cli('audit', 'verify', '--db', db, '--json');
  return { code: run.code, ...(JSON.parse(run.stdout) as { valid: boolean; entries: number; problems: string[] }) };
}

/** What an attacker with the file does: drop the append-only triggers, delete the newest entries. */
function cutTail(count: number): void {
  const raw = new Database(db);
  raw.exec('DROP TRIGGER audit_log_no_delete');
  raw.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - ?').run(count);
  raw.close();
}

describe('audit verify', () => {
  it('keeps the head beside the database and finds the newest entries deleted', async () => {
    expect(await auditVerify()).toMatchObject({ code: 0, valid: true, entries: 3, problems: [] });
    const head = JSON.parse(readFileSync(auditHeadFile(db), 'utf8')) as { seq: number; hash: string; signature: string };
    expect(head).toMatchObject({ format: 'doichieu-audit-head', seq: 3, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    cutTail(2);
    const cut = await auditVerify();
    expect(cut).toMatchObject({ code: 1, valid: false, entries: 1 });
    expect(cut.problems).toEqual([expect.stringMatching(/^Nhật ký bị cắt: .* mục số 3/)]);
  });

  it('says when the head file is gone or was edited', async () => {
    const file = auditHeadFile(db);
    const head = JSON.parse(readFileSync(file, 'utf8')) as { seq: number };
    writeFileSync(file, JSON.stringify({ ...head, seq: 1 }));
    expect((await auditVerify()).problems).toEqual([expect.stringMatching(/bị sửa hoặc không do máy này ký/)]);
    rmSync(file);
    cutTail(1);
    expect(await auditVerify()).toMatchObject({ code: 1, problems: [expect.stringMatching(/^Thiếu tệp đầu chuỗi nhật ký/)] });
  });
});
