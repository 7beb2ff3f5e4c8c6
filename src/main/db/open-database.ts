import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { fail, ok, type Result } from '../../shared/result';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { BUSY_WAIT_MS } from './write-transaction';
import { keepAuditHeadBeside } from '../audit/head-beside';

export type Db = Database.Database;

/** The cipher of an encrypted database (SQLite3 Multiple Ciphers' ChaCha20-Poly1305). */
const CIPHER = 'chacha20';

function quoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The pragmas that open an encrypted database with its key (for another connection: the background check's). */
export function keyPragmas(key: string): readonly string[] {
  return [`cipher=${quoted(CIPHER)}`, `key=${quoted(key)}`];
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
  // SQLite takes an empty file for a new database: a 0-byte file is more likely one that lost its content.
  if (!isNew && statSync(file).isFile() && statSync(file).size === 0) return fail('db.emptyFile', { file });
  try {
    db = new Database(file);
  } catch (error) {
    return fail('db.openFailed', { file, reason: (error as Error).message });
  }
  const key = options.key || null;
  try {
    if (key !== null) {
      for (const pragma of keyPragmas(key)) db.pragma(pragma);
    }
    // Another process writing (an import) is waited for, up to a minute, from the first statement on.
    db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    db.close();
    if (key === null && !isNew && headerKind(file) === 'plain') return fail('db.damaged', { file, detail: 'header' });
    return fail(key === null ? 'db.encrypted' : isNew ? 'db.openFailed' : 'db.wrongKey', { file, reason: '' });
  }
  // No whole-file check here: opening costs the same at any size. The app runs the quick check in
  // the background once it is usable (db/integrity.ts), the CLI with --check, a backup checks its copy whole.
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // 64 MB of page cache: a large extract's index pages stay in memory while it is written.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    const outcome = migrate(db, MIGRATIONS);
    if (outcome.kind === 'newer') {
      db.close();
      return fail('db.newer', { file, found: outcome.found, supported: outcome.supported });
    }
    if (file !== ':memory:') keepAuditHeadBeside(db, file);
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

function fileHeader(file: string): Buffer {
  const header = Buffer.alloc(24);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 24, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

/**
 * What a file's first 24 bytes say it is: a plain SQLite file (its magic, or — when the magic itself
 * is damaged — the plain layout of bytes 16–23: no bytes reserved per page, payload fractions
 * 64/32/32; an encrypted file reserves bytes for the cipher's nonce and tag), or encrypted.
 */
export function headerKind(file: string): 'plain' | 'encrypted' {
  const header = fileHeader(file);
  if (!isEncryptedFile(header)) return 'plain';
  return header[20] === 0 && header[21] === 64 && header[22] === 32 && header[23] === 32 ? 'plain' : 'encrypted';
}

/** Whether an existing database file on disk is encrypted (reads only its first bytes). */
export function fileIsEncrypted(file: string): boolean {
  return isEncryptedFile(fileHeader(file));
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
