/**
 * Lists past their retention period (issue 21): returned whole to their sender longer ago than the
 * period, with nothing of theirs still on its way to the national registry (a dose or a correction
 * not yet accepted). Their entries go, results and doses with them, and the file as it arrived. A
 * printed version is a state document kept with its exact file (issue 19: never deleted), so a list
 * that was printed keeps only its row, marked purged, for its documents to name; any other goes whole.
 */
import type { Db } from '../db/open-database';
import { waitingRecords } from '../packages/packages';

/** Record ids that still need the registry: waiting to be exported, or exported and not yet answered. */
function unsettledRecords(db: Db): Set<string> {
  const unsettled = new Set(waitingRecords(db).map((r) => r.recordId));
  const latest = db.prepare<[], { record_id: string; status: string }>(
    `SELECT record_id, status FROM package_records p
     WHERE package_sequence = (SELECT max(package_sequence) FROM package_records q WHERE q.record_id = p.record_id)`,
  );
  for (const r of latest.iterate()) if (r.status === 'exported') unsettled.add(r.record_id);
  return unsettled;
}

/** The records a list's entries gave rise to: its doses, and the corrections and collected people recorded from it. */
function recordsOfList(db: Db, listId: number): { ids: string[]; openChanges: number } {
  const doses = db
    .prepare<[number], { entry_id: number }>(
      'SELECT v.list_entry_id AS entry_id FROM vaccinations v JOIN list_entries e ON e.id = v.list_entry_id WHERE e.list_id = ?',
    )
    .all(listId)
    .map((v) => `vaccination-${v.entry_id}`);
  const changes = db
    .prepare<[number], { id: number; kind: string; status: string }>(
      'SELECT c.id, c.kind, c.status FROM resident_changes c JOIN list_entries e ON e.id = c.list_entry_id WHERE e.list_id = ?',
    )
    .all(listId);
  return {
    ids: [...doses, ...changes.map((c) => `${c.kind === 'new' ? 'new_resident' : 'correction'}-${c.id}`)],
    openChanges: changes.filter((c) => c.status !== 'accepted').length,
  };
}

/** Deletes the expired lists (inside the caller's transaction); returns how many lists and entries went. */
export function purgeExpiredLists(db: Db, returnedBefore: string, now: Date): { lists: number; entries: number } {
  const expired = db
    .prepare<[string], { id: number }>(
      `SELECT id FROM lists WHERE purged_at IS NULL AND returned_at IS NOT NULL AND coalesce(returned_open, 0) = 0
       AND returned_at < ? ORDER BY id`,
    )
    .all(returnedBefore);
  if (expired.length === 0) return { lists: 0, entries: 0 };
  const unsettled = unsettledRecords(db);
  let lists = 0;
  let entries = 0;
  for (const { id } of expired) {
    const records = recordsOfList(db, id);
    if (records.openChanges > 0 || records.ids.some((r) => unsettled.has(r))) continue;
    // An accepted correction stays (the registry holds it now); only its link to the row goes.
    db.prepare(
      'UPDATE resident_changes SET list_entry_id = NULL WHERE list_entry_id IN (SELECT id FROM list_entries WHERE list_id = ?)',
    ).run(id);
    entries += db.prepare('DELETE FROM list_entries WHERE list_id = ?').run(id).changes;
    const printed = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM documents WHERE list_id = ?').get(id)!.n;
    if (printed === 0) db.prepare('DELETE FROM lists WHERE id = ?').run(id);
    else
      db.prepare("UPDATE lists SET file_data = X'', columns = '[]', mapping = '{}', purged_at = ? WHERE id = ?").run(
        now.toISOString(),
        id,
      );
    lists++;
  }
  return { lists, entries };
}
