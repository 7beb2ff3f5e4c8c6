import { SEED_PRODUCTS } from '../../../shared/vaccination/rules';
import type { Migration } from '../migrate';

/**
 * Step 6: vaccination results, infections (F0), the confirmation of a results list, and the update
 * packages for the national registry with the records each carried and what the registry answered.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'vaccination-packages',
  up(db) {
    db.exec(`
      CREATE TABLE vaccine_products (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        primary_doses INTEGER NOT NULL CHECK (primary_doses BETWEEN 1 AND 5),
        min_interval_days INTEGER NOT NULL CHECK (min_interval_days >= 0),
        booster_after_days INTEGER NOT NULL CHECK (booster_after_days >= 0),
        approved_on TEXT NOT NULL,
        mixes_with TEXT NOT NULL DEFAULT '[]'
      ) STRICT;

      -- One dose per row of a results list, checked against the rules when the list is checked.
      CREATE TABLE vaccinations (
        id INTEGER PRIMARY KEY,
        list_entry_id INTEGER NOT NULL UNIQUE REFERENCES list_entries(id) ON DELETE CASCADE,
        resident_id INTEGER REFERENCES residents(id) ON DELETE SET NULL,
        personal_id TEXT,
        full_name TEXT,
        birth_date TEXT,
        address TEXT,
        vaccination_date TEXT,
        product_code TEXT,
        vaccine_text TEXT,
        lot TEXT,
        dose INTEGER,
        facility TEXT,
        problems TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX vaccinations_person ON vaccinations(personal_id, vaccination_date);

      CREATE TABLE infections (
        id INTEGER PRIMARY KEY,
        resident_id INTEGER REFERENCES residents(id) ON DELETE SET NULL,
        personal_id TEXT NOT NULL,
        full_name TEXT,
        confirmed_on TEXT NOT NULL,
        recovered_on TEXT,
        test TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT,
        CHECK (recovered_on IS NULL OR recovered_on >= confirmed_on)
      ) STRICT;
      CREATE INDEX infections_person ON infections(personal_id, confirmed_on);

      ALTER TABLE lists ADD COLUMN confirmed_at TEXT;
      ALTER TABLE lists ADD COLUMN confirmed_by TEXT;

      CREATE TABLE packages (
        id INTEGER PRIMARY KEY,
        sequence INTEGER NOT NULL UNIQUE CHECK (sequence >= 1),
        package_id TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        created_by TEXT,
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        counts TEXT NOT NULL,
        acknowledged_at TEXT
      ) STRICT;
      CREATE TRIGGER packages_frozen BEFORE UPDATE OF sequence, package_id, created_at, file_sha256, data ON packages
      BEGIN SELECT RAISE(ABORT, 'an exported package never changes'); END;

      -- Every record a package carried, and the registry's answer. A record is waiting when it was
      -- never exported, or when its latest package's answer was a rejection.
      CREATE TABLE package_records (
        record_id TEXT NOT NULL,
        package_sequence INTEGER NOT NULL REFERENCES packages(sequence),
        status TEXT NOT NULL DEFAULT 'exported' CHECK (status IN ('exported', 'accepted', 'rejected')),
        reason TEXT,
        PRIMARY KEY (record_id, package_sequence)
      ) STRICT;
      CREATE INDEX package_records_latest ON package_records(record_id, package_sequence DESC);
    `);
    const insert = db.prepare(
      `INSERT INTO vaccine_products (code, name, aliases, primary_doses, min_interval_days, booster_after_days, approved_on, mixes_with)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const p of SEED_PRODUCTS)
      insert.run(
        p.code,
        p.name,
        JSON.stringify(p.aliases),
        p.primaryDoses,
        p.minIntervalDays,
        p.boosterAfterDays,
        p.approvedOn,
        JSON.stringify(p.mixesWith),
      );
  },
};
