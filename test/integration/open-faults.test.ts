/** Each fault of opening a database file has its own message (issue 19). */
import { closeSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyringFile } from '../../src/main/db/keyring';
import { cli, cliWithEnv } from '../helpers/cli';
import { REGISTRY_CSV, tempDir } from '../helpers/paths';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('opening a database file', () => {
  it('says a plain database with a damaged header is damaged, not encrypted', async () => {
    const db = join(dir, 'hong.sqlite');
    expect((await cli('registry', 'import', REGISTRY_CSV, '--db', db)).code).toBe(0);
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.from('Not SQLite at al'), 0, 16, 0);
    closeSync(fd);
    const run = await cli('registry', 'find', 'Ma', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bị hỏng/);
    expect(run.stderr).not.toMatch(/mã hóa/);
  });

  it('refuses a 0-byte file instead of making a new empty database in it', async () => {
    const db = join(dir, 'rong.sqlite');
    writeFileSync(db, '');
    const run = await cli('registry', 'import', REGISTRY_CSV, '--db', db);
    expect(run).toMatchObject({ code: 1, stderr: expect.stringMatching(/rỗng \(0 byte\)/) });
  });

  it('says the keyring is missing, not that the key is wrong', async () => {
    const db = join(dir, 'ma-hoa.sqlite');
    const key = { DOICHIEU_KEY: 'cum-tu-bi-mat-dai' };
    expect((await cliWithEnv(key, 'registry', 'import', REGISTRY_CSV, '--db', db)).code).toBe(0);
    rmSync(keyringFile(db));
    const run = await cliWithEnv(key, 'registry', 'find', 'Ma', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/thiếu tệp khóa/);
    expect(run.stderr).not.toMatch(/sai khóa/);
  });
});
