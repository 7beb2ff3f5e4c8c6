import type { Migration } from '../migrate';

/** Step 1: the registry extract (residents, the extracts they came from), resident changes, settings. */
export const migration0001: Migration = {
  version: 1,
  name: 'registry',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE registry_extracts (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        data_rows INTEGER NOT NULL,
        inserted INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        unchanged INTEGER NOT NULL,
        rejected INTEGER NOT NULL,
        held INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE residents (
        id INTEGER PRIMARY KEY,
        personal_id TEXT NOT NULL UNIQUE CHECK (length(personal_id) = 12),
        old_id TEXT,
        full_name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        -- the name key with its words reversed ("TUONG VAN MA"): typed given names are its prefixes
        reversed_key TEXT NOT NULL,
        birth_date TEXT,
        birth_year INTEGER,
        sex TEXT CHECK (sex IN ('male', 'female')),
        ethnicity TEXT,
        nationality TEXT,
        permanent_address TEXT,
        current_address TEXT,
        household_code TEXT,
        extract_id INTEGER REFERENCES registry_extracts(id),
        -- JSON object: field name -> id of the extract its current value came from
        field_sources TEXT NOT NULL DEFAULT '{}',
        is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
      ) STRICT;
      CREATE INDEX residents_old_id ON residents(old_id) WHERE old_id IS NOT NULL;
      -- Birth date and sex in the index let a name search filter without reading the table.
      CREATE INDEX residents_name_key ON residents(name_key, birth_year, birth_date, sex);
      CREATE INDEX residents_reversed_key ON residents(reversed_key, birth_year);

      -- Corrections and newly collected residents awaiting export to the national registry.
      CREATE TABLE resident_changes (
        id INTEGER PRIMARY KEY,
        resident_id INTEGER REFERENCES residents(id),
        kind TEXT NOT NULL CHECK (kind IN ('correction', 'new')),
        fields TEXT NOT NULL,
        evidence TEXT,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'exported', 'accepted', 'rejected')),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX resident_changes_pending ON resident_changes(resident_id) WHERE status = 'pending';

      -- Values a newer extract brought for a resident with pending local changes: kept, not applied.
      CREATE TABLE registry_held_values (
        id INTEGER PRIMARY KEY,
        resident_id INTEGER NOT NULL REFERENCES residents(id),
        extract_id INTEGER NOT NULL REFERENCES registry_extracts(id),
        fields TEXT NOT NULL
      ) STRICT;
    `);
  },
};
