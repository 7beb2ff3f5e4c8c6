import type { Migration } from '../migrate';

/** Step 3: the checkpoint log — every card scanned or ID typed at the office or a control post. */
export const migration0003: Migration = {
  version: 3,
  name: 'checkpoints',
  up(db) {
    db.exec(`
      CREATE TABLE checkpoint_visits (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        place TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('visit', 'in', 'out')),
        personal_id TEXT,
        full_name TEXT,
        resident_id INTEGER REFERENCES residents(id) ON DELETE SET NULL,
        source TEXT NOT NULL CHECK (source IN ('qr', 'typed'))
      ) STRICT;
      CREATE INDEX checkpoint_visits_place_time ON checkpoint_visits(place, at);
      CREATE INDEX checkpoint_visits_person ON checkpoint_visits(personal_id, at);
    `);
  },
};
