import type { Migration } from '../migrate';

/** Step 12 (issue 16): a list's own title, read from its heading rows (editable), so lists can be told apart. */
export const migration0012: Migration = {
  version: 12,
  name: 'list-titles',
  up(db) {
    db.exec(`
      ALTER TABLE lists ADD COLUMN title TEXT;
      CREATE INDEX lists_file_sha256 ON lists(file_sha256);
    `);
  },
};
