/**
 * Issue 15: what leaves the office says what was decided, and by whom — partial returns, reviewed
 * registry corrections in the package, the signer's own account (also at the command line).
 */
import { unzipSync } from 'fflate';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWithPassphrase } from '../../src/main/db/open-with-passphrase';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import type { App } from '../../src/main/app-context';
import { readLetterhead, saveLetterhead, storedDocument } from '../../src/main/documents/documents';
import type { EntryView } from '../../src/shared/api-contract';
import { listSummary } from '../../src/main/lists/list-views';
import { tempApp } from '../helpers/app';
import { CLI_NOW, cli, cliWithEnv } from '../helpers/cli';
import { PEOPLE } from '../helpers/extract-files';
import { NOW, importAndCheck, listWorkbook, seedRegistry } from '../helpers/lists';
import { REGISTRY_CSV, tempDir } from '../helpers/paths';
import { FIRST_SESSION, resultsWorkbook } from '../helpers/results';

let app: App;
let cleanup: () => void;
const call = async <T>(channel: string, request: unknown): Promise<T> => {
  const answer = await dispatch(app.ctx, app.handlers, channel, request);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value as T;
};
const refusal = async (channel: string, request: unknown): Promise<string> => {
  const answer = await dispatch(app.ctx, app.handlers, channel, request);
  if (answer.ok) throw new Error(`${channel} was not refused`);
  return answer.error.message;
};

beforeEach(async () => {
  ({ app, cleanup } = tempApp());
  await seedRegistry(app.ctx.db, PEOPLE);
  saveLetterhead(app.ctx.db, { ...readLetterhead(app.ctx.db), signerName: 'Hoàng Văn Chủ' }, new Date());
});
afterEach(() => cleanup());

const ROWS = [
  // Birth date differs from the registry's (06/08/1990): a registry correction may be proposed.
  ['Ma Văn Tường', '06/09/1990', 'Nam', '008090012345', 'Việt Nam', 'Thôn Ba 1, xã Trung Hà'],
  ['Hoàng Văn Nghĩa', '08/07/1982', 'Nam', '079082851326', 'Việt Nam', 'Thôn Bản Khiển, xã Trung Hà'],
];

async function receive() {
  const { imported } = await importAndCheck(app.ctx.db, await listWorkbook(ROWS));
  const { entries } = await call<{ entries: EntryView[] }>('lists-get', { listId: imported.listId });
  return { listId: imported.listId, entries };
}

describe('a list returned with entries still open', () => {
  it('is refused without `partial`, then "đã trả một phần" with the deadline still running, until the rest is done and printed as version 2', async () => {
    const { listId, entries } = await receive();
    expect(await refusal('lists-export', { listId })).toMatch(/còn 2 dòng cần xử lý \(Sai lệch: 1; Không có trong CSDL: 1\)/);
    const first = await call<{ document: { version: number } }>('lists-export', { listId, partial: true });
    expect(first.document.version).toBe(1);
    const later = new Date(NOW.getTime() + 5 * 86_400_000);
    const summary = (at: Date) => listSummary(app.ctx.db, listId, at)!;
    expect(summary(NOW)).toMatchObject({ returnState: 'partial', open: 2 });
    // Past the due date a partial return is still overdue.
    expect(summary(later)).toMatchObject({ returnState: 'partial', overdue: true });

    await call('lists-resolve', { entryId: entries[0]!.id, resolution: 'list_corrected' });
    await call('lists-resolve', { entryId: entries[1]!.id, resolution: 'referred' });
    const second = await call<{ document: { id: number; version: number } }>('lists-export', { listId });
    expect(second.document.version).toBe(2);
    // The list corrected from the registry prints the registry's record (06/08/1990), not the list's.
    expect(storedDocument(app.ctx.db, second.document.id)!.content.rows[0]).toMatchObject({
      fullName: 'Ma Văn Tường',
      birthDate: '1990-08-06',
      resolution: 'list_corrected',
    });
    expect(summary(later)).toMatchObject({ returnState: 'returned', overdue: false, open: 0 });
  });

  it('needs the signer: without a name in the letterhead nothing is printed', async () => {
    saveLetterhead(app.ctx.db, { ...readLetterhead(app.ctx.db), signerName: '' }, new Date());
    const { listId } = await receive();
    expect(await refusal('lists-export', { listId, partial: true })).toMatch(/Chưa có họ tên người ký/);
    expect(await call<unknown[]>('documents-list', { listId })).toEqual([]);
    await call('letterhead-set-signer', { signForm: 'KT', signerTitle: 'PHÓ CHỦ TỊCH', signerName: 'Lường Văn Phó' });
    expect(await call('lists-export', { listId, partial: true })).toMatchObject({ document: { version: 1 } });
    expect(readLetterhead(app.ctx.db)).toMatchObject({ signForm: 'KT', signerName: 'Lường Văn Phó' });
  });
});

