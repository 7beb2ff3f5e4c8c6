/**
 * Checking every entry of a list against the registry extract (DESIGN.md §4). A wrong link is worse
 * than `not_found`: an entry is linked to a resident only on an ID, or on name, birth date and sex
 * when exactly one resident fits.
 */
import { adminUnits } from '../admin-units/admin-units';
import { audit } from '../audit/audit';
import { writeTransactionOwnReferences } from '../db/write-transaction';
import { datesConsistent, isFullDate } from '../../shared/dates';
import { isForeignNationality, normalizeIdCell } from '../../shared/lists/normalize-entry';
import { compareNames, nameSimilarity, withinOneEdit } from '../../shared/text/names';
import { matchKey } from '../../shared/text/normalize';
import type { Sex } from '../../shared/types';
import { entryDifferences, parseResidence, type EntryFacts, type RegistryFacts } from '../../shared/verification/differences';
import { ENTRY_STATUSES, type ComparedField, type EntryStatus } from '../../shared/verification/vocabulary';
import type { Db } from '../db/open-database';
import { recordVaccinations, type LinkedResidents } from '../vaccination/vaccinations';
import { listLookups, NOT_FETCHED, type ListLookups, type MatchRow, type RegistryLookups } from './registry-lookups';

export type { MatchRow, RegistryLookups };

/** Below this Jaro–Winkler similarity an ID's resident is "clearly another person" than the one named. */
const CLEARLY_OTHER_NAME = 0.85;

export interface EntryRow {
  readonly id: number;
  readonly row: number;
  readonly full_name: string | null;
  readonly birth_date: string | null;
  readonly sex: Sex | null;
  readonly id_number: string | null;
  readonly nationality: string | null;
  readonly address: string | null;
  /** The other mapped columns as JSON (read for Resolution 68 lists only). */
  readonly extra?: string | null;
}

export interface EntryOutcome {
  readonly status: EntryStatus;
  readonly resident: MatchRow | null;
  readonly differences: readonly ComparedField[];
  readonly candidates: readonly number[];
}

export interface CheckedEntry {
  readonly row: number;
  readonly status: EntryStatus;
  readonly personalId: string | null;
  readonly differences: readonly ComparedField[];
}

export interface ListCheckResult {
  readonly listId: number;
  readonly summary: Readonly<Record<EntryStatus, number>>;
  readonly entries: readonly CheckedEntry[];
}

export function registryFacts(r: MatchRow): RegistryFacts {
  return {
    personalId: r.personal_id,
    oldId: r.old_id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    sex: r.sex,
    permanentAddress: r.permanent_address,
    currentAddress: r.current_address,
  };
}

/** What a list row says, as the comparison reads it (for Resolution 68 lists, with the residence it claims). */
export function entryFacts(entry: EntryRow): EntryFacts {
  return {
    fullName: entry.full_name,
    birthDate: entry.birth_date,
    sex: entry.sex,
    idNumber: entry.id_number === null ? null : normalizeIdCell(entry.id_number),
    address: entry.address,
    residence:
      entry.extra === undefined || entry.extra === null
        ? null
        : parseResidence((JSON.parse(entry.extra) as { residenceStatus?: string }).residenceStatus),
  };
}

function linked(entry: EntryFacts, resident: MatchRow): EntryOutcome {
  const differences = entryDifferences(entry, registryFacts(resident), adminUnits);
  return { status: differences.length === 0 ? 'matched' : 'mismatched', resident, differences, candidates: [] };
}

function ambiguous(candidates: readonly MatchRow[]): EntryOutcome {
  return { status: 'ambiguous', resident: null, differences: [], candidates: candidates.map((c) => c.id) };
}

const NOT_FOUND: EntryOutcome = { status: 'not_found', resident: null, differences: [], candidates: [] };
const INVALID: EntryOutcome = { status: 'invalid', resident: null, differences: [], candidates: [] };
const FOREIGN: EntryOutcome = { status: 'foreign', resident: null, differences: [], candidates: [] };

const NONE: readonly MatchRow[] = [];

/** Residents whose name (accents aside), birth date and sex fit the entry (looked up only when needed: most entries are settled by their ID). */
function namedResidents(entry: EntryFacts, lookups: RegistryLookups): readonly MatchRow[] {
  if (entry.fullName === null || entry.birthDate === null) return [];
  return lookups.byName(matchKey(entry.fullName), entry.birthDate, entry.sex);
}

