/**
 * Writers take their lock first (issue 19): `list check` started in a second process while a
 * 200,000-row registry import writes the same file waits for it (saying so) and succeeds, instead
 * of failing with "database is locked".
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoResidents } from '../../src/main/demo/demo-residents';
import { formatDateVi } from '../../src/shared/dates';
import { cli } from '../helpers/cli';
import { csvText, utf8Bom } from '../helpers/extract-files';
import { PROJECT_ROOT, REGISTRY_CSV, SHARED_FIXTURES, tempDir } from '../helpers/paths';

const LIST_XLSX = join(SHARED_FIXTURES, 'verification', 'list.xlsx');

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** The CLI as its own process (as two officers' scripts would run it). */
function cliProcess(...argv: string[]): { done: Promise<{ code: number; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/main/cli.ts'), ...argv], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DOICHIEU_KEY: '', DOICHIEU_DB: '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return { done: new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('two writers on one file', () => {
  it('list check waits for a 200,000-row registry import and succeeds', async () => {
    const db = join(dir, 'xa.sqlite');
    expect((await cli('registry', 'import', REGISTRY_CSV, '--db', db)).code).toBe(0);
    expect((await cli('list', 'import', LIST_XLSX, '--db', db)).code).toBe(0);
    const big = join(dir, 'trich-xuat-200k.csv');
    const rows = generateDemoResidents(200_000, 19).map((r, i) => [
      String(i + 1),
      r.personalId,
      r.oldId ?? '',
      r.fullName,
      r.birthDate === null ? '' : r.birthDate.length === 10 ? formatDateVi(r.birthDate) : r.birthDate,
      r.sex === 'male' ? 'Nam' : 'Nữ',
      r.ethnicity ?? '',
      r.nationality ?? '',
      r.permanentAddress ?? '',
    ]);
    writeFileSync(big, utf8Bom(csvText(rows)));

    const importing = cliProcess('registry', 'import', big, '--db', db, '--json');
    // The import holds the write lock once its rows go into the WAL.
    const wal = `${db}-wal`;
    const started = Date.now();
    while (!(existsSync(wal) && statSync(wal).size > 4_000_000)) {
      if (Date.now() - started > 120_000) throw new Error('the import never started writing');
      await sleep(20);
    }
    const checking = cliProcess('list', 'check', '1', '--db', db, '--json');
    const [imported, checked] = await Promise.all([importing.done, checking.done]);
    expect(imported.code, imported.stderr).toBe(0);
    const counts = JSON.parse(imported.stdout) as { inserted: number; updated: number; unchanged: number };
    expect(counts.inserted + counts.updated + counts.unchanged).toBe(200_000);
    expect(checked.stderr).not.toMatch(/locked|SqliteError| {4}at /);
    expect(checked.code, checked.stderr).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ listId: 1 });
  }, 300_000);
});
