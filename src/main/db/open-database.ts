import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { fail, ok, type Result } from '../../shared/result';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

/** The cipher of an encrypted database (SQLite3 Multiple Ciphers' ChaCha20-Poly1305). */
const CIPHER = 'chacha20';

function quoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export interface OpenOptions {
  /** The passphrase of an encrypted database; absent or empty: not encrypted. */
  readonly key?: string | null | undefined;
}

/**
 * Opens (creating if needed) the installation's one SQLite file: encrypted with the key when one is
 * given (checked at once — a wrong key would otherwise fail only at the first read), WAL, foreign
 * keys, migrations. The returned connection is the only writer; callers pass it to services.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Result<Db> {
  let db: Db;
  const isNew = file === ':memory:' || !existsSync(file);
  try {
    db = new Database(file);
  } catch (error) {
    return fail('db.openFailed', { file, reason: (error as Error).message });
  }
  const key = options.key || null;
  try {
    if (key !== null) {
      db.pragma(`cipher=${quoted(CIPHER)}`);
      db.pragma(`key=${quoted(key)}`);
    }
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    db.close();
    return fail(key === null ? 'db.encrypted' : isNew ? 'db.openFailed' : 'db.wrongKey', { file, reason: '' });
  }
  // A quick check at every start: a damaged file is said so now, not halfway through some work.
  try {
    const quick = db.pragma('quick_check', { simple: true });
    if (quick !== 'ok') {
      db.close();
      return fail('db.damaged', { file, detail: String(quick).slice(0, 200) });
    }
  } catch (error) {
    db.close();
    return fail('db.damaged', { file, detail: (error as Error).message });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // 64 MB of page cache: a large extract's index pages stay in memory while it is written.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    const outcome = migrate(db, MIGRATIONS);
    if (outcome.kind === 'newer') {
      db.close();
      return fail('db.newer', { file, found: outcome.found, supported: outcome.supported });
    }
    return ok(db);
  } catch (error) {
    db.close();
    return fail('db.openFailed', { file, reason: (error as Error).message });
  }
}

/** Whether a database file is encrypted (its first bytes are not SQLite's plain header). */
export function isEncryptedFile(bytes: Uint8Array): boolean {
  return !Buffer.from(bytes.subarray(0, 16)).equals(Buffer.from('SQLite format 3\0', 'latin1'));
}

/** Whether an existing database file on disk is encrypted (reads only its first 16 bytes). */
export function fileIsEncrypted(file: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return isEncryptedFile(header);
}

/**
 * Changes the key (or encrypts a plain database, or decrypts with `null`). SQLite3 Multiple Ciphers
 * cannot rekey in WAL mode: the journal goes back to DELETE for the rekey and returns to WAL.
 */
export function rekey(db: Db, key: string | null): void {
  db.pragma('journal_mode = DELETE');
  if (key !== null) db.pragma(`cipher=${quoted(CIPHER)}`);
  db.pragma(`rekey=${quoted(key ?? '')}`);
  db.pragma('journal_mode = WAL');
}
