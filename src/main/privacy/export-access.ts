/**
 * Exports that contain people (issue 21): each person in an exported list, package or visits log
 * gets one access log entry naming the export, so the person's own log shows where they went.
 */
import type { Db } from '../db/open-database';
import { recordAccess } from './access-log';

/** The people a list export carries: the registry resident of each row, else the number the row gives. */
export function recordListExport(db: Db, listId: number, now: Date): void {
  const people = db
    .prepare<[number], { id: string }>(
      `SELECT DISTINCT coalesce(res.personal_id, e.id_number) AS id FROM list_entries e
       LEFT JOIN entry_results r ON r.entry_id = e.id LEFT JOIN residents res ON res.id = r.resident_id
       WHERE e.list_id = ? AND coalesce(res.personal_id, e.id_number) IS NOT NULL ORDER BY e.row`,
    )
    .all(listId);
  recordAccess(
    db,
    people.map((p) => ({ action: 'export' as const, personalId: p.id, context: `list:${listId}` })),
    now,
  );
}

/** The people a package carries (a record without a number, a newly collected person, by none). */
export function recordPackageExport(
  db: Db,
  sequence: number,
  records: readonly Readonly<Record<string, unknown>>[],
  now: Date,
): void {
  const ids = [...new Set(records.map((r) => r['personalId']).filter((id): id is string => typeof id === 'string' && id !== ''))];
  recordAccess(
    db,
    ids.map((id) => ({ action: 'export' as const, personalId: id, context: `package:${sequence}` })),
    now,
  );
}

/** The people in an exported checkpoint log. */
export function recordVisitsExport(db: Db, visits: readonly { readonly personalId: string | null }[], now: Date): void {
  const ids = [...new Set(visits.map((v) => v.personalId).filter((id): id is string => id !== null))];
  recordAccess(
    db,
    ids.map((id) => ({ action: 'export' as const, personalId: id, context: 'visits' })),
    now,
  );
}
