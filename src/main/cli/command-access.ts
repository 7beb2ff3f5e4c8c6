/**
 * Who may run each CLI command (issue 19): the channel(s) of the app it does the work of, checked
 * against the same role table as the app (`channelAllows`), for the user whose password opened the
 * database. One entry per command; `run-cli` checks it before the command runs.
 */
import type { Access, Channel } from '../../shared/api-contract';
import { ADMIN, EVERYONE } from '../../shared/auth/roles';

export type CommandAccess =
  /** Never opens the installation's database (parsing text, replaying a capture, a backup file opened by its own key). */
  | { readonly kind: 'no-database' }
  /**
   * The actor must be allowed every channel. `readOnly`: writes nothing, so a missing database file
   * is not made. A command run without a database (`chip read` may) has nothing to check.
   */
  | { readonly kind: 'channels'; readonly channels: readonly Channel[]; readonly readOnly: boolean }
  /** Work no channel of the app does: the roles named here. */
  | { readonly kind: 'roles'; readonly roles: Access; readonly readOnly: boolean };

const noDatabase: CommandAccess = { kind: 'no-database' };
const writes = (...channels: Channel[]): CommandAccess => ({ kind: 'channels', channels, readOnly: false });
const reads = (...channels: Channel[]): CommandAccess => ({ kind: 'channels', channels, readOnly: true });

/** Every command by name (`list export`); a command missing here is a bug `run-cli` refuses to run. */
export const COMMAND_ACCESS: Readonly<Record<string, CommandAccess>> = {
  'qr parse': noDatabase,
  'id check': noDatabase,
  'mrz parse': noDatabase,
  'scanner replay': noDatabase,
  'chip replay': noDatabase,
  // The database is optional (its CSCA certificates); given one, its user must be allowed to read chips.
  'chip read': reads('chip-read'),
  // The backup's own keyring decides who may open it; the installation's database is not touched.
  'backup check': noDatabase,
  'registry import': writes('registry-import-start'),
  'registry find': reads('registry-find'),
  'list import': writes('lists-import'),
  'list check': writes('lists-check'),
  'list export': writes('lists-export'),
  'list confirm': writes('vaccination-confirm'),
  'infection add': writes('infections-add'),
  'doc verify': reads('documents-verify'),
  'doc list': reads('documents-list'),
  'doc sign': writes('documents-signoff'),
  'doc sign-pdf': reads('documents-pdf'),
  'package export': writes('packages-export', 'packages-file'),
  'package verify': reads('packages-verify'),
  'package ack': writes('packages-ack'),
  'package key': writes('packages-registry-key-set'),
  // Says only whether the trail is whole: nothing personal.
  'audit verify': { kind: 'roles', roles: EVERYONE, readOnly: true },
  'access log': reads('access-log'),
  'access verify': reads('access-verify'),
  'user add': writes('users-add'),
  'backup create': writes('backup-now'),
  'backup restore': writes('backup-restore'),
};

/** A command the table does not name (a bug the unit test catches): the administrator only. */
export const UNLISTED_ACCESS: CommandAccess = { kind: 'roles', roles: ADMIN, readOnly: false };

/** The entry of a command. */
export function commandAccess(name: string): CommandAccess {
  return COMMAND_ACCESS[name] ?? UNLISTED_ACCESS;
}
