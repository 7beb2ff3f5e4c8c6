/**
 * Issue 21: who looked at whom. A look-up at the command line and a resident card opened through
 * the web host both reach the access log, with the user and the context; `access log` prints them
 * in the contract's shape; the chain verifies, and a removed or changed entry is found.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app-context';
import { openWithPassphrase } from '../../src/main/db/open-with-passphrase';
import { silentLogger } from '../../src/main/log/logger';
import { startWebHost, type WebHost } from '../../src/main/web-host';
import { fromWire, toWire, type Base64Codec } from '../../src/shared/wire';
import { CLI_NOW, cliWithEnv } from '../helpers/cli';
import { REGISTRY_CSV, tempDir } from '../helpers/paths';

const codec: Base64Codec = {
  encode: (b) => Buffer.from(b).toString('base64'),
  decode: (t) => new Uint8Array(Buffer.from(t, 'base64')),
};
const THOA = '008198223458';
const KEY = { DOICHIEU_KEY: 'cum-tu-bi-mat-dai' };
const POLICE = { DOICHIEU_USER: 'canbo', DOICHIEU_KEY: 'mat-khau-canbo' };

let dir: string;
let db: string;
let done: () => void;

beforeEach(async () => {
  ({ dir, cleanup: done } = tempDir());
  db = join(dir, 'xa.sqlite');
  expect((await cliWithEnv(KEY, 'registry', 'import', REGISTRY_CSV, '--db', db)).code).toBe(0);
});
afterEach(() => done());

/** The accounts: a police officer, a health worker, the administrator. */
async function addUsers(): Promise<void> {
  const add = (username: string, name: string, role: string) =>
    cliWithEnv(
      { ...KEY, DOICHIEU_PASSWORD: `mat-khau-${username}` },
      'user',
      'add',
      username,
      '--role',
      role,
      '--name',
      name,
      '--db',
      db,
    );
  expect((await add('canbo', 'Nguyễn Văn Công', 'police')).code).toBe(0);
  expect((await add('yte', 'Hoàng Thị Lan', 'health')).code).toBe(0);
  expect((await add('quantri', 'Quản trị viên', 'admin')).code).toBe(0);
}

/** The app on the same file behind the web host, as `npm run serve` runs it. */
async function served<T>(use: (call: (channel: string, body: unknown) => Promise<unknown>) => Promise<T>): Promise<T> {
  const created = createApp(db, 'test', silentLogger, { key: KEY.DOICHIEU_KEY });
  if (!created.ok) throw new Error(created.problem.key);
  const app: App = created.value;
  const host: WebHost = await startWebHost({ app, rendererDir: dir, port: 0 });
  const call = async (channel: string, body: unknown) => {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Doichieu-Token': host.token },
      body: toWire(body, codec),
    });
    const answer = fromWire(await response.text(), codec) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!answer.ok) throw new Error(`${channel}: ${answer.error?.message}`);
    return answer.value;
  };
  try {
    return await use(call);
  } finally {
    await host.close();
    app.close();
  }
}

/** Changes the file behind the app's back, as someone with the key and a SQLite tool could. */
function tamper(sql: string): void {
  const opened = openWithPassphrase(db, KEY.DOICHIEU_KEY);
  if (!opened.ok) throw new Error(opened.problem.key);
  opened.value.db.exec(sql);
  opened.value.db.close();
}

