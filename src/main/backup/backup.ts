/**
 * Backups (issue 8): a consistent copy with `VACUUM INTO` (encrypted with the same key; the online
 * backup API fails on encrypted files), checked with `integrity_check` before it is called a backup;
 * a preview of what a backup holds before restoring it; restoring replaces the file whole.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupPreview } from '../../shared/api-contract';
import { fail, ok, type Result } from '../../shared/result';
import { audit } from '../audit/audit';
import { keyringFile, type DatabaseKeys } from '../db/keyring';
import { openDatabase, type Db } from '../db/open-database';
import { getSetting, setSetting } from '../settings/settings';

export interface BackupInfo {
  readonly file: string;
  readonly bytes: number;
  readonly createdAt: string;
}

export type { BackupPreview };

const stamp = (now: Date) =>
  new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/** The names backups are written under (and the only files a restore from the app accepts). */
export const BACKUP_NAME = /^doichieu-sao-luu-\d{8}-\d{6}\.sqlite$/;

/** The backups in a folder, newest first. */
export function listBackups(folder: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => BACKUP_NAME.test(name));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const stat = statSync(join(folder, name));
      return { file: join(folder, name), bytes: stat.size, createdAt: stat.mtime.toISOString() };
    })
    .sort((a, b) => (a.file < b.file ? 1 : -1));
}

/**
 * Copies the database into `folder` (a USB drive), then checks the copy before trusting it. An
 * encrypted database's copy stays encrypted, and its keyring goes beside it.
 */
export function createBackup(db: Db, folder: string, keys: DatabaseKeys, now: Date): Result<BackupInfo> {
  const key = keys.key;
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    return fail('backup.folder', { folder, reason: (error as Error).message });
  }
  const file = join(folder, `doichieu-sao-luu-${stamp(now)}.sqlite`);
  if (existsSync(file)) return fail('backup.exists', { file });
  try {
    db.prepare('VACUUM INTO ?').run(file);
  } catch (error) {
    return fail('backup.folder', { folder, reason: (error as Error).message });
  }
  const check = checkCopy(file, key);
  if (!check.ok) {
    rmSync(file, { force: true });
    return check;
  }
  keys.copyKeyringTo(file);
  audit(db, 'backup.create', null, { bytes: statSync(file).size }, now);
  setSetting(db, 'last-backup', now.toISOString());
  return ok({ file, bytes: statSync(file).size, createdAt: now.toISOString() });
}

function checkCopy(file: string, key: string | null): Result<BackupPreview> {
  const opened = openDatabase(file, { key });
  if (!opened.ok) return opened;
  const copy = opened.value;
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return fail('backup.damaged', { file, detail: String(integrity) });
    const count = (table: string) => (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return ok({
      file,
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      residents: count('residents'),
      lists: count('lists'),
      documents: count('documents'),
      packages: count('packages'),
      lastChange: (copy.prepare('SELECT max(at) AS at FROM audit_log').get() as { at: string | null }).at,
    });
  } finally {
    copy.close();
  }
}

/** What a backup holds, after checking it whole: shown before a restore. */
export function previewBackup(file: string, key: string | null): Result<BackupPreview> {
  if (!existsSync(file)) return fail('cli.fileNotFound', { file });
  return checkCopy(file, key);
}

/**
 * Replaces the database file with a checked backup. The caller has closed its connection; the old
 * file is kept beside it (`.truoc-khi-khoi-phuc`) until the restored one has opened.
 */
export function restoreBackup(databaseFile: string, backupFile: string, key: string | null, now: Date): Result<BackupPreview> {
  const preview = previewBackup(backupFile, key);
  if (!preview.ok) return preview;
  // The database and its keyring are replaced together, and put back together if the copy will not open.
  const pairs = [
    [databaseFile, backupFile],
    [keyringFile(databaseFile), keyringFile(backupFile)],
  ] as const;
  const kept = (file: string) => `${file}.truoc-khi-khoi-phuc`;
  for (const [target] of pairs) if (existsSync(target)) copyFileSync(target, kept(target));
  for (const suffix of ['-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
  for (const [target, source] of pairs) {
    if (existsSync(source)) copyFileSync(source, target);
    else rmSync(target, { force: true });
  }
  const opened = openDatabase(databaseFile, { key });
  if (!opened.ok) {
    for (const [target] of pairs) if (existsSync(kept(target))) copyFileSync(kept(target), target);
    return opened;
  }
  audit(opened.value, 'backup.restore', null, { residents: preview.value.residents }, now);
  opened.value.close();
  for (const [target] of pairs) rmSync(kept(target), { force: true });
  return preview;
}

/** Whether the scheduled backup is due: a folder is set and the last backup is a day old. */
export function backupDue(db: Db, now: Date): string | null {
  const folder = getSetting(db, 'backup-folder');
  if (!folder) return null;
  const last = getSetting(db, 'last-backup');
  return last === null || now.getTime() - new Date(last).getTime() >= 24 * 3_600_000 ? folder : null;
}
