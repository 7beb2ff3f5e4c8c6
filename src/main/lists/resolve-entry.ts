/**
 * Recording how an officer resolved an entry (DESIGN.md §4): the list corrected from the registry,
 * the registry corrected (a change awaiting export, with evidence), a new resident collected
 * (awaiting export), a candidate chosen, referred to the provincial police's records, or left unresolved with
 * a reason. Who did it and when is kept; a resolution can be undone.
 */
import { adminUnits } from '../admin-units/admin-units';
import { audit } from '../audit/audit';
import type { EntryView, NewResidentFields } from '../../shared/api-contract';
import { fail, ok, type Result } from '../../shared/result';
import { entryDifferences } from '../../shared/verification/differences';
import {
  RESOLUTION_FITS,
  RESOLUTIONS_NEEDING_NOTE,
  type ComparedField,
  type EntryStatus,
  type Resolution,
} from '../../shared/verification/vocabulary';
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import type { ResidentRow } from '../registry/resident-rows';
import { entryFacts, registryFacts, type EntryRow } from './check-list';
import { getEntry } from './list-views';
import { correctionFields, reviewProposals } from './proposals';

export interface ResolveRequest {
  readonly entryId: number;
  readonly resolution: Resolution;
  readonly note?: string;
  readonly candidateId?: number;
  /** `registry_corrected`: the reviewed value per differing field (the list's where absent). */
  readonly proposed?: Partial<Record<ComparedField, string>>;
  /** `collected`: the person as the officer collected them. */
  readonly newResident?: NewResidentFields;
  readonly by: string;
}

interface StoredEntry extends EntryRow {
  readonly status: EntryStatus | null;
  readonly resident_id: number | null;
  readonly candidates: string;
  readonly differences: string;
}

/** Records a resolution, in one transaction with the resident change it creates. */
export function resolveEntry(db: Db, request: ResolveRequest, now: Date): Result<EntryView> {
  const entry = db
    .prepare<[number], StoredEntry>(
      `SELECT e.id, e.row, e.full_name, e.birth_date, e.sex, e.id_number, e.nationality, e.address,
         CASE l.kind WHEN 'support68' THEN e.extra END AS extra, r.status, r.resident_id, r.candidates, r.differences
       FROM list_entries e JOIN entry_results r ON r.entry_id = e.id JOIN lists l ON l.id = e.list_id WHERE e.id = ?`,
    )
    .get(request.entryId);
  if (!entry || entry.status === null) return fail('resolve.noEntry');
  // An ambiguous entry whose candidate was chosen has the chosen resident's status, and stays choosable.
  const statuses: EntryStatus[] =
    (JSON.parse(entry.candidates) as number[]).length > 0 ? [entry.status, 'ambiguous'] : [entry.status];
  if (!statuses.some((s) => RESOLUTION_FITS[request.resolution].includes(s))) {
    return fail('resolve.notAllowed', { resolution: request.resolution, status: entry.status });
  }
  const note = request.note?.trim() || null;
  if (RESOLUTIONS_NEEDING_NOTE.has(request.resolution) && note === null) return fail('resolve.noteNeeded');
  if (
    request.resolution === 'candidate_chosen' &&
    (request.candidateId === undefined || !(JSON.parse(entry.candidates) as number[]).includes(request.candidateId))
  )
    return fail('resolve.notACandidate');
  if (request.resolution === 'collected' && !request.newResident) return fail('resolve.newResidentNeeded');
  let corrections: Record<string, string> | null = null;
  if (request.resolution === 'registry_corrected') {
    const resident = entry.resident_id === null ? undefined : residentById(db, entry.resident_id);
    if (!resident) return fail('resolve.notAllowed', { resolution: request.resolution, status: entry.status });
    const reviewed = reviewProposals(JSON.parse(entry.differences) as ComparedField[], entry, resident, request.proposed ?? {});
    if (!reviewed.ok) return reviewed;
    corrections = correctionFields(reviewed.value);
  }
  const at = now.toISOString();

  writeTransaction(db, () => {
    db.prepare("DELETE FROM resident_changes WHERE list_entry_id = ? AND status = 'pending'").run(entry.id);
    let residentId = entry.resident_id;
    let newStatus = entry.status;
    let differences = entry.differences;
    if (request.resolution === 'candidate_chosen') {
      const chosen = db.prepare<[number], ResidentRow>('SELECT * FROM residents WHERE id = ?').get(request.candidateId!)!;
      // The same facts the check compares (a Resolution 68 list's residence included).
      const found = entryDifferences(entryFacts(entry), registryFacts(chosen), adminUnits);
      residentId = chosen.id;
      newStatus = found.length === 0 ? 'matched' : 'mismatched';
      differences = JSON.stringify(found);
    }
    if (corrections !== null) {
      const fields = corrections;
      db.prepare(
        "INSERT INTO resident_changes (resident_id, kind, fields, evidence, status, created_at, list_entry_id) VALUES (?, 'correction', ?, ?, 'pending', ?, ?)",
      ).run(residentId, JSON.stringify(fields), note, at, entry.id);
    }
    if (request.resolution === 'collected') {
      const fields = request.newResident;
      db.prepare(
        "INSERT INTO resident_changes (resident_id, kind, fields, evidence, status, created_at, list_entry_id) VALUES (NULL, 'new', ?, ?, 'pending', ?, ?)",
      ).run(JSON.stringify(fields), note, at, entry.id);
    }
    db.prepare('UPDATE list_entries SET resolution = ?, resolution_note = ?, resolved_by = ?, resolved_at = ? WHERE id = ?').run(
      request.resolution,
      note,
      request.by,
      at,
      entry.id,
    );
    db.prepare('UPDATE entry_results SET status = ?, resident_id = ?, differences = ? WHERE entry_id = ?').run(
      newStatus,
      residentId,
      differences,
      entry.id,
    );
    audit(db, 'entry.resolve', `entry:${entry.id}`, { resolution: request.resolution, status: newStatus }, now);
  });
  return ok(getEntry(db, entry.id)!);
}

function residentById(db: Db, id: number): ResidentRow | undefined {
  return db.prepare<[number], ResidentRow>('SELECT * FROM residents WHERE id = ?').get(id);
}

/** Records a resolution; a candidate that is not one of the entry's is refused (the name kept for its callers). */
export const resolveEntrySafely = resolveEntry;

/** Takes a resolution back (and the resident change it created, while not yet exported). */
export function unresolveEntry(db: Db, entryId: number): Result<EntryView> {
  const exists = getEntry(db, entryId);
  if (!exists) return fail('resolve.noEntry');
  writeTransaction(db, () => {
    db.prepare("DELETE FROM resident_changes WHERE list_entry_id = ? AND status = 'pending'").run(entryId);
    db.prepare(
      'UPDATE list_entries SET resolution = NULL, resolution_note = NULL, resolved_by = NULL, resolved_at = NULL WHERE id = ?',
    ).run(entryId);
    // Undoing a chosen candidate makes the entry ambiguous again.
    db.prepare(
      "UPDATE entry_results SET status = 'ambiguous', resident_id = NULL, differences = '[]' WHERE entry_id = ? AND candidates <> '[]'",
    ).run(entryId);
    audit(db, 'entry.unresolve', `entry:${entryId}`);
  });
  return ok(getEntry(db, entryId)!);
}
