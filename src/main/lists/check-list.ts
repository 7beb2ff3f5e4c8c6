/**
 * Checking every entry of a list against the registry extract (DESIGN.md §4). A wrong link is worse
 * than `not_found`: an entry is linked to a resident only on an ID, or on name, birth date and sex
 * when exactly one resident fits.
 */
import { datesConsistent, isFullDate } from '../../shared/dates';
import { isForeignNationality, normalizeIdCell } from '../../shared/lists/normalize-entry';
import { compareNames, nameSimilarity, withinOneEdit } from '../../shared/text/names';
import { matchKey } from '../../shared/text/normalize';
import type { Sex } from '../../shared/types';
import { entryDifferences, type EntryFacts, type RegistryFacts } from '../../shared/verification/differences';
import { ENTRY_STATUSES, type ComparedField, type EntryStatus } from '../../shared/verification/vocabulary';
import type { Db } from '../db/open-database';
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
}

export interface EntryOutcome {
  readonly status: EntryStatus;
  readonly resident: ResidentRow | null;
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

export function registryFacts(r: ResidentRow): RegistryFacts {
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

/** The registry look-ups the matcher needs, as prepared statements on one connection. */
export function registryLookups(db: Db) {
  const byPersonalId = db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE personal_id = ?');
  const byOldId = db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE old_id = ? LIMIT 20');
  const byNameKey = db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE name_key = ? LIMIT 500');
  const byBirth = db.prepare<[string, string], ResidentRow>(
    'SELECT * FROM residents WHERE birth_date = ? AND sex = ? LIMIT 5000',
  );
  return {
    byId(id: string): ResidentRow[] {
      if (id.length === 12) {
        const r = byPersonalId.get(id);
        return r ? [r] : [];
      }
      return byOldId.all(id);
    },
    byNameKey: (key: string) => byNameKey.all(key),
    byBirth: (date: string, sex: Sex) => byBirth.all(date, sex),
  };
}

export type RegistryLookups = ReturnType<typeof registryLookups>;

function facts(entry: EntryRow): EntryFacts {
  return {
    fullName: entry.full_name,
    birthDate: entry.birth_date,
    sex: entry.sex,
    idNumber: entry.id_number === null ? null : normalizeIdCell(entry.id_number),
    address: entry.address,
  };
}

function linked(entry: EntryFacts, resident: ResidentRow): EntryOutcome {
  const differences = entryDifferences(entry, registryFacts(resident));
  return { status: differences.length === 0 ? 'matched' : 'mismatched', resident, differences, candidates: [] };
}

function ambiguous(candidates: readonly ResidentRow[]): EntryOutcome {
  return { status: 'ambiguous', resident: null, differences: [], candidates: candidates.map((c) => c.id) };
}

const NOT_FOUND: EntryOutcome = { status: 'not_found', resident: null, differences: [], candidates: [] };
const INVALID: EntryOutcome = { status: 'invalid', resident: null, differences: [], candidates: [] };
const FOREIGN: EntryOutcome = { status: 'foreign', resident: null, differences: [], candidates: [] };

/** Residents whose name (accents aside), birth date and sex fit the entry. */
function namedResidents(entry: EntryFacts, lookups: RegistryLookups): ResidentRow[] {
  if (entry.fullName === null || entry.birthDate === null) return [];
  return lookups
    .byNameKey(matchKey(entry.fullName))
    .filter(
      (r) =>
        r.birth_date !== null &&
        datesConsistent(entry.birthDate!, r.birth_date) &&
        (entry.sex === null || r.sex === null || entry.sex === r.sex),
    );
}

/** Decides one entry on its own (duplicates within the list are decided afterwards). */
export function matchEntry(entry: EntryRow, lookups: RegistryLookups): EntryOutcome {
  if (entry.full_name === null) return INVALID;
  if (isForeignNationality(entry.nationality)) return FOREIGN;
  const given = facts(entry);
  const named = namedResidents(given, lookups);
  const byId = given.idNumber === null ? [] : lookups.byId(given.idNumber);

  if (byId.length === 1) {
    const resident = byId[0]!;
    const nameOther =
      compareNames(given.fullName!, resident.full_name) === 'different' &&
      nameSimilarity(given.fullName!, resident.full_name) < CLEARLY_OTHER_NAME;
    if (!nameOther) return linked(given, resident);
    // The ID is one person's, the name and birth date another's: the entry is about the person named.
    const others = named.filter((r) => r.id !== resident.id);
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
  if (named.length === 1) return linked(given, named[0]!);
  if (named.length > 1) return ambiguous(named);
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
  const list = db.prepare<[number], { id: number }>('SELECT id FROM lists WHERE id = ?').get(listId);
  if (!list) return null;
  const entries = db
    .prepare<[number], EntryRow>(
      'SELECT id, row, full_name, birth_date, sex, id_number, nationality, address FROM list_entries WHERE list_id = ? ORDER BY row',
    )
    .all(listId);
  const lookups = registryLookups(db);
  const update = db.prepare('UPDATE list_entries SET status = ?, resident_id = ?, differences = ?, candidates = ? WHERE id = ?');
  const summary = Object.fromEntries(ENTRY_STATUSES.map((s) => [s, 0])) as Record<EntryStatus, number>;
  const checked: CheckedEntry[] = [];
  const linkedResidents = new Set<number>();
  const unlinkedSeen = new Set<string>();

  const outcomes = entries.map((entry) => {
    let outcome = matchEntry(entry, lookups);
    if (outcome.resident !== null) {
      if (linkedResidents.has(outcome.resident.id))
        outcome = { status: 'duplicate', resident: outcome.resident, differences: [], candidates: [] };
      else linkedResidents.add(outcome.resident.id);
    } else if (outcome.status === 'not_found') {
      const key = unlinkedKey(entry);
      if (key !== null && unlinkedSeen.has(key)) outcome = { ...outcome, status: 'duplicate' };
      else if (key !== null) unlinkedSeen.add(key);
    }
    return outcome;
  });

  db.transaction(() => {
    entries.forEach((entry, i) => {
      const outcome = outcomes[i]!;
      update.run(
        outcome.status,
        outcome.resident?.id ?? null,
        JSON.stringify(outcome.differences),
        JSON.stringify(outcome.candidates),
        entry.id,
      );
      summary[outcome.status]++;
      checked.push({
        row: entry.row,
        status: outcome.status,
        personalId: outcome.resident?.personal_id ?? null,
        differences: outcome.differences,
      });
    });
    db.prepare('UPDATE lists SET checked_at = ? WHERE id = ?').run(now.toISOString(), listId);
  })();
  return { listId, summary, entries: checked };
}
