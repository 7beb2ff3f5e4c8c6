import type { Migration } from '../migrate';

/**
 * Step 10 (issue 15): what leaves the office says what was decided, and by whom.
 * - `lists.returned_open`: the entries still open when the list was last returned (0: returned
 *   whole; more: "đã trả một phần", the deadline still running until a whole return).
 * - `entry_results.duplicate_of`: the sheet row a duplicate repeats.
 * - `documents.signed_account`, `lists.confirmed_account`: the signer's own account.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'accountable-returns',
  up(db) {
    db.exec(`
      ALTER TABLE lists ADD COLUMN returned_open INTEGER CHECK (returned_open >= 0);
      UPDATE lists SET returned_open = 0 WHERE returned_at IS NOT NULL;
      ALTER TABLE lists ADD COLUMN confirmed_account TEXT;
      ALTER TABLE entry_results ADD COLUMN duplicate_of INTEGER;
      ALTER TABLE documents ADD COLUMN signed_account TEXT;
    `);
  },
};
