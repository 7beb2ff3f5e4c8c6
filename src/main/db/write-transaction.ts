/**
 * Writers take the write lock first (issue 19): every transaction that writes begins IMMEDIATE, so
 * it never reads a snapshot and then finds another process wrote meanwhile ("database is locked"
 * although the other writer was done). Waiting for another writer is said after a few seconds (the
 * host decides where: the CLI's stderr, the app's log) and lasts up to a minute before the busy
 * error reaches the host, which turns it into a message.
 */
import type BetterSqlite from 'better-sqlite3-multiple-ciphers';

type Db = BetterSqlite.Database;

/** How long a writer waits for another process's write to end. */
export const BUSY_WAIT_MS = 60_000;
/** After this long the wait is said. */
const NOTICE_AFTER_MS = 3_000;

const notices = new WeakMap<Db, () => void>();

/** What to do when a writer of `db` has waited a few seconds for another process (null: nothing). */
export function onBusyWait(db: Db, notice: (() => void) | null): void {
  if (notice === null) notices.delete(db);
  else notices.set(db, notice);
}

/** Whether an error is SQLite saying another connection holds the lock. */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Runs `fn` as one transaction that takes the write lock before anything else (BEGIN IMMEDIATE;
 * a savepoint inside an open transaction). Do the reading that can be done before it outside.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  const transaction = db.transaction(fn);
  if (db.inTransaction) return transaction.immediate();
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  if (timeout > NOTICE_AFTER_MS) {
    db.pragma(`busy_timeout = ${NOTICE_AFTER_MS}`);
    try {
      return transaction.immediate();
    } catch (error) {
      if (!isBusyError(error)) throw error;
    } finally {
      db.pragma(`busy_timeout = ${timeout}`);
    }
    notices.get(db)?.();
  }
  return transaction.immediate();
}

/** Carries a failed Result out of a transaction, rolling it back. */
class RolledBack extends Error {
  constructor(readonly failure: { readonly ok: false }) {
    super('rolled back');
  }
}

/**
 * `writeTransaction` for work that answers with a Result: a failure rolls back everything the
 * transaction wrote, and is returned as it was.
 */
export function writeTransactionResult<R extends { readonly ok: boolean }>(db: Db, fn: () => R): R {
  try {
    return writeTransaction(db, () => {
      const result = fn();
      if (!result.ok) throw new RolledBack(result as R & { ok: false });
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.failure as R;
    throw error;
  }
}

/**
 * `writeTransaction` without the per-row foreign-key look-ups, for a writer whose every reference is
 * a row it read itself inside the same transaction: the write lock is held from its first read, so
 * no other writer can remove what it refers to, and checking each reference again only reads the
 * same pages a second time (for a list check, about 40,000 look-ups of pages long evicted from the
 * cache). Foreign keys are checked again as soon as the transaction ends, thrown or not. Inside an
 * open transaction the setting cannot change (SQLite ignores it there), and the checks stay on.
 */
export function writeTransactionOwnReferences<T>(db: Db, fn: () => T): T {
  if (db.inTransaction || db.pragma('foreign_keys', { simple: true }) !== 1) return writeTransaction(db, fn);
  db.pragma('foreign_keys = OFF');
  try {
    return writeTransaction(db, fn);
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