/** Decides one entry on its own (duplicates within the list are decided afterwards). */
export function matchEntry(entry: EntryRow, lookups: RegistryLookups): EntryOutcome {
  if (entry.full_name === null) return INVALID;
  if (isForeignNationality(entry.nationality)) return FOREIGN;
  const given = entryFacts(entry);
  const byId = given.idNumber === null ? NONE : lookups.byId(given.idNumber);

  if (byId.length === 1) {
    const resident = byId[0]!;
    const nameOther =
      compareNames(given.fullName!, resident.full_name) === 'different' &&
      nameSimilarity(given.fullName!, resident.full_name) < CLEARLY_OTHER_NAME;
    if (!nameOther) return linked(given, resident);
    // The ID is one person's, the name and birth date another's: the entry is about the person named.
    const others = namedResidents(given, lookups).filter((r) => r.id !== resident.id);
    if (others.length === 1) return linked(given, others[0]!);
    if (others.length > 1) return ambiguous(others);
    const birthAgrees =
      given.birthDate === null || resident.birth_date === null || datesConsistent(given.birthDate, resident.birth_date);
    return birthAgrees ? linked(given, resident) : NOT_FOUND;
  }
  if (byId.length > 1) {
    // An old CMND number shared by several residents (they are issued per province).
    const fitting = byId.filter((r) => compareNames(given.fullName!, r.full_name) !== 'different');
    if (fitting.length === 1) return linked(given, fitting[0]!);
    return ambiguous(fitting.length > 1 ? fitting : byId);
  }
  // No ID, or one the registry does not have: name, birth date and sex must single out one resident.
  if (given.birthDate === null) return given.idNumber === null ? INVALID : NOT_FOUND;
  const fitting = namedResidents(given, lookups);
  if (fitting.length === 1) return linked(given, fitting[0]!);
  if (fitting.length > 1) return ambiguous(fitting);
  if (isFullDate(given.birthDate) && given.sex !== null) {
    const near = lookups.byBirth(given.birthDate, given.sex).filter((r) => withinOneEdit(given.fullName!, r.full_name));
    if (near.length === 1) return linked(given, near[0]!);
    if (near.length > 1) return ambiguous(near);
  }
  return NOT_FOUND;
}

/** A key for "the same person" among entries the registry does not know. */
function unlinkedKey(entry: EntryRow): string | null {
  const id = entry.id_number === null ? null : normalizeIdCell(entry.id_number);
  if (id !== null) return `id:${id}`;
  if (entry.full_name === null || entry.birth_date === null) return null;
  return `name:${matchKey(entry.full_name)}|${entry.birth_date}|${entry.sex ?? ''}`;
}

type EntryTuple = [
  number,
  number,
  string | null,
  string | null,
  Sex | null,
  string | null,
  string | null,
  string | null,
  string?,
];

/** The list's entries in row order (raw rows made into objects here cost half of what better-sqlite3's do). */
function listEntries(db: Db, listId: number, kind: string): EntryRow[] {
  // Resolution 68 lists verify the residence they claim (thường trú / tạm trú) against the matching address.
  const rows = db
    .prepare<[number], unknown[]>(
      `SELECT id, row, full_name, birth_date, sex, id_number, nationality, address${kind === 'support68' ? ', extra' : ''}
       FROM list_entries WHERE list_id = ? ORDER BY row`,
    )
    .raw(true)
    .all(listId) as EntryTuple[];
  return rows.map((r) => ({
    id: r[0],
    row: r[1],
    full_name: r[2],
    birth_date: r[3],
    sex: r[4],
    id_number: r[5],
    nationality: r[6],
    address: r[7],
    extra: r[8],
  }));
}

/**
 * Decides every entry on its own. An entry whose look-up is not fetched yet waits; the look-ups
 * wanted by all waiting entries are then fetched together and those entries decided again (names
 * first, then birth dates for the few that need them).
 */
function decideAll(entries: readonly EntryRow[], lookups: ListLookups): EntryOutcome[] {
  const outcomes: EntryOutcome[] = new Array<EntryOutcome>(entries.length);
  let waiting = entries.map((_, i) => i);
  while (waiting.length > 0) {
    const next: number[] = [];
    for (const i of waiting) {
      try {
        outcomes[i] = matchEntry(entries[i]!, lookups);
      } catch (thrown) {
        if (thrown !== NOT_FETCHED) throw thrown;
        next.push(i);
      }
    }
    if (next.length > 0 && !lookups.fetchWanted()) throw new Error('a look-up stayed unanswered');
    waiting = next;
  }
  return outcomes;
}

