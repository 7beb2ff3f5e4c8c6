/** The database file's soundness (issue 18): what the banner asks, whoever is signed in. */
import { EVERYONE } from '../auth/roles';
import { channel, noFields } from './define';

/**
 * `unchecked`: the background check has not run yet (or could not run); `checking`: it runs;
 * `ok`: the file passed it; `damaged`: the check, or a query, found the file damaged — the app is
 * read-only until a backup is restored.
 */
export type DatabaseHealthState = 'unchecked' | 'checking' | 'ok' | 'damaged';

export interface DatabaseHealthView {
  readonly state: DatabaseHealthState;
  /** SQLite's own first lines about the damage (for whoever restores it), or null. */
  readonly detail: string | null;
  /** The newest backup in the backup folder (the one to restore), or null: none, or no folder chosen. */
  readonly lastBackup: { readonly name: string; readonly createdAt: string } | null;
}

export const HEALTH_CHANNELS = {
  'db-health': channel<DatabaseHealthView>()({ effect: 'reads', request: noFields, roles: EVERYONE }),
} as const;
