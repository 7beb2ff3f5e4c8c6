import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEncryptedFile, openDatabase, rekey } from '../../src/main/db/open-database';
import { openWithPassphrase } from '../../src/main/db/open-with-passphrase';
import { cliWithEnv } from '../helpers/cli';
import { REGISTRY_CSV, tempDir } from '../helpers/paths';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Every byte of the database's files (the main file, and its WAL while one exists). */
function databaseBytes(file: string): Buffer {
  const base = file.split('/').pop()!;
  return Buffer.concat(
    readdirSync(dir)
      .filter((f) => f.startsWith(base))
      .map((f) => readFileSync(join(dir, f))),
  );
}

const SAMPLE = readFileSync(REGISTRY_CSV, 'utf8')
  .split(/\r?\n/)
  .slice(1, 40)
  .map((line) => line.split(','))
  .filter((cells) => cells.length > 4);

describe('encryption at rest', () => {
  it('with DOICHIEU_KEY, no name or ID of the extract is in the database files, and a wrong key fails clearly', async () => {
    const dbFile = join(dir, 'xa.sqlite');
    const env = { DOICHIEU_KEY: 'mật khẩu dài của xã Trung Hà' };
    const imported = await cliWithEnv(env, 'registry', 'import', REGISTRY_CSV, '--db', dbFile);
    expect(imported.code).toBe(0);
    expect(imported.stderr).not.toMatch(/KHÔNG mã hóa/);
    const bytes = databaseBytes(dbFile);
    expect(isEncryptedFile(bytes)).toBe(true);
    for (const [, id, , name] of SAMPLE) {
      expect(bytes.includes(Buffer.from(id!, 'utf8')), id).toBe(false);
      expect(bytes.includes(Buffer.from(name!, 'utf8')), name).toBe(false);
    }
    // The right key reads it; a wrong one, or none, is refused in Vietnamese.
    expect((await cliWithEnv(env, 'registry', 'find', 'Ma Thị Thoa', '--db', dbFile, '--json')).stdout).toContain('008198223458');
    const wrong = await cliWithEnv({ DOICHIEU_KEY: 'sai' }, 'registry', 'find', 'Ma Thị Thoa', '--db', dbFile);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('sai khóa');
    const none = await cliWithEnv({}, 'registry', 'find', 'Ma Thị Thoa', '--db', dbFile);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('đã được mã hóa');
  });

  it('says when a new database is created without a key', async () => {
    const created = await cliWithEnv({}, 'registry', 'import', REGISTRY_CSV, '--db', join(dir, 'plain.sqlite'));
    expect(created.code).toBe(0);
    expect(created.stderr).toMatch(/KHÔNG mã hóa.*DOICHIEU_KEY/);
    expect(isEncryptedFile(readFileSync(join(dir, 'plain.sqlite')))).toBe(false);
  });

  it('rekeys from WAL mode and returns to it; a backup copy made with VACUUM INTO stays encrypted', () => {
    const file = join(dir, 'rekey.sqlite');
    const opened = openDatabase(file, { key: 'khóa cũ' });
    if (!opened.ok) throw new Error(opened.problem.key);
    opened.value.prepare("INSERT INTO settings (key, value) VALUES ('x', 'Nguyễn Văn Bí Mật')").run();
    rekey(opened.value, 'khóa mới');
    expect(opened.value.pragma('journal_mode', { simple: true })).toBe('wal');
    opened.value.prepare(`VACUUM INTO '${join(dir, 'copy.sqlite')}'`).run();
    opened.value.close();
    expect(openDatabase(file, { key: 'khóa cũ' })).toMatchObject({ ok: false, problem: { key: 'db.wrongKey' } });
    const reopened = openDatabase(join(dir, 'copy.sqlite'), { key: 'khóa mới' });
    if (!reopened.ok) throw new Error(reopened.problem.key);
    expect(reopened.value.prepare("SELECT value FROM settings WHERE key = 'x'").get()).toEqual({ value: 'Nguyễn Văn Bí Mật' });
    reopened.value.close();
    expect(readFileSync(join(dir, 'copy.sqlite')).includes(Buffer.from('Bí Mật'))).toBe(false);
  });
});

describe('a crash in the middle of an import', () => {
  it('leaves the database intact and the import absent', async () => {
    const dbFile = join(dir, 'crash.sqlite');
    const env = { DOICHIEU_KEY: 'khóa' };
    expect((await cliWithEnv(env, 'registry', 'import', REGISTRY_CSV, '--db', dbFile)).code).toBe(0);
    // A large extract, imported by a separate process that is killed while it writes.
    const header = readFileSync(REGISTRY_CSV, 'utf8').split(/\r?\n/)[0]!;
    const rows: string[] = [];
    for (let i = 0; i < 200000; i++) {
      const id = `0081${String(90000000 + i).slice(-8)}`;
      rows.push(`${i + 1},${id},,Người Thử ${i},01/01/1981,Nam,Kinh,Việt Nam,Thôn A,Thôn A,HK${i}`);
    }
    const big = join(dir, 'big.csv');
    writeFileSync(big, `\ufeff${header}\r\n${rows.join('\r\n')}\r\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'registry', 'import', big, '--db', dbFile], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    // Kill it once it has begun writing (its WAL grows), long before it could finish.
    const started = Date.now();
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        let wal = 0;
        try {
          wal = readFileSync(`${dbFile}-wal`).length;
        } catch {
          wal = 0;
        }
        if (wal > 2_000_000 || Date.now() - started > 60_000) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    // It was killed, not finished on its own.
    expect(await exited).toBe('SIGKILL');
    const opened = openWithPassphrase(dbFile, env.DOICHIEU_KEY);
    if (!opened.ok) throw new Error(opened.problem.key);
    const db = opened.value.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT count(*) AS n FROM residents WHERE full_name LIKE 'Người Thử%'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM registry_extracts').get()).toEqual({ n: 1 });
    expect((db.prepare('SELECT count(*) AS n FROM residents').get() as { n: number }).n).toBeGreaterThan(100);
    db.close();
  }, 120_000);
});

describe('the passphrase prompt', () => {
  /** The CLI at a real terminal (a pseudo-terminal made by `script`), typing `typed` once it asks. */
  function atTerminal(dbFile: string, typed: string): Promise<string> {
    const command = `${process.execPath} --import tsx src/main/cli.ts registry find 'Ma Thị Thoa' --db '${dbFile}'`;
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...process.env, DOICHIEU_KEY: '' } });
    let output = '';
    let answered = false;
    return new Promise((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (!answered && output.includes('Mật khẩu của cơ sở dữ liệu')) {
          answered = true;
          child.stdin.write(`${typed}\r`);
        }
      });
      child.on('exit', () => resolve(output));
    });
  }

  it('asks at a terminal when DOICHIEU_KEY is unset, without echoing what is typed', async () => {
    const dbFile = join(dir, 'hoi.sqlite');
    expect(
      (await cliWithEnv({ DOICHIEU_KEY: 'khoa-bi-mat-cua-xa' }, 'registry', 'import', REGISTRY_CSV, '--db', dbFile)).code,
    ).toBe(0);
    const right = await atTerminal(dbFile, 'khoa-bi-mat-cua-xa');
    expect(right).toContain('008198223458');
    expect(right).not.toContain('khoa-bi-mat-cua-xa');
    const wrong = await atTerminal(dbFile, 'khoa-sai');
    expect(wrong).toContain('sai khóa');
    expect(wrong).not.toContain('khoa-sai');
  }, 60_000);
});
