/**
 * Signing and confirming from the command line (issue 15, DESIGN §5 `list confirm`): in a database
 * with accounts only the chairman, as the user whose password opened it, and never under a typed
 * name; in a database without accounts the name is typed with `--by`.
 */
import type { Role } from '../../shared/auth/roles';
import { InputError } from './arguments';
import type { CliContext } from './command';

export interface Signer {
  readonly name: string;
  /** The signer's account, when the database has accounts. */
  readonly account: string | null;
}

/** The person signing, or an input error saying what the database needs. */
export function signerOf(ctx: CliContext, roles: readonly Role[] = ['chairman']): Signer {
  const actor = ctx.actor();
  const typed = ctx.option('by')?.trim();
  if (actor.kind === 'none') {
    if (!typed) throw new InputError({ key: 'cli.byNeeded' });
    return { name: typed, account: null };
  }
  if (actor.kind !== 'user' || typed !== undefined) throw new InputError({ key: 'cli.confirmNeedsUser' });
  if (!roles.includes(actor.user.role))
    throw new InputError({ key: 'cli.roleRefused', params: { username: actor.user.username, role: actor.user.role } });
  return { name: actor.user.displayName, account: actor.user.username };
}