describe('a registry correction', () => {
  it('carries the reviewed value and its basis into the package; a value equal to the registry is refused', async () => {
    const { entries } = await receive();
    const entryId = entries[0]!.id;
    // The registry already says 06/08/1990: proposing it is no correction.
    expect(
      await refusal('lists-resolve', {
        entryId,
        resolution: 'registry_corrected',
        note: 'Giấy khai sinh',
        proposed: { birthDate: '1990-08-06' },
      }),
    ).toMatch(/giống CSDL/);
    const resolved = await call<EntryView>('lists-resolve', {
      entryId,
      resolution: 'registry_corrected',
      note: 'Giấy khai sinh số 12/1990, UBND xã Trung Hà',
      proposed: { birthDate: '1990-09-16' },
    });
    expect(resolved.proposals).toEqual([
      { field: 'birthDate', registry: '1990-08-06', list: '1990-09-06', proposed: '1990-09-16' },
    ]);
    const state = await call<{ proposals: { fields: unknown[]; basis: string }[] }>('packages-state', {});
    expect(state.proposals).toMatchObject([
      { kind: 'correction', personalId: '008090012345', basis: 'Giấy khai sinh số 12/1990, UBND xã Trung Hà' },
    ]);
    const exported = await call<{ file: { data: Uint8Array } }>('packages-export', {});
    const records = new TextDecoder()
      .decode(unzipSync(exported.file.data)['records.jsonl'])
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; fields: unknown; evidence: string });
    expect(records.filter((r) => r.type === 'correction')).toEqual([
      expect.objectContaining({
        fields: { birthDate: '1990-09-16' },
        evidence: 'Giấy khai sinh số 12/1990, UBND xã Trung Hà',
      }),
    ]);
  });
});

describe('confirming a results list at the command line', () => {
  it('is done as the chairman whose password opened the database, never under a typed name; without accounts --by is needed', async () => {
    const { dir, cleanup: done } = tempDir();
    try {
      const db = join(dir, 'xa.sqlite');
      const key = { DOICHIEU_KEY: 'cum-tu-bi-mat-dai' };
      expect((await cliWithEnv(key, 'registry', 'import', REGISTRY_CSV, '--db', db)).code).toBe(0);
      const results = join(dir, 'ket-qua-tiem.xlsx');
      writeFileSync(results, await resultsWorkbook(FIRST_SESSION));
      expect((await cliWithEnv(key, 'list', 'import', results, '--kind', 'results', '--db', db)).code).toBe(0);
      expect((await cliWithEnv(key, 'list', 'check', '1', '--db', db)).code).toBe(0);
      const add = (name: string, role: string) =>
        cliWithEnv({ ...key, DOICHIEU_PASSWORD: `mat-khau-${name}` }, 'user', 'add', name, '--role', role, '--db', db);
      expect((await add('chutich', 'chairman')).code).toBe(0);
      expect((await add('yte', 'health')).code).toBe(0);

      // With accounts: a typed name is refused, so is the passphrase alone and another role.
      const typed = await cliWithEnv(key, 'list', 'confirm', '1', '--by', 'Ai đó', '--db', db);
      expect(typed).toMatchObject({ code: 1, stderr: expect.stringMatching(/DOICHIEU_USER/) });
      const health = await cliWithEnv({ DOICHIEU_USER: 'yte', DOICHIEU_KEY: 'mat-khau-yte' }, 'list', 'confirm', '1', '--db', db);
      expect(health).toMatchObject({ code: 1, stderr: expect.stringMatching(/"yte" \(health\) không được/) });
      const wrong = await cliWithEnv({ DOICHIEU_USER: 'chutich', DOICHIEU_KEY: 'sai' }, 'list', 'confirm', '1', '--db', db);
      expect(wrong.code).toBe(1);

      const chairman = { DOICHIEU_USER: 'chutich', DOICHIEU_KEY: 'mat-khau-chutich' };
      const confirmed = await cliWithEnv(chairman, 'list', 'confirm', '1', '--db', db, '--json');
      expect(confirmed.code).toBe(0);
      expect(JSON.parse(confirmed.stdout)).toEqual({ listId: 1, confirmedBy: 'chutich', confirmedAt: CLI_NOW.toISOString() });
      const opened = openWithPassphrase(db, key.DOICHIEU_KEY);
      if (!opened.ok) throw new Error(opened.problem.key);
      const audited = opened.value.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'list.confirm'").get() as {
        actor: string;
        details: string;
      };
      opened.value.db.close();
      expect(audited.actor).toBe('chutich (chutich)');
      expect(JSON.parse(audited.details)).toEqual({ account: 'chutich' });

      // A database the command line made without accounts keeps --by.
      const plain = join(dir, 'plain.sqlite');
      expect((await cli('registry', 'import', REGISTRY_CSV, '--db', plain)).code).toBe(0);
      expect((await cli('list', 'import', results, '--kind', 'results', '--db', plain)).code).toBe(0);
      expect((await cli('list', 'check', '1', '--db', plain)).code).toBe(0);
      expect((await cli('list', 'confirm', '1', '--db', plain)).stderr).toMatch(/cần --by/);
      expect(
        JSON.parse((await cli('list', 'confirm', '1', '--by', 'Hoàng Văn Chủ', '--db', plain, '--json')).stdout),
      ).toMatchObject({
        confirmedBy: 'Hoàng Văn Chủ',
      });
    } finally {
      done();
    }
  });
});
