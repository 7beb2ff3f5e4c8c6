/**
 * Users and the signed-in session (issue 8): passwords hashed with scrypt (node:crypto), the first
 * run creates the administrator, and a session ends after a spell of inactivity (the idle lock),
 * enforced here in main whatever the page does.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { UserView } from '../../shared/api-contract';
import type { Role } from '../../shared/auth/roles';
import { fail, ok, type Result } from '../../shared/result';
import { audit, setActor } from '../audit/audit';
import type { Db } from '../db/open-database';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };
/** A session idle this long is locked. */
export const IDLE_MINUTES = 15;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: 0 | 1;
}

const view = (u: UserRow): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  disabled: u.disabled === 1,
});

export function userCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function listUsers(db: Db): UserView[] {
  return db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username').all().map(view);
}

export const MIN_PASSWORD_LENGTH = 8;

export function createUser(
  db: Db,
  request: { username: string; displayName: string; role: Role; password: string },
  now: Date,
): Result<UserView> {
  if (request.password.length < MIN_PASSWORD_LENGTH) return fail('auth.shortPassword', { min: MIN_PASSWORD_LENGTH });
  const exists = db.prepare('SELECT 1 FROM users WHERE username = ?').get(request.username);
  if (exists) return fail('auth.userExists', { username: request.username });
  const id = Number(
    db
      .prepare('INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(request.username, request.displayName, request.role, hashPassword(request.password), now.toISOString())
      .lastInsertRowid,
  );
  audit(db, 'user.add', `user:${id}`, { role: request.role }, now);
  return ok(view(db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?').get(id)!));
}

/** Gives a user a new password (an administrator's reset, or a recovery). */
export function resetPassword(db: Db, username: string, password: string, now: Date): Result<UserView> {
  if (password.length < MIN_PASSWORD_LENGTH) return fail('auth.shortPassword', { min: MIN_PASSWORD_LENGTH });
  const row = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(username);
  if (!row) return fail('auth.noSuchUser', { username });
  db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hashPassword(password), row.id);
  audit(db, 'user.password', `user:${row.id}`, {}, now);
  return ok(view(row));
}

/** The role of a user, or null when there is none by that name. */
export function userRole(db: Db, username: string): Role | null {
  return (
    db.prepare<[string], { role: Role }>('SELECT role FROM users WHERE username = ? AND disabled = 0').get(username)?.role ?? null
  );
}

/** The one person at this computer: who signed in, and when they last did anything. */
export class Session {
  private user: UserView | null = null;
  private lastSeen = 0;

  constructor(private readonly idleMs = IDLE_MINUTES * 60_000) {}

  /** The signed-in user, or null once signed out or idle too long (then signed out). */
  current(now: Date): UserView | null {
    if (this.user && now.getTime() - this.lastSeen > this.idleMs) this.user = null;
    return this.user;
  }

  touch(now: Date): void {
    this.lastSeen = now.getTime();
  }

  signIn(user: UserView, now: Date): void {
    this.user = user;
    this.lastSeen = now.getTime();
  }

  signOut(): void {
    this.user = null;
  }
}

/** Checks a password; the same message whether the user or the password was wrong. */
export function login(db: Db, session: Session, username: string, password: string, now: Date): Result<UserView> {
  const row = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ? AND disabled = 0').get(username);
  // A made-up hash keeps the time the same when the user does not exist.
  const ok_ = verifyPassword(password, row?.password_hash ?? hashPassword('không có người dùng này'));
  if (!row || !ok_) {
    audit(db, 'auth.failed', null, {}, now);
    return fail('auth.wrong');
  }
  session.signIn(view(row), now);
  // The audit trail names the person and their account.
  setActor(db, `${row.display_name} (${row.username})`);
  audit(db, 'auth.login', `user:${row.id}`, {}, now);
  return ok(view(row));
}

/** The enabled user `username` when `password` is theirs, else null (no audit: the caller decides what a miss means). */
export function userWithPassword(db: Db, username: string, password: string): UserView | null {
  const row = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ? AND disabled = 0').get(username);
  return row && verifyPassword(password, row.password_hash) ? view(row) : null;
}

/** The enabled user whose password `password` is, if any. */
export function userByPassword(db: Db, password: string): UserView | null {
  const rows = db.prepare<[], UserRow>('SELECT * FROM users WHERE disabled = 0 ORDER BY id').all();
  const row = rows.find((r) => verifyPassword(password, r.password_hash));
  return row ? view(row) : null;
}

/** Whether `username` is the only enabled administrator (who may be neither disabled nor demoted). */
function isLastAdmin(db: Db, username: string): boolean {
  const admins = db.prepare<[], { username: string }>("SELECT username FROM users WHERE role = 'admin' AND disabled = 0").all();
  return admins.length === 1 && admins[0]!.username.toLowerCase() === username.toLowerCase();
}

/** Gives an account another role; the last administrator keeps theirs. Audited. */
export function setUserRole(db: Db, username: string, role: Role, now: Date): Result<UserView> {
  const row = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(username);
  if (!row) return fail('users.notFound', { username });
  if (row.role === role) return ok(view(row));
  if (row.role === 'admin' && isLastAdmin(db, username)) return fail('users.lastAdmin');
  db.transaction(() => {
    db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, row.id);
    audit(db, 'user.role', `user:${row.id}`, { from: row.role, to: role }, now);
  }).immediate();
  return ok(view({ ...row, role }));
}

/** Disables an account (it can no longer sign in) or enables it again; the last administrator stays enabled. Audited. */
export function setUserDisabled(db: Db, username: string, disabled: boolean, now: Date): Result<UserView> {
  const row = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(username);
  if (!row) return fail('users.notFound', { username });
  if (disabled && row.role === 'admin' && isLastAdmin(db, username)) return fail('users.lastAdmin');
  db.transaction(() => {
    db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, row.id);
    audit(db, disabled ? 'user.disable' : 'user.enable', `user:${row.id}`, {}, now);
  }).immediate();
  return ok(view({ ...row, disabled: disabled ? 1 : 0 }));
}
