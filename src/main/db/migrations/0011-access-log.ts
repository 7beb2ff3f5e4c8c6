import type { Migration } from '../migrate';

/**
 * Step 11 (issue 21): personal data protection.
 * - `access_log`: every look-up of a person, hash-chained like the audit trail and append-only
 *   (triggers). Its oldest entries may go once their retention period has passed, and only up to a
 *   cut recorded first in `access_log_cuts` (itself append-only): the chain continues from the cut.
 * - `lists.purged_at`: a list whose retention period has passed keeps only its row (a signed paper
 *   still names it); its file and entries are gone.
 * - Indexes for the retention run (visits by time) and the resident card (records by resident).
 */
export const migration0011: Migration = {
  version: 11,
  name: 'access-log',
  up(db) {
    db.exec(`
      CREATE TABLE access_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT,
        action TEXT NOT NULL,
        -- the person looked at (12-digit ID, or the number looked up); null for a search by name
        personal_id TEXT,
        context TEXT NOT NULL,
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL CHECK (length(hash) = 64)
      ) STRICT;
      CREATE INDEX access_log_person ON access_log(personal_id, seq) WHERE personal_id IS NOT NULL;

      CREATE TABLE access_log_cuts (
        id INTEGER PRIMARY KEY,
        up_to INTEGER NOT NULL,
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        removed INTEGER NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
      BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
      CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
      WHEN OLD.seq > coalesce((SELECT max(up_to) FROM access_log_cuts), 0)
      BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
      CREATE TRIGGER access_log_cuts_no_update BEFORE UPDATE ON access_log_cuts
      BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
      CREATE TRIGGER access_log_cuts_no_delete BEFORE DELETE ON access_log_cuts
      BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;

      ALTER TABLE lists ADD COLUMN purged_at TEXT;

      CREATE INDEX checkpoint_visits_at ON checkpoint_visits(at);
      CREATE INDEX checkpoint_visits_resident ON checkpoint_visits(resident_id) WHERE resident_id IS NOT NULL;
      CREATE INDEX vaccinations_resident ON vaccinations(resident_id) WHERE resident_id IS NOT NULL;
      CREATE INDEX infections_resident ON infections(resident_id) WHERE resident_id IS NOT NULL;
      CREATE INDEX resident_changes_resident ON resident_changes(resident_id) WHERE resident_id IS NOT NULL;
    `);
  },
};
