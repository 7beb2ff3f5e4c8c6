/**
 * Accounts as every host changes them: a user's password always opens the encrypted database too
 * (its keyring entry is written with it), and the administrator's recovery code is theirs alone.
 */
import type { UserView } from '../../shared/api-contract';
import type { Role } from '../../shared/auth/roles';
import { fail, ok, type Result } from '../../shared/result';
import { audit } from '../audit/audit';
import type { DatabaseKeys } from '../db/keyring';
import type { Db } from '../db/open-database';
import { createUser, login, resetPassword, userCount, userRole, type Session } from './users';

export interface NewAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly password: string;
}

/** Makes an account whose password opens the database. */
export function addAccount(db: Db, keys: DatabaseKeys, account: NewAccount, now: Date): Result<UserView> {
  const created = createUser(db, account, now);
  if (!created.ok) return created;
  const granted = keys.grant('user', account.username, account.password);
  return granted.ok ? created : granted;
}

/** Sets a new password for an account, and lets it open the database. */
export function resetAccountPassword(
  db: Db,
  keys: DatabaseKeys,
  username: string,
  password: string,
  now: Date,
): Result<UserView> {
  const reset = resetPassword(db, username, password, now);
  if (!reset.ok) return reset;
  const granted = keys.grant('user', username, password);
  return granted.ok ? reset : granted;
}

/**
 * The first run: the administrator's account, signed in at once; an encrypted database gets its
 * recovery code now, returned this once for the administrator to write down.
 */
export function setupAdministrator(
  db: Db,
  keys: DatabaseKeys,
  session: Session,
  account: Omit<NewAccount, 'role'>,
  now: Date,
): Result<{ readonly recoveryCode: string | null }> {
  if (userCount(db) > 0) return fail('auth.setupDone');
  const created = addAccount(db, keys, { ...account, role: 'admin' }, now);
  if (!created.ok) return created;
  let recoveryCode: string | null = null;
  if (keys.encrypted && !keys.hasRecovery()) {
    const made = keys.newRecoveryCode();
    if (!made.ok) return made;
    recoveryCode = made.value;
  }
  const signedIn = login(db, session, account.username, account.password, now);
  return signedIn.ok ? ok({ recoveryCode }) : signedIn;
}

/** "Forgot the administrator's password": the recovery code sets a new one for an administrator, and signs them in. */
export function recoverAdministrator(
  db: Db,
  keys: DatabaseKeys,
  session: Session,
  request: { readonly code: string; readonly username: string; readonly password: string },
  now: Date,
): Result<UserView> {
  if (!keys.hasRecovery()) return fail('auth.noRecovery');
  if (!keys.opens('recovery', '', request.code)) {
    audit(db, 'auth.failed', null, { recovery: true }, now);
    return fail('auth.wrongCode');
  }
  // The recovery code is the administrator's: it resets an administrator's password, no one else's.
  if (userRole(db, request.username) !== 'admin') return fail('auth.recoverAdminOnly', { username: request.username });
  const reset = resetAccountPassword(db, keys, request.username, request.password, now);
  if (!reset.ok) return reset;
  audit(db, 'auth.recover', `user:${reset.value.id}`, {}, now);
  return login(db, session, request.username, request.password, now);
}

/** A new recovery code for an encrypted database (the old one stops working). */
export function renewRecoveryCode(db: Db, keys: DatabaseKeys, now: Date): Result<string> {
  if (!keys.encrypted) return fail('keys.notEncrypted');
  const made = keys.newRecoveryCode();
  if (made.ok) audit(db, 'keys.recovery', null, {}, now);
  return made;
}
