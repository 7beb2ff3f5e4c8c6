import type { Migration } from '../migrate';

/**
 * Step 5: the documents registry. Printing a list freezes its content as a numbered version with
 * the SHA-256 of its canonical form; a changed list prints as a new version of the same number. A
 * version's content never changes, and once signed nothing about it does.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        list_id INTEGER NOT NULL REFERENCES lists(id) ON DELETE RESTRICT,
        number TEXT NOT NULL,
        year INTEGER NOT NULL,
        sequence INTEGER NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        content TEXT NOT NULL,
        content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
        created_at TEXT NOT NULL,
        created_by TEXT,
        signed_at TEXT,
        signed_by TEXT,
        signed_role TEXT CHECK (signed_role IN ('chairman', 'facility_head')),
        UNIQUE (number, version),
        UNIQUE (list_id, version),
        CHECK ((signed_at IS NULL) = (signed_by IS NULL))
      ) STRICT;
      CREATE INDEX documents_year_sequence ON documents(year, sequence);
      CREATE TRIGGER documents_content_frozen BEFORE UPDATE OF list_id, number, year, sequence, version, content, content_hash, created_at, created_by ON documents
      BEGIN SELECT RAISE(ABORT, 'document content is frozen'); END;
      CREATE TRIGGER documents_signed_immutable BEFORE UPDATE ON documents WHEN OLD.signed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'signed document is immutable'); END;
      CREATE TRIGGER documents_signed_kept BEFORE DELETE ON documents WHEN OLD.signed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'signed document is immutable'); END;
    `);
  },
};
