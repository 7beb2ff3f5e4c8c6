import type { Migration } from '../migrate';

/** Step 8: user accounts with a role each; passwords kept only as scrypt hashes. */
export const migration0008: Migration = {
  version: 8,
  name: 'users',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('police', 'health', 'chairman', 'admin')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
      ) STRICT;
    `);
  },
};