/**
 * Marks later entries of the same person `duplicate`, in row order: the same linked resident, or
 * for entries the registry does not know, the same ID or name + birth date + sex. Returns the row
 * each duplicate repeats.
 */
function markDuplicates(entries: readonly EntryRow[], outcomes: EntryOutcome[]): (number | null)[] {
  const linkedResidents = new Map<number, number>();
  const unlinkedSeen = new Map<string, number>();
  return entries.map((entry, i) => {
    const outcome = outcomes[i]!;
    let first: number | undefined;
    if (outcome.resident !== null) {
      first = linkedResidents.get(outcome.resident.id);
      if (first !== undefined) outcomes[i] = { status: 'duplicate', resident: outcome.resident, differences: [], candidates: [] };
      else linkedResidents.set(outcome.resident.id, entry.row);
    } else if (outcome.status === 'not_found') {
      const key = unlinkedKey(entry);
      first = key === null ? undefined : unlinkedSeen.get(key);
      if (first !== undefined) outcomes[i] = { ...outcome, status: 'duplicate' };
      else if (key !== null) unlinkedSeen.set(key, entry.row);
    }
    return first ?? null;
  });
}

/** Entry id → the resident the check linked it to (duplicates included). */
function linkedResidents(entries: readonly EntryRow[], outcomes: readonly EntryOutcome[]): LinkedResidents {
  const linked = new Map<number, { id: number; personalId: string }>();
  entries.forEach((entry, i) => {
    const resident = outcomes[i]!.resident;
    if (resident !== null) linked.set(entry.id, { id: resident.id, personalId: resident.personal_id });
  });
  return linked;
}

// Every result of the list in one statement: the rows travel as one bound JSON array
// `[[entryId, status, residentId, differences, candidates, duplicateOf], …]`.
const STORE_RESULTS = `INSERT INTO entry_results (entry_id, status, resident_id, differences, candidates, duplicate_of)
  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?) WHERE true
  ON CONFLICT(entry_id) DO UPDATE SET status = excluded.status, resident_id = excluded.resident_id,
    differences = excluded.differences, candidates = excluded.candidates, duplicate_of = excluded.duplicate_of`;

/** Decides every entry, marks duplicates, stores the results; answers who each entry was linked to. */
function decideAndStore(
  db: Db,
  listId: number,
  kind: string,
  now: Date,
  summary: Record<EntryStatus, number>,
  checked: CheckedEntry[],
): LinkedResidents {
  const entries = listEntries(db, listId, kind);
  const outcomes = decideAll(entries, listLookups(db, listId));
  const duplicateOf = markDuplicates(entries, outcomes);
  const rows = entries.map((entry, i) => {
    const outcome = outcomes[i]!;
    summary[outcome.status]++;
    checked.push({
      row: entry.row,
      status: outcome.status,
      personalId: outcome.resident?.personal_id ?? null,
      differences: outcome.differences,
    });
    const differences = outcome.differences.length === 0 ? '[]' : JSON.stringify(outcome.differences);
    const candidates = outcome.candidates.length === 0 ? '[]' : JSON.stringify(outcome.candidates);
    return [entry.id, outcome.status, outcome.resident?.id ?? null, differences, candidates, duplicateOf[i]];
  });
  db.prepare(STORE_RESULTS).run(JSON.stringify(rows));
  db.prepare('UPDATE lists SET checked_at = ? WHERE id = ?').run(now.toISOString(), listId);
  audit(db, 'list.check', `list:${listId}`, summary, now);
  return kind === 'results' ? linkedResidents(entries, outcomes) : new Map();
}

/** Checks every entry of a list in row order, marks later entries of the same person `duplicate`, and stores the outcome. */
export function checkList(db: Db, listId: number, now: Date): ListCheckResult | null {
  const list = db.prepare<[number], { id: number; kind: string }>('SELECT id, kind FROM lists WHERE id = ?').get(listId);
  if (!list) return null;
  const kind = list.kind;
  const summary = Object.fromEntries(ENTRY_STATUSES.map((s) => [s, 0])) as Record<EntryStatus, number>;
  const checked: CheckedEntry[] = [];
  // One transaction for the look-ups and the writes: a single snapshot of the registry, taken with the
  // write lock. The results and doses refer only to entries and residents read in it.
  writeTransactionOwnReferences(db, () => {
    const linked = decideAndStore(db, listId, kind, now, summary, checked);
    // A results list's rows are doses: each is checked against the vaccination rules too (the check's
    // look-ups released first: only who each row is stays).
    if (kind === 'results') recordVaccinations(db, listId, now, linked);
  });
  return { listId, summary, entries: checked };
}
