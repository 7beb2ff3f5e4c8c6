/**
 * Checking every entry of a list against the registry extract (DESIGN.md §4). A wrong link is worse
 * than `not_found`: an entry is linked to a resident only on an ID, or on name, birth date and sex
 * when exactly one resident fits.
 */
import { adminUnits } from '../admin-units/admin-units';
import { audit } from '../audit/audit';
import { datesConsistent, isFullDate, yearOf } from '../../shared/dates';
import { isForeignNationality, normalizeIdCell } from '../../shared/lists/normalize-entry';
import { compareNames, nameSimilarity, withinOneEdit } from '../../shared/text/names';
import { matchKey } from '../../shared/text/normalize';
import type { Sex } from '../../shared/types';
import { entryDifferences, parseResidence, type EntryFacts, type RegistryFacts } from '../../shared/verification/differences';
import { ENTRY_STATUSES, type ComparedField, type EntryStatus } from '../../shared/verification/vocabulary';
import type { Db } from '../db/open-database';
import { recordVaccinations } from '../vaccination/vaccinations';
import type { ResidentRow } from '../registry/resident-rows';

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

/** The resident columns a match needs (fewer columns make the look-ups several times faster). */
export type MatchRow = Pick<
  ResidentRow,
  'id' | 'personal_id' | 'old_id' | 'full_name' | 'birth_date' | 'sex' | 'permanent_address' | 'current_address'
>;
const MATCH_COLUMNS = 'id, personal_id, old_id, full_name, birth_date, sex, permanent_address, current_address';
type MatchTuple = [number, string, string | null, string, string | null, Sex | null, string | null, string | null];

