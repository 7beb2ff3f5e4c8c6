import { basename, join } from 'node:path';
import type { BACKUP_CHANNELS } from '../../../shared/api/backup';
import type { BackupState } from '../../../shared/api-contract';
import { fail, ok, type Result } from '../../../shared/result';
import { createBackup, listBackups, previewBackup } from '../../backup/backup';
import type { Db } from '../../db/open-database';
import { getSetting, setSetting } from '../../settings/settings';
import type { ApiContext, DomainHandlers } from '../context';

function backupState(db: Db): BackupState {
  return {
    folder: getSetting(db, 'backup-folder'),
    lastBackupAt: getSetting(db, 'last-backup'),
    lastFile: getSetting(db, 'last-backup-file'),
  };
}

/** A backup file named by the page, inside the chosen folder (no path crosses the API). */
function backupFile(db: Db, name?: string): Result<string> {
  const folder = getSetting(db, 'backup-folder');
  if (!folder) return fail('backup.noFolder');
  return ok(name === undefined ? folder : join(folder, name));
}

export function backupHandlers(ctx: ApiContext): DomainHandlers<typeof BACKUP_CHANNELS> {
  const { db } = ctx;
  return {
    'backup-state': () => ok(backupState(db)),
    'backup-set-folder': ({ folder }) => {
      setSetting(db, 'backup-folder', folder);
      return ok(backupState(db));
    },
    'backup-now': () => {
      const folder = backupFile(db);
      if (!folder.ok) return folder;
      const made = createBackup(db, folder.value, ctx.keys, ctx.clock());
      if (!made.ok) return made;
      setSetting(db, 'last-backup-file', made.value.file);
      // The copy was checked whole; the file itself is too, in the background (indexes against tables).
      void ctx.health.check('full');
      return ok(backupState(db));
    },
    'backup-list': () => {
      const folder = backupFile(db);
      if (!folder.ok) return folder;
      return ok(listBackups(folder.value).map((b) => ({ name: basename(b.file), bytes: b.bytes, createdAt: b.createdAt })));
    },
    'backup-preview': ({ name }) => {
      const file = backupFile(db, name);
      return file.ok ? previewBackup(file.value, ctx.keys.key) : file;
    },
    'backup-restore': ({ name }) => {
      const file = backupFile(db, name);
      if (!file.ok) return file;
      return ctx.restore ? ctx.restore(file.value) : fail('backup.restoreHere');
    },
  };
}
