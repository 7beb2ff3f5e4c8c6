import type { Migration } from '../migrate';

/** Step 4: a checkpoint visit may come from a card's MRZ lines (an ID-card reader) besides its QR code. */
export const migration0004: Migration = {
  version: 4,
  name: 'mrz-visits',
  up(db) {
    db.exec(`
      CREATE TABLE checkpoint_visits_new (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        place TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('visit', 'in', 'out')),
        personal_id TEXT,
        full_name TEXT,
        resident_id INTEGER REFERENCES residents(id) ON DELETE SET NULL,
        source TEXT NOT NULL CHECK (source IN ('qr', 'typed', 'mrz'))
      ) STRICT;
      INSERT INTO checkpoint_visits_new SELECT id, at, place, direction, personal_id, full_name, resident_id, source FROM checkpoint_visits;
      DROP TABLE checkpoint_visits;
      ALTER TABLE checkpoint_visits_new RENAME TO checkpoint_visits;
      CREATE INDEX checkpoint_visits_place_time ON checkpoint_visits(place, at);
      CREATE INDEX checkpoint_visits_person ON checkpoint_visits(personal_id, at);
    `);
  },
};