function matchRow(r: MatchTuple): MatchRow {
  return {
    id: r[0],
    personal_id: r[1],
    old_id: r[2],
    full_name: r[3],
    birth_date: r[4],
    sex: r[5],
    permanent_address: r[6],
    current_address: r[7],
  };
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

/**
 * The registry look-ups the matcher needs, as prepared statements on one connection. With a list
 * id, the residents its entries' ID numbers point to are fetched in one query up front (one join
 * instead of a statement per entry).
 */
export function registryLookups(db: Db, listId?: number) {
  const byPersonalId = db.prepare<[string], MatchRow>(`SELECT ${MATCH_COLUMNS} FROM residents WHERE personal_id = ?`);
  const byOldId = db.prepare<[string], MatchRow>(`SELECT ${MATCH_COLUMNS} FROM residents WHERE old_id = ? LIMIT 20`);
  // Name candidates are filtered on the covering index; only those that fit are read from the table.
  const nameCandidates = db.prepare<[string, number], Pick<MatchRow, 'id' | 'birth_date' | 'sex'>>(
    'SELECT id, birth_date, sex FROM residents WHERE name_key = ? AND birth_year = ? LIMIT 500',
  );
  const byRowId = db.prepare<[number], MatchRow>(`SELECT ${MATCH_COLUMNS} FROM residents WHERE id = ?`);
  const byBirth = db.prepare<[string, string], MatchRow>(
    `SELECT ${MATCH_COLUMNS} FROM residents WHERE birth_date = ? AND sex = ? LIMIT 5000`,
  );
  let prefetched: Map<string, MatchRow[]> | null = null;
  if (listId !== undefined) {
    prefetched = new Map();
    const add = (key: string, row: MatchRow) => {
      const rows = prefetched!.get(key);
      if (rows) rows.push(row);
      else prefetched!.set(key, [row]);
    };
    // The same split as `byId` below: a 12-digit number is a personal ID, any other an old CMND number
    // (the import stored them normalised), so each index is probed only with the numbers it can hold.
    const ids = `SELECT id_number FROM list_entries WHERE list_id = ? AND id_number IS NOT NULL`;
    // Raw rows turned into objects here are markedly cheaper than better-sqlite3's row objects.
    const rows = (sql: string) => db.prepare<[number], unknown[]>(sql).raw(true).iterate(listId) as Iterable<MatchTuple>;
    for (const r of rows(`SELECT ${MATCH_COLUMNS} FROM residents WHERE personal_id IN (${ids} AND length(id_number) = 12)`))
      add(r[1], matchRow(r));
    for (const r of rows(`SELECT ${MATCH_COLUMNS} FROM residents WHERE old_id IN (${ids} AND length(id_number) <> 12)`))
      add(r[2]!, matchRow(r));
  }
  return {
    byId(id: string): MatchRow[] {
      if (prefetched !== null) return (prefetched.get(id) ?? []).slice(0, 20);
      if (id.length === 12) {
        const r = byPersonalId.get(id);
        return r ? [r] : [];
      }
      return byOldId.all(id);
    },
    /** Residents with this name key whose birth date and sex fit (read from the index on name_key, birth_year, birth_date, sex). */
    byName(key: string, birthDate: string, sex: Sex | null): MatchRow[] {
      return nameCandidates
        .all(key, yearOf(birthDate))
        .filter(
          (r) =>
            r.birth_date !== null &&
            datesConsistent(birthDate, r.birth_date) &&
            (sex === null || r.sex === null || sex === r.sex),
        )
        .map((r) => byRowId.get(r.id)!);
    },
    byBirth: (date: string, sex: Sex) => byBirth.all(date, sex),
  };
}

export type RegistryLookups = ReturnType<typeof registryLookups>;

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

/** Residents whose name (accents aside), birth date and sex fit the entry. */
function namedResidents(entry: EntryFacts, lookups: RegistryLookups): MatchRow[] {
  if (entry.fullName === null || entry.birthDate === null) return [];
  return lookups.byName(matchKey(entry.fullName), entry.birthDate, entry.sex);
}

/** Decides one entry on its own (duplicates within the list are decided afterwards). */
export function matchEntry(entry: EntryRow, lookups: RegistryLookups): EntryOutcome {
  if (entry.full_name === null) return INVALID;
  if (isForeignNationality(entry.nationality)) return FOREIGN;
  const given = entryFacts(entry);
  // Looked up only when needed: most entries are settled by their ID.
  let namedCache: MatchRow[] | null = null;
  const named = () => (namedCache ??= namedResidents(given, lookups));
  const byId = given.idNumber === null ? [] : lookups.byId(given.idNumber);

  if (byId.length === 1) {
    const resident = byId[0]!;
    const nameOther =
      compareNames(given.fullName!, resident.full_name) === 'different' &&
      nameSimilarity(given.fullName!, resident.full_name) < CLEARLY_OTHER_NAME;
    if (!nameOther) return linked(given, resident);
    // The ID is one person's, the name and birth date another's: the entry is about the person named.
    const others = named().filter((r) => r.id !== resident.id);
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
  const fitting = named();
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

/** Checks every entry of a list in row order, marks later entries of the same person `duplicate`, and stores the outcome. */
export function checkList(db: Db, listId: number, now: Date): ListCheckResult | null {
  const list = db.prepare<[number], { id: number; kind: string }>('SELECT id, kind FROM lists WHERE id = ?').get(listId);
  if (!list) return null;
  // Resolution 68 lists verify the residence they claim (thường trú / tạm trú) against the matching address.
  const kind = list.kind;
  // Raw rows made into objects here cost half of what better-sqlite3's row objects do.
  const entries: EntryRow[] = (
    db
      .prepare<[number], unknown[]>(
        `SELECT id, row, full_name, birth_date, sex, id_number, nationality, address${kind === 'support68' ? ', extra' : ''}
         FROM list_entries WHERE list_id = ? ORDER BY row`,
      )
      .raw(true)
      .all(listId) as [
      number,
      number,
      string | null,
      string | null,
      Sex | null,
      string | null,
      string | null,
      string | null,
      string?,
    ][]
  ).map((r) => ({
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
  const lookups = registryLookups(db, listId);
  const summary = Object.fromEntries(ENTRY_STATUSES.map((s) => [s, 0])) as Record<EntryStatus, number>;
  const checked: CheckedEntry[] = [];
  // The first row each person was seen on: a later entry of the same person names it.
  const linkedResidents = new Map<number, number>();
  const unlinkedSeen = new Map<string, number>();
  const duplicateOf: (number | null)[] = [];

  // One transaction for the look-ups and the writes: a single read snapshot, and far fewer lock round trips.
  const outcomes: EntryOutcome[] = [];
  const decide = (entry: EntryRow): EntryOutcome => {
    let outcome = matchEntry(entry, lookups);
    let first: number | undefined;
    if (outcome.resident !== null) {
      first = linkedResidents.get(outcome.resident.id);
      if (first !== undefined) outcome = { status: 'duplicate', resident: outcome.resident, differences: [], candidates: [] };
      else linkedResidents.set(outcome.resident.id, entry.row);
    } else if (outcome.status === 'not_found') {
      const key = unlinkedKey(entry);
      first = key === null ? undefined : unlinkedSeen.get(key);
      if (first !== undefined) outcome = { ...outcome, status: 'duplicate' };
      else if (key !== null) unlinkedSeen.set(key, entry.row);
    }
    duplicateOf.push(first ?? null);
    return outcome;
  };

  const store = db.prepare(
    `INSERT INTO entry_results (entry_id, status, resident_id, differences, candidates, duplicate_of) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(entry_id) DO UPDATE SET status = excluded.status, resident_id = excluded.resident_id,
       differences = excluded.differences, candidates = excluded.candidates, duplicate_of = excluded.duplicate_of`,
  );
  db.transaction(() => {
    for (const entry of entries) outcomes.push(decide(entry));
    entries.forEach((entry, i) => {
      const outcome = outcomes[i]!;
      const differences = outcome.differences.length === 0 ? '[]' : JSON.stringify(outcome.differences);
      const candidates = outcome.candidates.length === 0 ? '[]' : JSON.stringify(outcome.candidates);
      store.run(entry.id, outcome.status, outcome.resident?.id ?? null, differences, candidates, duplicateOf[i]);
      summary[outcome.status]++;
      checked.push({
        row: entry.row,
        status: outcome.status,
        personalId: outcome.resident?.personal_id ?? null,
        differences: outcome.differences,
      });
    });
    db.prepare('UPDATE lists SET checked_at = ? WHERE id = ?').run(now.toISOString(), listId);
    audit(db, 'list.check', `list:${listId}`, summary, now);
  })();
  // A results list's rows are doses: each is checked against the vaccination rules too.
  if (kind === 'results') recordVaccinations(db, listId, now);
  return { listId, summary, entries: checked };
}
