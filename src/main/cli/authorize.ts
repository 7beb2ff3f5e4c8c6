/**
 * The role check of the command line (issue 19): the actor — the user whose password opened the
 * database (DOICHIEU_USER), the administrator (the passphrase or the recovery code) — must be
 * allowed the command's channels in the app's own role table. A database without accounts checks
 * nothing (names are typed there). A refusal is written to the audit trail under the actor's name.
 */
import { accessAllows, channelAllows } from '../../shared/api-contract';
import type { Role } from '../../shared/auth/roles';
import { audit } from '../audit/audit';
import type { Actor } from '../auth/identify';
import { InputError } from './arguments';
import type { CommandAccess } from './command-access';
import type { OpenContext } from './context';

function roleOf(actor: Actor): Role | null {
  if (actor.kind === 'user') return actor.user.role;
  return actor.kind === 'administrator' ? 'admin' : null;
}

function allows(access: CommandAccess, role: Role | null): boolean {
  switch (access.kind) {
    case 'no-database':
      return true;
    case 'channels':
      return access.channels.every((channel) => channelAllows(channel, role));
    case 'roles':
      return accessAllows(access.roles, role);
  }
}

/** Throws an input error (exit 1) when the actor may not run `command`; audits the attempt. */
export function authorize(ctx: OpenContext, command: string, access: CommandAccess): void {
  if (access.kind === 'no-database') return;
  const actor = ctx.actor();
  if (actor.kind === 'none') return;
  const role = roleOf(actor);
  if (allows(access, role)) return;
  audit(ctx.database(), 'access.refused', `cli:${command}`, { command, role }, ctx.io.now());
  if (actor.kind === 'user')
    throw new InputError({
      key: 'cli.commandRefused',
      params: { username: actor.user.username, role: actor.user.role, command },
    });
  throw new InputError({
    key: actor.kind === 'administrator' ? 'cli.commandNeedsUser' : 'cli.actorUnknown',
    params: { command },
  });
}
