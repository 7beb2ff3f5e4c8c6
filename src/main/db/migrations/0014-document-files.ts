import type { Migration } from '../migrate';

/**
 * Step 14 (issue 19): the exact PDF of each printed version, kept when it is first written, with its
 * SHA-256. A paper file is checked against these bytes (`doc verify`), and printing a version again
 * gives the same bytes. A kept file never changes and is never deleted.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'document-files',
  up(db) {
    db.exec(`
      CREATE TABLE document_files (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE RESTRICT,
        pdf BLOB NOT NULL,
        pdf_sha256 TEXT NOT NULL UNIQUE CHECK (length(pdf_sha256) = 64),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER document_files_frozen BEFORE UPDATE ON document_files
      BEGIN SELECT RAISE(ABORT, 'a printed file never changes'); END;
      CREATE TRIGGER document_files_kept BEFORE DELETE ON document_files
      BEGIN SELECT RAISE(ABORT, 'a printed file is kept'); END;
    `);
  },
};
