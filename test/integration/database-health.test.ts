/**
 * Issue 18: the database opens without a whole-file check; the quick check runs in the background
 * (a worker thread, its own read-only connection, the key in memory for an encrypted file); a file
 * with bytes overwritten in the middle still opens, to a damaged state that the banner reads
 * (`db-health`) and that makes the app read-only — through dispatch and through the web host — and
 * `--check` in the CLI reports it with exit 1.
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/shared/api-contract';
import { CHANNEL_EFFECTS } from '../../src/main/api/channel-effects';
import { dispatch } from '../../src/main/api/dispatch';
import { AppHost } from '../../src/main/app-host';
import { createApp, type App } from '../../src/main/app-context';
import { createUser, listUsers } from '../../src/main/auth/users';
import { createBackup } from '../../src/main/backup/backup';
import { checkDatabaseFile, checkInBackground } from '../../src/main/db/integrity';
import { openWithPassphrase } from '../../src/main/db/open-with-passphrase';
import { silentLogger } from '../../src/main/log/logger';
import { generateDemoResidents } from '../../src/main/demo/demo-residents';
import { INSERT_RESIDENT_SQL, insertParams } from '../../src/main/registry/resident-rows';
import { setSetting } from '../../src/main/settings/settings';
import { startWebHost } from '../../src/main/web-host';
import { cliWithEnv } from '../helpers/cli';
import { tempDir } from '../helpers/paths';

const PASSWORD = 'mat-khau-thu';
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** A database of 4,000 residents and an administrator, closed; a backup of it in `usb`. */
function fixtureDatabase(file: string, key: string | null = null, admin = true): { usb: string } {
  const opened = openWithPassphrase(file, key);
  if (!opened.ok) throw new Error(opened.problem.key);
  const { db, keys } = opened.value;
  const now = new Date('2026-11-27T08:00:00Z');
  const insert = db.prepare(INSERT_RESIDENT_SQL);
  db.transaction(() => {
    for (const r of generateDemoResidents(4000, 18)) insert.run(...insertParams(r, null, '{}', false));
  }).immediate();
  if (admin) {
    const made = createUser(db, { username: 'quantri', displayName: 'Quản trị viên', role: 'admin', password: PASSWORD }, now);
    if (!made.ok) throw new Error(made.problem.key);
  }
  const usb = `${file}-usb`;
  setSetting(db, 'backup-folder', usb);
  const made = createBackup(db, usb, keys, now);
  if (!made.ok) throw new Error(made.problem.key);
  // Everything into the main file, so that the damage below lands in the data, not in the WAL.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { usb };
}

/** Overwrites 8 KB in the middle of the file (a failing disk, a copy cut short). */
function damage(file: string): void {
  const middle = Math.floor(statSync(file).size / 2 / 4096) * 4096;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, middle + 100);
  closeSync(fd);
}

function signedIn(app: App): App {
  app.ctx.session.signIn(listUsers(app.ctx.db)[0]!, new Date());
  return app;
}

describe('the background check', () => {
  it('finds a sound file sound, in a worker, plain or encrypted (the key passed in memory)', async () => {
    const plain = join(dir, 'plain.sqlite');
    fixtureDatabase(plain);
    expect(await checkInBackground(plain, null, 'quick').outcome).toEqual({ kind: 'ok' });
    expect(await checkInBackground(plain, null, 'full').outcome).toEqual({ kind: 'ok' });

    const encrypted = join(dir, 'encrypted.sqlite');
    fixtureDatabase(encrypted, 'khóa xã');
    const opened = openWithPassphrase(encrypted, 'khóa xã');
    if (!opened.ok) throw new Error(opened.problem.key);
    const key = opened.value.keys.key;
    opened.value.db.close();
    expect(await checkInBackground(encrypted, key, 'quick').outcome).toEqual({ kind: 'ok' });
    damage(encrypted);
    expect((await checkInBackground(encrypted, key, 'quick').outcome).kind).toBe('damaged');
    // A wrong key is not a verdict on the file.
    expect((await checkInBackground(encrypted, 'a'.repeat(64), 'quick').outcome).kind).not.toBe('ok');
  });

  it('every channel is classed as reading, writing or recovering', () => {
    expect(Object.keys(CHANNEL_EFFECTS).sort()).toEqual([...CHANNELS].sort());
  });
});

