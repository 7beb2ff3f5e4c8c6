import type { Migration } from '../migrate';

/**
 * Step 7: the audit trail. Every change is appended with the SHA-256 of the entry before it; the
 * table can only grow (triggers refuse UPDATE and DELETE). Anchors record the chain head carried out
 * of the machine in a package or a printed document.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT,
        action TEXT NOT NULL,
        subject TEXT,
        details TEXT NOT NULL DEFAULT '{}',
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL CHECK (length(hash) = 64)
      ) STRICT;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      CREATE TABLE audit_anchors (
        id INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL,
        signature TEXT NOT NULL,
        carried_by TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
