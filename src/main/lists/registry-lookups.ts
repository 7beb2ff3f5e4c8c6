/**
 * The registry look-ups of a list check, set-based (issue 18): the residents every entry's ID points
 * to are read in one query before matching; the name and birth-date look-ups a decision needs are
 * gathered while matching and answered together, a few queries for the whole list instead of one
 * statement per entry. Each look-up answers exactly what the single-row query it replaces did
 * (same rows, same order, same caps), so the outcomes are the same.
 */
import { datesConsistent, yearOf } from '../../shared/dates';
import type { Sex } from '../../shared/types';
import type { Db } from '../db/open-database';
import type { ResidentRow } from '../registry/resident-rows';

/** The resident columns a match needs (fewer columns make the look-ups several times faster). */
export type MatchRow = Pick<
  ResidentRow,
  'id' | 'personal_id' | 'old_id' | 'full_name' | 'birth_date' | 'sex' | 'permanent_address' | 'current_address'
>;
const MATCH_COLUMNS = 'id, personal_id, old_id, full_name, birth_date, sex, permanent_address, current_address';
type MatchTuple = [number, string, string | null, string, string | null, Sex | null, string | null, string | null];
/** A match row followed by the index of the wanted key it answers. */
type KeyedTuple = [...MatchTuple, number];

/** What a matcher may ask of the registry (the unit tests answer it from a handful of residents). */
export interface RegistryLookups {
  /** Residents with this ID: a 12-digit personal ID, else an old CMND number (at most 20). */
  byId(id: string): MatchRow[];
  /** Residents with this name key whose birth date and sex fit. */
  byName(key: string, birthDate: string, sex: Sex | null): MatchRow[];
  /** Residents born on this full date with this sex (at most 5,000). */
  byBirth(date: string, sex: Sex): MatchRow[];
}

/** Most IDs on a list repeat the registry's, so at most this many residents share an old CMND number. */
const MAX_BY_ID = 20;
/** Residents of one name key and birth year considered (the index is read in order). */
const MAX_BY_NAME = 500;
const MAX_BY_BIRTH = 5000;

/**
 * Thrown by a look-up whose answer is not fetched yet: the entry is decided again after
 * `fetchWanted`. Not an Error: no stack is captured for what is plain control flow.
 */
export const NOT_FETCHED: unique symbol = Symbol('not fetched');

function matchRow(r: MatchTuple | KeyedTuple): MatchRow {
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

// The list's ID numbers, split as `byId` splits them: a 12-digit number is a personal ID, any other an
// old CMND number (the import stored them normalised), so each index is probed only with what it can hold.
const ids = `SELECT id_number FROM list_entries WHERE list_id = ? AND id_number IS NOT NULL`;
// The row ids first (from the index alone), then the rows in row-id order: the table is read front to
// back instead of at random, markedly faster on a large registry whose pages are not in memory yet.
const BY_PERSONAL_ID = `SELECT ${MATCH_COLUMNS} FROM residents WHERE id IN
  (SELECT id FROM residents WHERE personal_id IN (${ids} AND length(id_number) = 12))`;
const BY_OLD_ID = `SELECT ${MATCH_COLUMNS} FROM residents WHERE id IN
  (SELECT id FROM residents WHERE old_id IN (${ids} AND length(id_number) <> 12))`;
// The wanted keys as one bound JSON array, read first (CROSS JOIN keeps that order), each probing the
// index the single-row query used, in its order: `[[nameKey, birthYear], …]` and `[[birthDate, sex], …]`.
const BY_NAME_KEYS = `SELECT ${MATCH_COLUMNS}, wanted FROM
  (SELECT key AS wanted, value ->> 0 AS wanted_key, value ->> 1 AS wanted_year FROM json_each(?)) CROSS JOIN residents
  WHERE name_key = wanted_key AND birth_year = wanted_year`;
const BY_BIRTHS = `SELECT ${MATCH_COLUMNS}, wanted FROM
  (SELECT key AS wanted, value ->> 0 AS wanted_date, value ->> 1 AS wanted_sex FROM json_each(?)) CROSS JOIN residents
  WHERE birth_date = wanted_date AND sex = wanted_sex`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

/** A set of keys waiting for one query, each answered with its rows in index order (capped). */
class Wanted<K extends readonly unknown[]> {
  readonly answers = new Map<string, MatchRow[]>();
  private readonly wanted = new Map<string, K>();

  constructor(
    private readonly sql: string,
    private readonly cap: number,
  ) {}

  /** The answer for a key, or NOT_FETCHED thrown after noting the key. */
  get(id: string, key: K): MatchRow[] {
    const rows = this.answers.get(id);
    if (rows !== undefined) return rows;
    this.wanted.set(id, key);
    throw NOT_FETCHED;
  }

  /** Answers every noted key with one query; false when none was noted. */
  fetch(db: Db): boolean {
    if (this.wanted.size === 0) return false;
    const ids = [...this.wanted.keys()];
    const rows = ids.map(() => [] as MatchRow[]);
    const statement = db.prepare<[string], unknown[]>(this.sql).raw(true);
    for (const r of statement.iterate(JSON.stringify([...this.wanted.values()])) as Iterable<KeyedTuple>) {
      const answer = rows[r[8]]!;
      if (answer.length < this.cap) answer.push(matchRow(r));
    }
    ids.forEach((id, i) => this.answers.set(id, rows[i]!));
    this.wanted.clear();
    return true;
  }
}

export interface ListLookups extends RegistryLookups {
  /** Fetches what the look-ups were asked for and did not have; false when nothing was waiting. */
  fetchWanted(): boolean;
}

/** The look-ups of one list's check: its IDs' residents fetched now, names and birth dates on demand, in batches. */
export function listLookups(db: Db, listId: number): ListLookups {
  const byId = new Map<string, MatchRow[]>();
  const rows = (sql: string) => db.prepare<[number], unknown[]>(sql).raw(true).iterate(listId) as Iterable<MatchTuple>;
  for (const r of rows(BY_PERSONAL_ID)) push(byId, r[1], matchRow(r));
  for (const r of rows(BY_OLD_ID)) push(byId, r[2]!, matchRow(r));
  const names = new Wanted<[string, number]>(BY_NAME_KEYS, MAX_BY_NAME);
  const births = new Wanted<[string, Sex]>(BY_BIRTHS, MAX_BY_BIRTH);
  return {
    byId: (id) => (byId.get(id) ?? []).slice(0, MAX_BY_ID),
    byName(key, birthDate, sex) {
      const year = yearOf(birthDate);
      return names
        .get(`${key}|${year}`, [key, year])
        .filter(
          (r) =>
            r.birth_date !== null &&
            datesConsistent(birthDate, r.birth_date) &&
            (sex === null || r.sex === null || sex === r.sex),
        );
    },
    byBirth: (date, sex) => births.get(`${date}|${sex}`, [date, sex]),
    fetchWanted: () => {
      const fetchedNames = names.fetch(db);
      const fetchedBirths = births.fetch(db);
      return fetchedNames || fetchedBirths;
    },
  };
}
