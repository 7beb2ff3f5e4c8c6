import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { fail, ok, type Result } from '../../shared/result';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

export type { Database as Db } from 'better-sqlite3';

/**
 * Opens (creating if needed) the installation's one SQLite file: WAL, foreign keys, migrations.
 * The returned connection is the only writer; callers pass it to services.
 */
export function openDatabase(file: string): Result<Db> {
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    return fail('db.openFailed', { file, reason: (error as Error).message });
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
