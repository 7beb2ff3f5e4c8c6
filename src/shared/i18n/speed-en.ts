import type { speedVi } from './speed-vi';

/** English text of speed at any size, key for key with `speedVi`. */
export const speedEn: Record<keyof typeof speedVi, string> = {
  'health.readOnly':
    'The database is damaged, so the app only shows what it holds and writes nothing more. Restore the latest backup (Settings → Backup).',
  'health.foundDamaged':
    'The database is damaged: SQLite could not read part of the file. From now on the app only shows what it holds; restore the latest backup.',
  'health.bannerTitle': 'Database damaged: the app is read-only',
  'health.bannerText':
    'The database file on this computer is damaged (a failing disk, a power cut while writing…). So that nothing more is lost, the app writes nothing: you can still look, but not import, check, look people up or print. What to do: restore the latest backup, then redo the work done since it was made.',
  'health.lastBackup': 'Latest backup: {name} (made {at}).',
  'health.noBackup': 'No backup found in the backup folder: choose the folder (USB drive) that holds one in Settings → Backup.',
  'health.askAdmin': 'Tell the administrator at once, so that they restore the latest backup.',
  'health.restoreButton': 'Go to restore',
  'health.detail': 'Technical detail: {detail}',
  'health.checkFailed': 'Could not check the database file "{file}": {detail}',
  'health.cliDamaged':
    'The database is damaged ({detail}); the command stopped and wrote nothing. Run it again with --check to check the whole file, then restore the latest backup.',
  'cli.opt.check': 'Check the whole database file before running the command; a damaged file is reported and the exit code is 1',
};
