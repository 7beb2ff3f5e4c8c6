/** Lists and entries as the UI shows them: deadline, counts, the registry record beside each entry. */
import type { EntryView, ListSummary, NewResidentFields } from '../../shared/api-contract';
import { addDays, daysBetween, type IsoDate } from '../../shared/dates';
import type { ListKind } from '../../shared/lists/fields';
import { ENTRY_STATUSES, type ComparedField, type EntryStatus, type Resolution } from '../../shared/verification/vocabulary';
import type { Sex } from '../../shared/types';
import { DAYS_TO_RETURN } from '../../shared/verification/vocabulary';
import type { Db } from '../db/open-database';
import { residentView, type ResidentRow } from '../registry/resident-rows';
import { adminUnits } from '../admin-units/admin-units';
import { compareAddress } from '../../shared/verification/address';
import { vietnamToday } from '../../shared/dates';
import { proposalsOf } from './proposals';

interface ListRow {
  readonly id: number;
  readonly kind: ListKind;
  readonly source: string;
  readonly title: string | null;
  readonly file_name: string;
  readonly drawn_up: IsoDate;
  readonly created_at: string;
  readonly checked_at: string | null;
  readonly returned_at: string | null;
  readonly returned_open: number | null;
  readonly confirmed_at: string | null;
  readonly confirmed_by: string | null;
}

interface EntryRowFull {
  readonly id: number;
  readonly row: number;
  readonly full_name: string | null;
  readonly birth_date: string | null;
  readonly sex: Sex | null;
  readonly id_number: string | null;
  readonly nationality: string | null;
  readonly address: string | null;
  readonly status: EntryStatus | null;
  readonly resident_id: number | null;
  readonly differences: string;
  readonly candidates: string;
  readonly resolution: Resolution | null;
  readonly resolution_note: string | null;
  readonly resolved_by: string | null;
  readonly resolved_at: string | null;
  readonly duplicate_of: number | null;
  readonly change_kind: 'correction' | 'new' | null;
  readonly change_fields: string | null;
}

function noCounts(): Record<EntryStatus, number> {
  return Object.fromEntries(ENTRY_STATUSES.map((s) => [s, 0])) as Record<EntryStatus, number>;
}

/** One list with its deadline and counts, or null. */
export function listSummary(db: Db, listId: number, now: Date): ListSummary | null {
  return listSummaries(db, now).find((l) => l.id === listId) ?? null;
}

/** Every list, newest first, with its deadline and counts. */
export function listSummaries(db: Db, now: Date): ListSummary[] {
  const lists = db
    .prepare<[], ListRow>(
      'SELECT id, kind, source, title, file_name, drawn_up, created_at, checked_at, returned_at, returned_open, confirmed_at, confirmed_by FROM lists WHERE purged_at IS NULL ORDER BY id DESC',
    )
    .all();
  const counts = db.prepare<[], { list_id: number; status: EntryStatus | null; n: number; open: number }>(
    `SELECT e.list_id, r.status, count(*) AS n,
            sum(CASE WHEN r.status NOT IN ('matched', 'foreign', 'duplicate') AND e.resolution IS NULL THEN 1 ELSE 0 END) AS open
     FROM list_entries e LEFT JOIN entry_results r ON r.entry_id = e.id GROUP BY e.list_id, r.status`,
  );
  const byList = new Map<
    number,
    { summary: Record<EntryStatus, number>; openByStatus: Record<EntryStatus, number>; rows: number; open: number }
  >();
  for (const c of counts.all()) {
    const entry = byList.get(c.list_id) ?? { summary: noCounts(), openByStatus: noCounts(), rows: 0, open: 0 };
    if (c.status !== null) {
      entry.summary[c.status] = c.n;
      entry.openByStatus[c.status] = c.open;
    }
    entry.rows += c.n;
    entry.open += c.open;
    byList.set(c.list_id, entry);
  }
  const today = vietnamToday(now);
  return lists.map((l) => {
    const counted = byList.get(l.id);
    const dueDate = addDays(l.drawn_up, DAYS_TO_RETURN);
    const daysLeft = daysBetween(today, dueDate);
    return {
      id: l.id,
      kind: l.kind,
      title: l.title ?? l.file_name,
      source: l.source,
      fileName: l.file_name,
      drawnUp: l.drawn_up,
      dueDate,
      daysLeft,
      // A partial return keeps the deadline running until the rest is returned.
      overdue: (l.returned_at === null || (l.returned_open ?? 0) > 0) && daysLeft < 0,
      createdAt: l.created_at,
      checkedAt: l.checked_at,
      returnedAt: l.returned_at,
      returnState: l.returned_at === null ? 'open' : (l.returned_open ?? 0) > 0 ? 'partial' : 'returned',
      confirmedAt: l.confirmed_at,
      confirmedBy: l.confirmed_by,
      rows: counted?.rows ?? 0,
      open: counted?.open ?? 0,
      openByStatus: counted?.openByStatus ?? noCounts(),
      summary: counted?.summary ?? noCounts(),
    };
  });
}

