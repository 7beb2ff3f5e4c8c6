import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppHost } from '../../src/main/app-host';
import { keyringFile, normalizeRecoveryCode, readKeyring } from '../../src/main/db/keyring';
import { isEncryptedFile } from '../../src/main/db/open-database';
import { silentLogger } from '../../src/main/log/logger';
import { cliWithEnv } from '../helpers/cli';
import { tempDir } from '../helpers/paths';

let dir: string;
let cleanup: () => void;
let dbFile: string;
let host: AppHost | null = null;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  dbFile = join(dir, 'doichieu.sqlite');
});
afterEach(() => {
  host?.close();
  host = null;
  cleanup();
});

/** The desktop app starting (again) on the data folder. */
function start(): AppHost {
  host?.close();
  const started = AppHost.start({ databaseFile: dbFile, version: 'test', logger: silentLogger });
  if (!started.ok) throw new Error(started.problem.key);
  host = started.value;
  return host;
}

async function call(channel: string, request: unknown = {}) {
  return host!.dispatch(channel, request);
}

const ADMIN = { username: 'quantri', displayName: 'Nguyễn Văn Quản', password: 'mat-khau-quan-tri' };

/** A first run: the administrator is made, and the demo residents loaded (names to look for later). */
async function firstRun(): Promise<string> {
  start();
  const setup = await call('auth-setup', ADMIN);
  if (!setup.ok) throw new Error(setup.error.message);
  expect((await call('demo-load')).ok).toBe(true);
  return (setup.value as { recoveryCode: string }).recoveryCode;
}

/** Every byte of the database's files. */
const databaseBytes = () =>
  Buffer.concat(
    readdirSync(dir)
      .filter((f) => f.startsWith('doichieu.sqlite') && !f.endsWith('.json'))
      .map((f) => readFileSync(join(dir, f))),
  );

