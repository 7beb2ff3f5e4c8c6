import type { Migration } from '../migrate';

/** Step 2: lists sent for verification, their entries and results, remembered column mappings. */
export const migration0002: Migration = {
  version: 2,
  name: 'lists',
  up(db) {
    db.exec(`
      CREATE TABLE lists (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('registration', 'results', 'support68')),
        source TEXT NOT NULL,
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        -- the file as it arrived, so the result goes back in the same layout
        file_data BLOB NOT NULL,
        sheet_name TEXT NOT NULL,
        header_row INTEGER NOT NULL,
        columns TEXT NOT NULL,
        mapping TEXT NOT NULL,
        drawn_up TEXT NOT NULL,
        drawn_up_from TEXT NOT NULL CHECK (drawn_up_from IN ('option', 'sheet', 'today')),
        created_at TEXT NOT NULL,
        checked_at TEXT,
        returned_at TEXT
      ) STRICT;

      CREATE TABLE list_entries (
        id INTEGER PRIMARY KEY,
        list_id INTEGER NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
        row INTEGER NOT NULL,
        cells TEXT NOT NULL,
        full_name TEXT,
        birth_date TEXT,
        sex TEXT CHECK (sex IN ('male', 'female')),
        id_number TEXT,
        nationality TEXT,
        address TEXT,
        extra TEXT NOT NULL DEFAULT '{}',
        resolution TEXT CHECK (resolution IN ('list_corrected', 'registry_corrected', 'collected', 'candidate_chosen', 'referred', 'unresolved')),
        resolution_note TEXT,
        resolved_by TEXT,
        resolved_at TEXT,
        UNIQUE (list_id, row)
      ) STRICT;

      -- The check's outcome per entry, in a narrow table of its own: a re-check rewrites only these.
      CREATE TABLE entry_results (
        entry_id INTEGER PRIMARY KEY REFERENCES list_entries(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('matched', 'mismatched', 'not_found', 'foreign', 'duplicate', 'ambiguous', 'invalid')),
        resident_id INTEGER REFERENCES residents(id) ON DELETE SET NULL,
        differences TEXT NOT NULL DEFAULT '[]',
        candidates TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX entry_results_resident ON entry_results(resident_id) WHERE resident_id IS NOT NULL;

      CREATE TABLE list_mappings (
        source TEXT NOT NULL,
        signature TEXT NOT NULL,
        mapping TEXT NOT NULL,
        PRIMARY KEY (source, signature)
      ) STRICT;

      ALTER TABLE resident_changes ADD COLUMN list_entry_id INTEGER REFERENCES list_entries(id);

      -- Entries without an ID are found by birth date and sex (a misspelt name).
      CREATE INDEX residents_birth_date ON residents(birth_date, sex);
    `);
  },
};
