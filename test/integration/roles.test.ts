import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import { createHandlers } from '../../src/main/api/handlers';
import type { App } from '../../src/main/app-context';
import { createUser, hashPassword, login, Session, verifyPassword } from '../../src/main/auth/users';
import { CHANNELS } from '../../src/shared/api-contract';
import { CHANNEL_ROLES } from '../../src/shared/api-contract';
import { readLetterhead, saveLetterhead } from '../../src/main/documents/documents';
import { tempApp } from '../helpers/app';
import { PEOPLE } from '../helpers/extract-files';
import { importAndCheck, listWorkbook, seedRegistry } from '../helpers/lists';

let app: App;
let cleanup: () => void;
beforeEach(() => ({ app, cleanup } = tempApp()));
afterEach(() => cleanup());

function as(role: 'police' | 'health' | 'chairman', now = () => new Date()) {
  const session = new Session(60_000);
  const user = createUser(app.ctx.db, { username: `u-${role}`, displayName: role, role, password: 'mat-khau-dai' }, now());
  if (!user.ok) throw new Error(user.problem.key);
  const ctx = { ...app.ctx, session, clock: now };
  const handlers = createHandlers(ctx);
  return { session, call: (channel: string, request: unknown) => dispatch(ctx, handlers, channel, request) };
}

describe('roles, checked in main', () => {
  it('refuse a channel the role may not use, whatever the page shows', async () => {
    const police = as('police');
    expect(await police.call('registry-find', { text: 'Ma' })).toMatchObject({ ok: false, error: { type: 'auth' } });
    const signed = await police.call('auth-login', { username: 'u-police', password: 'mat-khau-dai' });
    expect(signed).toMatchObject({ ok: true, value: { user: { role: 'police' } } });
    expect(await police.call('registry-find', { text: 'Ma' })).toMatchObject({ ok: true });
    // Only the chairman signs; only the administrator manages users.
    expect(await police.call('documents-signoff', { documentId: 1, role: 'chairman' })).toMatchObject({
      ok: false,
      error: { type: 'user', message: 'Tài khoản của bạn không có quyền làm việc này.' },
    });
    expect(await police.call('users-list', {})).toMatchObject({ ok: false, error: { message: /không có quyền/ } });

    const health = as('health');
    await health.call('auth-login', { username: 'u-health', password: 'mat-khau-dai' });
    expect(await health.call('packages-export', {})).toMatchObject({ ok: false, error: { message: /không có quyền/ } });
    expect(await health.call('vaccination-manual', { rows: [] })).toMatchObject({ ok: false, error: { type: 'user' } }); // allowed, then validated

    const chairman = as('chairman');
    await chairman.call('auth-login', { username: 'u-chairman', password: 'mat-khau-dai' });
    expect(await chairman.call('lists-resolve', { entryId: 1, resolution: 'unresolved', note: 'x' })).toMatchObject({
      ok: false,
      error: { message: /không có quyền/ },
    });
  });

  it('a signature and a confirmation belong to the chairman who signed in: not the administrator, no typed name', async () => {
    await seedRegistry(app.ctx.db, PEOPLE);
    saveLetterhead(app.ctx.db, { ...readLetterhead(app.ctx.db), signerName: 'Hoàng Văn Chủ' }, new Date());
    const { imported } = await importAndCheck(
      app.ctx.db,
      await listWorkbook([['Ma Văn Tường', '06/08/1990', 'Nam', '008090012345', 'Việt Nam', 'Thôn Ba 1, xã Trung Hà']]),
    );
    const admin = (channel: string, request: unknown) => dispatch(app.ctx, app.handlers, channel, request);
    const printed = await admin('lists-export', { listId: imported.listId, partial: true });
    expect(printed).toMatchObject({ ok: true });
    const documentId = (printed as { value: { document: { id: number } } }).value.document.id;
    // The administrator may do everything else, but cannot sign or confirm on the chairman's behalf.
    const refused = { ok: false, error: { message: /không có quyền/ } };
    expect(await admin('documents-signoff', { documentId, role: 'chairman' })).toMatchObject(refused);
    expect(await admin('vaccination-confirm', { listId: imported.listId })).toMatchObject(refused);
    // A typed name is not part of the request any more.
    const chairman = as('chairman');
    await chairman.call('auth-login', { username: 'u-chairman', password: 'mat-khau-dai' });
    expect(await chairman.call('documents-signoff', { documentId, by: 'Ai đó', role: 'chairman' })).toMatchObject({
      ok: false,
      error: { message: /không hợp lệ/ },
    });
    expect(await chairman.call('documents-signoff', { documentId, role: 'chairman' })).toMatchObject({
      ok: true,
      value: { signedBy: 'chairman', signedAccount: 'u-chairman', signedRole: 'chairman' },
    });
    const entry = app.ctx.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'document.signoff'").get() as {
      actor: string;
      details: string;
    };
    expect(entry.actor).toBe('chairman (u-chairman)');
    expect(JSON.parse(entry.details)).toMatchObject({ account: 'u-chairman' });
  });

  it('every channel says who may use it', () => {
    expect(Object.keys(CHANNEL_ROLES).sort()).toEqual([...CHANNELS].sort());
    expect(CHANNELS.filter((c) => CHANNEL_ROLES[c] === 'public')).toEqual([
      'app-info',
      'auth-status',
      'auth-setup',
      'auth-login',
      'auth-logout',
      'auth-recover',
    ]);
  });

  it('lock an idle session in main', async () => {
    let now = new Date('2026-11-27T08:00:00Z');
    const police = as('police', () => now);
    await police.call('auth-login', { username: 'u-police', password: 'mat-khau-dai' });
    now = new Date(now.getTime() + 50_000);
    expect(await police.call('lists-all', {})).toMatchObject({ ok: true });
    now = new Date(now.getTime() + 61_000);
    expect(await police.call('lists-all', {})).toMatchObject({ ok: false, error: { type: 'auth' } });
  });

  it('keep passwords as scrypt hashes only, and the first run sets up one administrator', async () => {
    const hash = hashPassword('mật khẩu');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(verifyPassword('mật khẩu', hash)).toBe(true);
    expect(verifyPassword('mat khau', hash)).toBe(false);
    expect(JSON.stringify(app.ctx.db.prepare('SELECT * FROM users').all())).not.toContain('mat-khau-thu');
    const session = new Session();
    expect(login(app.ctx.db, session, 'quantri', 'sai', new Date())).toMatchObject({ ok: false, problem: { key: 'auth.wrong' } });
    const setup = await dispatch(app.ctx, app.handlers, 'auth-setup', {
      username: 'khac',
      displayName: 'Khác',
      password: 'mat-khau-dai',
    });
    expect(setup).toMatchObject({ ok: false, error: { message: 'Đã có tài khoản quản trị; hãy đăng nhập.' } });
  });
});