describe('the database key, wrapped by each password', () => {
  it('a first run makes an encrypted database, shows a recovery code once, and keeps no secret in the clear', async () => {
    start();
    expect(await call('auth-status')).toMatchObject({ ok: true, value: { needsSetup: true, user: null, encrypted: true } });
    // Nothing else answers before someone signs in, and no file is made yet.
    expect(await call('registry-find', { text: 'Nguyễn' })).toMatchObject({ ok: false, error: { type: 'auth' } });
    expect(existsSync(dbFile)).toBe(false);

    const setup = await call('auth-setup', ADMIN);
    expect(setup).toMatchObject({
      ok: true,
      value: { user: { username: 'quantri', role: 'admin' }, encrypted: true, canRecover: true },
    });
    const code = (setup as { value: { recoveryCode: string } }).value.recoveryCode;
    expect(code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    // Shown once: the status never carries it again.
    expect((await call('auth-status')).ok && JSON.stringify(await call('auth-status'))).not.toContain(code);

    expect((await call('demo-load')).ok).toBe(true);
    const found = await call('registry-find', { text: 'Thoa' });
    expect(found.ok && (found.value as unknown[]).length).toBeGreaterThan(0);
    const name = (found as { value: { fullName: string; personalId: string }[] }).value[0]!;
    host!.close();

    const bytes = databaseBytes();
    expect(isEncryptedFile(bytes)).toBe(true);
    expect(bytes.includes(Buffer.from(name.fullName, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from(name.personalId, 'utf8'))).toBe(false);
    // The keyring holds one entry per secret, none of them in the clear.
    const ring = readFileSync(keyringFile(dbFile), 'utf8');
    expect(
      JSON.parse(ring)
        .entries.map((e: { kind: string; name: string }) => `${e.kind}:${e.name}`)
        .sort(),
    ).toEqual(['recovery:', 'user:quantri']);
    for (const secret of [ADMIN.password, code, normalizeRecoveryCode(code).replace(/-/g, '')])
      expect(ring).not.toContain(secret);
  });

  it('after a restart the database stays shut until a password opens it; a wrong one changes nothing', async () => {
    await firstRun();
    start();
    expect(await call('auth-status')).toMatchObject({
      ok: true,
      value: { needsSetup: false, user: null, encrypted: true, canRecover: true },
    });
    expect(await call('lists-all')).toMatchObject({ ok: false, error: { type: 'auth' } });
    expect(await call('auth-login', { username: 'quantri', password: 'sai-mat-khau' })).toMatchObject({
      ok: false,
      error: { message: 'Sai tên đăng nhập hoặc mật khẩu.' },
    });
    expect(await call('auth-login', { username: 'khongco', password: ADMIN.password })).toMatchObject({ ok: false });
    expect(host!.current).toBeNull();
    expect(await call('auth-login', { username: 'quantri', password: ADMIN.password })).toMatchObject({
      ok: true,
      value: { user: { username: 'quantri' } },
    });
    expect((await call('app-info')) as { value: { residentCount: number } }).toMatchObject({
      value: { residentCount: expect.any(Number) },
    });
    expect(((await call('app-info')) as { value: { residentCount: number } }).value.residentCount).toBeGreaterThan(0);
    // The two wrong tries made while the database was shut are in the audit trail now that it is open.
    const db = host!.current!.ctx.db;
    const failed = db.prepare("SELECT details FROM audit_log WHERE action = 'auth.failed'").all() as { details: string }[];
    expect(failed.filter((f) => f.details.includes('whileLocked'))).toHaveLength(2);
  });

  it('a user the administrator adds, or whose password is reset, opens the database with their own password', async () => {
    await firstRun();
    expect(
      await call('users-add', { username: 'congan', displayName: 'Trần Công An', role: 'police', password: 'mat-khau-cong-an' }),
    ).toMatchObject({ ok: true });
    start();
    expect(await call('auth-login', { username: 'congan', password: 'mat-khau-cong-an' })).toMatchObject({
      ok: true,
      value: { user: { role: 'police' } },
    });
    // A police officer may not reset passwords; the administrator may.
    expect(await call('users-reset-password', { username: 'congan', password: 'mat-khau-moi-1' })).toMatchObject({
      ok: false,
      error: { message: 'Tài khoản của bạn không có quyền làm việc này.' },
    });
    await call('auth-logout');
    await call('auth-login', { username: 'quantri', password: ADMIN.password });
    expect(await call('users-reset-password', { username: 'congan', password: 'mat-khau-moi-1' })).toMatchObject({ ok: true });
    start();
    expect(await call('auth-login', { username: 'congan', password: 'mat-khau-cong-an' })).toMatchObject({ ok: false });
    expect(await call('auth-login', { username: 'congan', password: 'mat-khau-moi-1' })).toMatchObject({ ok: true });
  });

  it('the recovery code resets a forgotten administrator password, and opens the database from the command line', async () => {
    const code = await firstRun();
    start();
    expect(
      await call('auth-recover', { code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF', username: 'quantri', password: 'mat-khau-moi-2' }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Mã khôi phục không đúng') },
    });
    // Typed as people type it: lower case, spaces instead of dashes.
    const typed = code.toLowerCase().replace(/-/g, ' ');
    expect(await call('auth-recover', { code: typed, username: 'quantri', password: 'mat-khau-moi-2' })).toMatchObject({
      ok: true,
      value: { user: { username: 'quantri' } },
    });
    start();
    expect(await call('auth-login', { username: 'quantri', password: ADMIN.password })).toMatchObject({ ok: false });
    expect(await call('auth-login', { username: 'quantri', password: 'mat-khau-moi-2' })).toMatchObject({ ok: true });
    host!.close();

    // The command line opens the app's database with the recovery code, or with a user's password.
    for (const key of [code, 'mat-khau-moi-2']) {
      const run = await cliWithEnv({ DOICHIEU_KEY: key }, 'registry', 'find', 'Thoa', '--db', dbFile, '--json');
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).length).toBeGreaterThan(0);
    }
    const wrong = await cliWithEnv({ DOICHIEU_KEY: ADMIN.password }, 'registry', 'find', 'Thoa', '--db', dbFile);
    expect(wrong.stderr).toContain('sai khóa');
  });

  it('slows down guessing: after five wrong tries, each further one makes the next wait, even for the right password', async () => {
    await firstRun();
    start();
    for (let i = 0; i < 4; i++)
      expect(await call('auth-login', { username: 'quantri', password: `sai-${i}-mat-khau` })).toMatchObject({
        ok: false,
        error: { message: 'Sai tên đăng nhập hoặc mật khẩu.' },
      });
    // The fifth wrong try starts the wait, and says so at once.
    expect(await call('auth-login', { username: 'quantri', password: 'sai-4-mat-khau' })).toMatchObject({
      ok: false,
      error: { message: 'Sai tên đăng nhập hoặc mật khẩu. Đã nhập sai nhiều lần. Hãy đợi 1 giây rồi thử lại.' },
    });
    expect(await call('auth-login', { username: 'quantri', password: ADMIN.password })).toMatchObject({
      ok: false,
      error: { message: 'Đã nhập sai nhiều lần. Hãy đợi 1 giây rồi thử lại.' },
    });
    expect(host!.current).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await call('auth-login', { username: 'quantri', password: ADMIN.password })).toMatchObject({ ok: true });
  });

  it('a new recovery code replaces the old one', async () => {
    const old = await firstRun();
    const made = await call('keys-new-recovery-code');
    expect(made).toMatchObject({ ok: true, value: { recoveryCode: expect.stringMatching(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/) } });
    const fresh = (made as { value: { recoveryCode: string } }).value.recoveryCode;
    start();
    expect(await call('auth-recover', { code: old, username: 'quantri', password: 'mat-khau-moi-3' })).toMatchObject({
      ok: false,
    });
    expect(await call('auth-recover', { code: fresh, username: 'quantri', password: 'mat-khau-moi-3' })).toMatchObject({
      ok: true,
    });
    expect(readKeyring(dbFile)).toMatchObject({ ok: true, value: { entries: expect.any(Array) } });
  });

  it('a first run that fails leaves nothing behind; a missing keyring is said plainly', async () => {
    start();
    expect(await call('auth-setup', { ...ADMIN, password: 'ngan' })).toMatchObject({
      ok: false,
      error: { message: 'Mật khẩu cần ít nhất 8 ký tự.' },
    });
    expect(readdirSync(dir)).toEqual([]);
    await firstRun();
    host!.close();
    rmSync(keyringFile(dbFile));
    start();
    expect(await call('auth-login', { username: 'quantri', password: ADMIN.password })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('thiếu tệp khóa') },
    });
  });

  it('restores a backup from the settings after a preview; everyone signs in again', async () => {
    await firstRun();
    const usb = join(dir, 'usb');
    await call('backup-set-folder', { folder: usb });
    expect(await call('backup-now')).toMatchObject({ ok: true });
    const listed = await call('backup-list');
    expect(listed).toMatchObject({
      ok: true,
      value: [{ name: expect.stringMatching(/^doichieu-sao-luu-/), bytes: expect.any(Number) }],
    });
    const name = (listed as { value: { name: string }[] }).value[0]!.name;
    const before = ((await call('app-info')) as { value: { residentCount: number } }).value.residentCount;
    // After the backup, the demo residents are removed: the restore brings them back.
    expect(await call('demo-remove')).toMatchObject({ ok: true });
    expect(((await call('app-info')) as { value: { residentCount: number } }).value.residentCount).toBe(0);
    expect(await call('backup-preview', { name })).toMatchObject({ ok: true, value: { residents: before } });
    // Only backups in the folder, by name: a path is refused before anything is read.
    expect(await call('backup-preview', { name: '../doichieu.sqlite' })).toMatchObject({ ok: false });
    expect(await call('backup-restore', { name })).toMatchObject({ ok: true, value: { residents: before } });
    expect(await call('auth-status')).toMatchObject({ ok: true, value: { user: null } });
    expect(await call('auth-login', { username: 'quantri', password: ADMIN.password })).toMatchObject({ ok: true });
    expect(((await call('app-info')) as { value: { residentCount: number } }).value.residentCount).toBe(before);
    expect(readdirSync(dir).some((f) => f.includes('truoc-khi-khoi-phuc'))).toBe(false);
  });
});
