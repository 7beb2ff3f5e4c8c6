/**
 * Who is acting when there is no sign-in screen (the command line): the user whose password opened
 * the database (`DOICHIEU_USER` names them), the administrator (the passphrase or the recovery code),
 * nobody in particular in a database without accounts, or someone the secret does not identify.
 */
import type { UserView } from '../../shared/api-contract';
import { fail, ok, type Result } from '../../shared/result';
import type { DatabaseKeys } from '../db/keyring';
import type { Db } from '../db/open-database';
import { userByPassword, userCount, userWithPassword } from './users';

export type Actor =
  /** A database without accounts (made by the command line): names are typed, as before accounts. */
  | { readonly kind: 'none' }
  | { readonly kind: 'user'; readonly user: UserView }
  /** The passphrase or the recovery code: they act as the administrator. */
  | { readonly kind: 'administrator' }
  /** Accounts exist, but the secret is none of theirs (a plain database opened without one). */
  | { readonly kind: 'unknown' };

/** Who `secret` (and `username`, when given) make the actor in this database. */
export function identify(db: Db, keys: DatabaseKeys, secret: string | null, username: string | undefined): Result<Actor> {
  if (userCount(db) === 0) return ok({ kind: 'none' });
  if (username !== undefined) {
    const user = secret === null ? null : userWithPassword(db, username, secret);
    return user ? ok({ kind: 'user', user }) : fail('cli.userWrongPassword', { username });
  }
  if (secret === null) return ok({ kind: 'unknown' });
  if (keys.opens('passphrase', '', secret) || keys.opens('recovery', '', secret)) return ok({ kind: 'administrator' });
  const user = userByPassword(db, secret);
  return ok(user ? { kind: 'user', user } : { kind: 'unknown' });
}

/** How the audit trail names an actor. */
export function actorName(actor: Actor, typed: string | undefined): string {
  switch (actor.kind) {
    case 'user':
      return `${actor.user.displayName} (${actor.user.username})`;
    case 'administrator':
      return 'CLI: admin';
    default:
      return `CLI${typed === undefined ? '' : `: ${typed}`}`;
  }
}
