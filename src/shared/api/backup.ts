/** Backups: the folder, backing up now, and restoring one after a preview. */
import { z } from 'zod';
import { ADMIN } from '../auth/roles';
import { channel, noFields } from './define';

export interface BackupState {
  /** Where the daily backup goes (a USB drive, a shared folder); null until chosen. */
  readonly folder: string | null;
  readonly lastBackupAt: string | null;
  readonly lastFile: string | null;
}

export interface BackupFile {
  readonly name: string;
  readonly bytes: number;
  readonly createdAt: string;
}

/** What a backup holds, read from the checked copy before anything is replaced. */
export interface BackupPreview {
  readonly file: string;
  readonly schemaVersion: number;
  readonly residents: number;
  readonly lists: number;
  readonly documents: number;
  readonly packages: number;
  readonly lastChange: string | null;
}

// A backup is named, not given as a path: only the files in the backup folder can be restored.
const backupName = z.object({ name: z.string().regex(/^doichieu-sao-luu-\d{8}-\d{6}\.sqlite$/) }).strict();

export const BACKUP_CHANNELS = {
  'backup-state': channel<BackupState>()({ effect: 'reads', request: noFields, roles: ADMIN }),
  // The folder is where the backup to restore is found: one setting, needed to get out of the damage.
  'backup-set-folder': channel<BackupState>()({
    effect: 'recovery',
    request: z.object({ folder: z.string().trim().min(1).max(500) }).strict(),
    roles: ADMIN,
  }),
  'backup-now': channel<BackupState>()({ effect: 'writes', request: noFields, roles: ADMIN }),
  'backup-list': channel<readonly BackupFile[]>()({ effect: 'reads', request: noFields, roles: ADMIN }),
  'backup-preview': channel<BackupPreview>()({ effect: 'reads', request: backupName, roles: ADMIN }),
  'backup-restore': channel<BackupPreview>()({ effect: 'recovery', request: backupName, roles: ADMIN }),
} as const;
