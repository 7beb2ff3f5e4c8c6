/** Where each open database keeps its audit trail's head outside itself (`<file>.audit-head.json`); set when it is opened. */
const files = new WeakMap<object, string>();

/** Keeps the audit head of `db` in the file beside `databaseFile` from now on. */
export function keepAuditHeadBeside(db: object, databaseFile: string): void {
  files.set(db, auditHeadFile(databaseFile));
}

/** The head file of a database file. */
export function auditHeadFile(databaseFile: string): string {
  return `${databaseFile}.audit-head.json`;
}

/** The head file kept for `db`, or null (an in-memory database, or one opened without a host). */
export function auditHeadFileOf(db: object): string | null {
  return files.get(db) ?? null;
}