describe('the access log', () => {
  it('lists a CLI look-up and a card opened in the UI, with the user and the context; the chain verifies and a removed entry is found', async () => {
    await addUsers();
    const found = await cliWithEnv(POLICE, 'registry', 'find', THOA, '--db', db, '--json');
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout)).toMatchObject([{ personalId: THOA, fullName: 'Ma Thị Thoa' }]);
    // A search by name records the search, not the people it shows.
    expect((await cliWithEnv(POLICE, 'registry', 'find', 'ma thi', '--db', db)).code).toBe(0);

    const cards = await served(async (call) => {
      await call('auth-login', { username: 'yte', password: 'mat-khau-yte' });
      const health = (await call('residents-card', { residentId: THOA })) as {
        resident: { fullName: string };
        visits: unknown;
        access: unknown;
      };
      await call('auth-login', { username: 'quantri', password: 'mat-khau-quantri' });
      const admin = (await call('residents-card', { residentId: THOA, from: 'list', listId: 7 })) as {
        access: { action: string }[];
      };
      return { health, admin };
    });
    // Health staff see the record, not the checkpoint log nor who looked; the administrator sees who looked.
    expect(cards.health).toMatchObject({ resident: { fullName: 'Ma Thị Thoa' }, visits: null, access: null });
    expect(cards.admin.access.map((a) => a.action)).toEqual(['open', 'open', 'find']);

    const log = await cliWithEnv(KEY, 'access', 'log', '--resident', THOA, '--db', db, '--json');
    expect(log.code).toBe(0);
    const entries = JSON.parse(log.stdout) as Record<string, unknown>[];
    expect(entries).toEqual([
      { at: CLI_NOW.toISOString(), user: 'Nguyễn Văn Công (canbo)', action: 'find', residentId: THOA, context: 'search' },
      { at: expect.any(String), user: 'Hoàng Thị Lan (yte)', action: 'open', residentId: THOA, context: 'search' },
      { at: expect.any(String), user: 'Quản trị viên (quantri)', action: 'open', residentId: THOA, context: 'list:7' },
    ]);
    const all = JSON.parse((await cliWithEnv(KEY, 'access', 'log', '--db', db, '--json')).stdout) as Record<string, unknown>[];
    expect(all).toContainEqual({
      at: CLI_NOW.toISOString(),
      user: 'Nguyễn Văn Công (canbo)',
      action: 'find',
      residentId: null,
      context: 'search:ma thi',
    });
    const human = await cliWithEnv(KEY, 'access', 'log', '--resident', THOA, '--db', db);
    expect(human.stdout).toMatch(/27\/11\/2026 15:00 {2}Nguyễn Văn Công \(canbo\) {2}Tìm kiếm {2}008198223458 {2}Tìm theo số/);

    const verified = await cliWithEnv(KEY, 'access', 'verify', '--db', db, '--json');
    expect(JSON.parse(verified.stdout)).toEqual({ valid: true, entries: 4, problems: [] });

    tamper('DROP TRIGGER access_log_no_delete; DELETE FROM access_log WHERE seq = 2;');
    const broken = await cliWithEnv(KEY, 'access', 'verify', '--db', db, '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({
      valid: false,
      problems: ['Nhật ký truy cập thiếu mục số 2: đã có mục bị xóa.'],
    });
  });

  it('finds a changed entry, refuses changes through SQL, and takes only well-formed options', async () => {
    // A database without accounts: the command line is the actor.
    expect((await cliWithEnv(KEY, 'registry', 'find', THOA, '--db', db)).code).toBe(0);
    const opened = openWithPassphrase(db, KEY.DOICHIEU_KEY);
    if (!opened.ok) throw new Error(opened.problem.key);
    const raw = opened.value.db;
    expect(() => raw.prepare("UPDATE access_log SET actor = 'ai đó'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM access_log').run()).toThrow(/append-only/);
    raw.close();
    tamper("DROP TRIGGER access_log_no_update; UPDATE access_log SET actor = 'ai đó' WHERE seq = 1;");
    const broken = await cliWithEnv(KEY, 'access', 'verify', '--db', db, '--json');
    expect(JSON.parse(broken.stdout)).toMatchObject({ valid: false, problems: ['Mục số 1 của nhật ký truy cập đã bị sửa.'] });

    expect((await cliWithEnv(KEY, 'access', 'log', '--resident', 'abc', '--db', db)).code).toBe(2);
    expect((await cliWithEnv(KEY, 'access', 'log', '--since', '31/31/2026', '--db', db)).code).toBe(2);
    const since = await cliWithEnv(KEY, 'access', 'log', '--since', '2026-11-28', '--db', db, '--json');
    expect(JSON.parse(since.stdout)).toEqual([]);
    const sameDay = await cliWithEnv(KEY, 'access', 'log', '--since', '2026-11', '--db', db, '--json');
    expect(JSON.parse(sameDay.stdout)).toHaveLength(1);
  });
});