/** One entry with the registry's record and candidates. */
export function entryView(db: Db, e: EntryRowFull): EntryView {
  const resident = (id: number) => db.prepare<[number], ResidentRow>('SELECT * FROM residents WHERE id = ?').get(id);
  const linked = e.resident_id === null ? undefined : resident(e.resident_id);
  const candidateIds = JSON.parse(e.candidates) as number[];
  const differences = JSON.parse(e.differences) as ComparedField[];
  // Why an address naming an old commune agreed (the worklist shows it).
  const addressNotes =
    linked && e.address !== null && !differences.includes('address')
      ? compareAddress(e.address, [linked.permanent_address, linked.current_address], adminUnits).notes
      : [];
  return {
    id: e.id,
    row: e.row,
    status: e.status,
    fullName: e.full_name,
    birthDate: e.birth_date,
    sex: e.sex,
    idNumber: e.id_number,
    nationality: e.nationality,
    address: e.address,
    differences,
    resident: linked ? { ...residentView(linked), id: linked.id } : null,
    candidates: candidateIds.flatMap((id) => {
      const r = resident(id);
      return r ? [{ ...residentView(r), id: r.id }] : [];
    }),
    resolution: e.resolution,
    resolutionNote: e.resolution_note,
    resolvedBy: e.resolved_by,
    resolvedAt: e.resolved_at,
    duplicateOfRow: e.duplicate_of,
    proposals: e.change_kind === 'correction' && e.change_fields !== null ? proposalsOf(e.change_fields, e, linked ?? null) : [],
    collected: e.change_kind === 'new' && e.change_fields !== null ? (JSON.parse(e.change_fields) as NewResidentFields) : null,
    ...(addressNotes.length > 0 ? { addressNotes } : {}),
  };
}

const ENTRY_SELECT = `SELECT e.id, e.row, e.full_name, e.birth_date, e.sex, e.id_number, e.nationality, e.address,
    r.status, r.resident_id, coalesce(r.differences, '[]') AS differences, coalesce(r.candidates, '[]') AS candidates,
    e.resolution, e.resolution_note, e.resolved_by, e.resolved_at, r.duplicate_of,
    (SELECT c.kind FROM resident_changes c WHERE c.list_entry_id = e.id ORDER BY c.id DESC LIMIT 1) AS change_kind,
    (SELECT c.fields FROM resident_changes c WHERE c.list_entry_id = e.id ORDER BY c.id DESC LIMIT 1) AS change_fields
  FROM list_entries e LEFT JOIN entry_results r ON r.entry_id = e.id`;

/** Every entry of a list, in row order. */
export function listEntries(db: Db, listId: number): EntryView[] {
  return db
    .prepare<[number], EntryRowFull>(`${ENTRY_SELECT} WHERE e.list_id = ? ORDER BY e.row`)
    .all(listId)
    .map((e) => entryView(db, e));
}

/** One entry, or null. */
export function getEntry(db: Db, entryId: number): EntryView | null {
  const e = db.prepare<[number], EntryRowFull>(`${ENTRY_SELECT} WHERE e.id = ?`).get(entryId);
  return e ? entryView(db, e) : null;
}
