/**
 * A resident's card (issue 21 builds it, issue 16 shows it): the registry record with where each
 * field came from, the lists the person appears in with their status, doses, F0 records, checkpoint
 * visits, registry corrections about them and — for administrators — who looked at them. Opening
 * it is a look-up and is written to the access log; the citizen's report prints the same facts.
 */
import type {
  CardChange,
  CardDose,
  CardInfection,
  CardListEntry,
  CheckpointVisit,
  FieldSource,
  ResidentCard,
} from '../../shared/api-contract';
import { channelAllows } from '../../shared/api-contract';
import type { Role } from '../../shared/auth/roles';
import { fail, ok, type Result } from '../../shared/result';
import type { ComparedField } from '../../shared/verification/vocabulary';
import type { Db } from '../db/open-database';
import { accessEntries, recordAccess } from '../privacy/access-log';
import { fieldSourcesOf, RECORD_FIELDS, residentView, type ResidentRow } from '../registry/resident-rows';

/** The stored row of a resident by their 12-digit ID. */
export function residentByPersonalId(db: Db, personalId: string): ResidentRow | undefined {
  return db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE personal_id = ?').get(personalId);
}

function fieldSources(db: Db, row: ResidentRow): FieldSource[] {
  const sources = fieldSourcesOf(row);
  const extract = db.prepare<[number], { file_name: string; imported_at: string }>(
    'SELECT file_name, imported_at FROM registry_extracts WHERE id = ?',
  );
  return RECORD_FIELDS.map((field) => {
    const id = sources[field];
    const found = id === undefined ? undefined : extract.get(id);
    return { field, extract: found ? { fileName: found.file_name, importedAt: found.imported_at } : null };
  });
}

function listEntriesOf(db: Db, residentId: number): CardListEntry[] {
  return db
    .prepare<[number], Omit<CardListEntry, 'differences'> & { differences: string }>(
      `SELECT l.id AS listId, l.file_name AS fileName, l.kind, l.source, l.drawn_up AS drawnUp, e.row, r.status,
              r.differences, e.resolution, l.returned_at AS returnedAt
       FROM entry_results r JOIN list_entries e ON e.id = r.entry_id JOIN lists l ON l.id = e.list_id
       WHERE r.resident_id = ? ORDER BY l.id, e.row`,
    )
    .all(residentId)
    .map((e) => ({ ...e, differences: JSON.parse(e.differences) as ComparedField[] }));
}

function dosesOf(db: Db, row: ResidentRow): CardDose[] {
  return db
    .prepare<{ id: number; personalId: string }, CardDose>(
      `SELECT e.list_id AS listId, v.vaccination_date AS vaccinationDate, coalesce(v.product_code, v.vaccine_text) AS vaccine,
              v.lot, v.dose, v.facility
       FROM vaccinations v JOIN list_entries e ON e.id = v.list_entry_id
       WHERE v.resident_id = @id OR (v.resident_id IS NULL AND v.personal_id = @personalId)
       ORDER BY v.vaccination_date, v.dose`,
    )
    .all({ id: row.id, personalId: row.personal_id });
}

function infectionsOf(db: Db, row: ResidentRow): CardInfection[] {
  return db
    .prepare<{ id: number; personalId: string }, CardInfection>(
      `SELECT confirmed_on AS confirmedOn, recovered_on AS recoveredOn, test FROM infections
       WHERE resident_id = @id OR personal_id = @personalId ORDER BY confirmed_on`,
    )
    .all({ id: row.id, personalId: row.personal_id });
}

/** The person's checkpoint visits, newest first (by the resident, or by their ID for visits before they were in the registry). */
export function visitsOf(db: Db, row: ResidentRow): CheckpointVisit[] {
  return db
    .prepare<{ id: number; personalId: string; oldId: string | null }, CheckpointVisit>(
      `SELECT id, at, place, direction, personal_id AS personalId, full_name AS fullName, source FROM checkpoint_visits
       WHERE resident_id = @id OR personal_id = @personalId OR (@oldId IS NOT NULL AND personal_id = @oldId)
       ORDER BY at DESC, id DESC`,
    )
    .all({ id: row.id, personalId: row.personal_id, oldId: row.old_id });
}

function changesOf(db: Db, residentId: number): CardChange[] {
  return db
    .prepare<[number], Omit<CardChange, 'fields'> & { fields: string }>(
      `SELECT c.id AS changeId, c.kind, c.fields, c.evidence, c.status, c.created_at AS createdAt,
              e.list_id AS listId, e.row
       FROM resident_changes c LEFT JOIN list_entries e ON e.id = c.list_entry_id
       WHERE c.resident_id = ? ORDER BY c.id`,
    )
    .all(residentId)
    .map((c) => ({ ...c, fields: JSON.parse(c.fields) as Record<string, unknown> }));
}

/** Everything the app holds about one person, without recording a look-up (the caller does). */
export function residentFacts(db: Db, row: ResidentRow): Omit<ResidentCard, 'access'> & { visits: CheckpointVisit[] } {
  return {
    resident: residentView(row),
    sources: fieldSources(db, row),
    lists: listEntriesOf(db, row.id),
    doses: dosesOf(db, row),
    infections: infectionsOf(db, row),
    visits: visitsOf(db, row),
    changes: changesOf(db, row.id),
  };
}

export interface CardRequest {
  readonly residentId: string;
  readonly from?: 'search' | 'list' | 'desk';
  readonly listId?: number;
}

/**
 * Opens a resident's card as `role`: records the look-up (context: the search, the list, the
 * desk), then answers with what that role may see — the checkpoint log and the access log only
 * where the role may read them through their own channels.
 */
export function openResidentCard(db: Db, request: CardRequest, role: Role | null, now: Date): Result<ResidentCard> {
  const row = residentByPersonalId(db, request.residentId);
  if (!row) return fail('card.notFound', { id: request.residentId });
  const context = request.from === 'list' && request.listId !== undefined ? `list:${request.listId}` : (request.from ?? 'search');
  recordAccess(db, [{ action: 'open', personalId: row.personal_id, context }], now);
  const facts = residentFacts(db, row);
  return ok({
    ...facts,
    visits: channelAllows('checkpoint-visits', role) ? facts.visits : null,
    access: channelAllows('access-log', role) ? accessEntries(db, { residentId: row.personal_id }).reverse() : null,
  });
}
