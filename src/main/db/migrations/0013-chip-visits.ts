import type { Migration } from '../migrate';

/**
 * Step 13 (issue 20): a checkpoint visit may be identified by the card's chip, and then records the
 * chip's verdict (genuine, intact without CSCA, not genuine). SQLite cannot change a CHECK, so the
 * table is rebuilt with its rows, and its indexes and triggers (whichever earlier steps made) are
 * made again from their own SQL.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'chip-visits',
  up(db) {
    const dependents = db
      .prepare<[], string>(
        `SELECT sql FROM sqlite_master WHERE tbl_name = 'checkpoint_visits' AND type IN ('index', 'trigger') AND sql IS NOT NULL`,
      )
      .pluck()
      .all();
    db.exec(`
      CREATE TABLE checkpoint_visits_new (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        place TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('visit', 'in', 'out')),
        personal_id TEXT,
        full_name TEXT,
        resident_id INTEGER REFERENCES residents(id) ON DELETE SET NULL,
        source TEXT NOT NULL CHECK (source IN ('qr', 'typed', 'mrz', 'chip')),
        chip_status TEXT CHECK (chip_status IN ('genuine', 'intact_no_csca', 'not_genuine')),
        CHECK ((source = 'chip') = (chip_status IS NOT NULL))
      ) STRICT;
      INSERT INTO checkpoint_visits_new (id, at, place, direction, personal_id, full_name, resident_id, source)
        SELECT id, at, place, direction, personal_id, full_name, resident_id, source FROM checkpoint_visits;
      DROP TABLE checkpoint_visits;
      ALTER TABLE checkpoint_visits_new RENAME TO checkpoint_visits;
    `);
    for (const sql of dependents) db.exec(sql);
  },
};