describe('a database with bytes overwritten in the middle', () => {
  it('opens at once, then the quick check marks it damaged: a banner to read, writes refused, reads and sign-in answered', async () => {
    const file = join(dir, 'xa.sqlite');
    const { usb } = fixtureDatabase(file);
    damage(file);
    expect(checkDatabaseFile(file, null, 'quick').kind).toBe('damaged');

    // Opening does not read the whole file: the damage is not seen until the check.
    const created = createApp(file, 'test', silentLogger);
    if (!created.ok) throw new Error(created.problem.key);
    const app = signedIn(created.value);
    try {
      const call = (channel: string, request: unknown = {}) => dispatch(app.ctx, app.handlers, channel, request);
      expect(await call('db-health')).toMatchObject({ ok: true, value: { state: expect.stringMatching(/unchecked|checking/) } });
      expect(await app.ctx.health.quickCheck()).toBe('damaged');

      const health = await call('db-health');
      expect(health).toMatchObject({
        ok: true,
        value: {
          state: 'damaged',
          detail: expect.any(String),
          lastBackup: { name: expect.stringMatching(/^doichieu-sao-luu-/) },
        },
      });
      // Writing is refused with a clear message; reading and what a restore needs still answer.
      const refused = await call('settings-set-locale', { locale: 'en' });
      expect(refused).toMatchObject({ ok: false, error: { type: 'user', message: expect.stringContaining('chỉ cho xem') } });
      expect(await call('lists-check', { listId: 1 })).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('bị hỏng') },
      });
      expect(await call('lists-all')).toMatchObject({ ok: true });
      // The shell's own facts still answer (what cannot be read is left out), so the banner has a page to sit on.
      expect(await call('app-info')).toMatchObject({ ok: true });
      expect(await call('backup-list')).toMatchObject({ ok: true, value: [{ name: expect.any(String) }] });
      expect(await call('backup-state')).toMatchObject({ ok: true, value: { folder: usb } });
    } finally {
      app.close();
    }
  });

  it('through the web host: sign in, the banner state, a write refused, and a restore brings back a sound file', async () => {
    const file = join(dir, 'xa.sqlite');
    fixtureDatabase(file);
    damage(file);
    const started = AppHost.start({ databaseFile: file, version: 'test', logger: silentLogger });
    if (!started.ok) throw new Error(started.problem.key);
    const host = started.value;
    const web = await startWebHost({ app: host, rendererDir: dir, port: 0 });
    const post = async (channel: string, body: unknown = {}) => {
      const response = await fetch(`http://127.0.0.1:${web.port}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-doichieu-token': web.token },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { message: string } };
    };
    try {
      expect(await post('auth-login', { username: 'quantri', password: PASSWORD })).toMatchObject({ ok: true });
      await host.current!.ctx.health.quickCheck();
      expect(await post('db-health')).toMatchObject({ ok: true, value: { state: 'damaged' } });
      expect(await post('demo-load')).toMatchObject({ ok: false, error: { message: expect.stringContaining('chỉ cho xem') } });

      const backups = await post('backup-list');
      const name = (backups.value as unknown as { name: string }[])[0]!.name;
      expect(await post('backup-restore', { name })).toMatchObject({ ok: true });
      // The restored file opens to a fresh state, signed out; its check finds it sound.
      expect(await host.current!.ctx.health.quickCheck()).toBe('ok');
      expect(checkDatabaseFile(file, null, 'full')).toEqual({ kind: 'ok' });
    } finally {
      await web.close();
      host.close();
    }
  });

  it('a query that meets the damage before the check marks the file damaged at once', async () => {
    const file = join(dir, 'xa.sqlite');
    fixtureDatabase(file);
    const created = createApp(file, 'test', silentLogger);
    if (!created.ok) throw new Error(created.problem.key);
    const app = signedIn(created.value);
    try {
      // What better-sqlite3 throws when a statement reads a malformed page.
      const malformed = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
      const handlers = { ...app.handlers, 'lists-all': () => Promise.reject(malformed) };
      const answer = await dispatch(app.ctx, handlers, 'lists-all', {});
      expect(answer).toMatchObject({ ok: false, error: { type: 'user', message: expect.stringContaining('bị hỏng') } });
      expect(app.ctx.health.state).toBe('damaged');
      expect(await dispatch(app.ctx, app.handlers, 'demo-dismiss', {})).toMatchObject({ ok: false });
    } finally {
      app.close();
    }
  });
});

describe('the CLI', () => {
  it('checks nothing at start, and with --check reports a damaged file with exit 1', async () => {
    const file = join(dir, 'xa.sqlite');
    // No accounts: the CLI acts without one (the roles of the CLI are not what this test is about).
    fixtureDatabase(file, null, false);
    const env = { DOICHIEU_DB: file };
    const sound = await cliWithEnv(env, 'audit', 'verify', '--check');
    expect(sound.stderr).toBe('');
    damage(file);
    const checked = await cliWithEnv(env, 'audit', 'verify', '--check');
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/bị hỏng/);
    expect(checked.stdout).toBe('');
    // Without --check the command runs on what it reads (the audit trail is not where the damage is).
    expect((await cliWithEnv(env, 'audit', 'verify')).code).toBe(0);
  });
});
