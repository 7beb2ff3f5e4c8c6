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
  byId(id: string): readonly MatchRow[];
  /** Residents with this name key whose birth date and sex fit. */
  byName(key: string, birthDate: string, sex: Sex | null): readonly MatchRow[];
  /** Residents born on this full date with this sex (at most 5,000). */
  byBirth(date: string, sex: Sex): readonly MatchRow[];
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
// A name look-up reads the name index alone (it holds the birth date and sex the look-up filters on):
// of the residents sharing a name and birth year, only those whose date and sex fit are read whole.
const BY_NAME_KEYS = `SELECT id, birth_date, sex, wanted FROM
  (SELECT key AS wanted, value ->> 0 AS wanted_key, value ->> 1 AS wanted_year FROM json_each(?)) CROSS JOIN residents
  WHERE name_key = wanted_key AND birth_year = wanted_year`;
const BY_BIRTHS = `SELECT ${MATCH_COLUMNS}, wanted FROM
  (SELECT key AS wanted, value ->> 0 AS wanted_date, value ->> 1 AS wanted_sex FROM json_each(?)) CROSS JOIN residents
  WHERE birth_date = wanted_date AND sex = wanted_sex`;
// Residents by row id (a bound JSON array of ids), read in row-id order.
const BY_ROW_IDS = `SELECT ${MATCH_COLUMNS} FROM residents WHERE id IN (SELECT value FROM json_each(?))`;

/** A resident of a name and birth year, as the name index holds it. */
interface NameCandidate {
  readonly id: number;
  readonly birth_date: string | null;
  readonly sex: Sex | null;
}
type CandidateTuple = [number, string | null, Sex | null, number];

const NONE: readonly MatchRow[] = [];

/** A set of keys waiting for one query, each answered with its rows in index order (capped). */
class Wanted<K extends readonly unknown[], A> {
  readonly answers = new Map<string, A[]>();
  private readonly wanted = new Map<string, K>();

  /** `answer` makes a row's answer; the row's last column is the index of the wanted key it answers. */
  constructor(
    private readonly sql: string,
    private readonly cap: number,
    private readonly answer: (row: unknown[]) => A,
  ) {}

  /** The answer for a key, or NOT_FETCHED thrown after noting the key. */
  get(id: string, key: K): A[] {
    const rows = this.answers.get(id);
    if (rows !== undefined) return rows;
    this.wanted.set(id, key);
    throw NOT_FETCHED;
  }

  /** Answers every noted key with one query; false when none was noted. */
  fetch(db: Db): boolean {
    if (this.wanted.size === 0) return false;
    const ids = [...this.wanted.keys()];
    const rows = ids.map(() => [] as A[]);
    const statement = db.prepare<[string], unknown[]>(this.sql).raw(true);
    for (const r of statement.iterate(JSON.stringify([...this.wanted.values()])) as Iterable<unknown[]>) {
      const answer = rows[r[r.length - 1] as number]!;
      if (answer.length < this.cap) answer.push(this.answer(r));
    }
    ids.forEach((id, i) => this.answers.set(id, rows[i]!));
    this.wanted.clear();
    return true;
  }
}

/** Residents kept by row id, and the ids asked for that are not read yet. */
class ResidentsById {
  private readonly rows = new Map<number, MatchRow>();
  private readonly wanted = new Set<number>();

  /** The residents with these ids, in this order, or NOT_FETCHED thrown after noting the missing ones. */
  get(ids: readonly number[]): MatchRow[] {
    const found: MatchRow[] = [];
    for (const id of ids) {
      const row = this.rows.get(id);
      if (row === undefined) this.wanted.add(id);
      else found.push(row);
    }
    if (found.length < ids.length) throw NOT_FETCHED;
    return found;
  }

  fetch(db: Db): boolean {
    if (this.wanted.size === 0) return false;
    const statement = db.prepare<[string], unknown[]>(BY_ROW_IDS).raw(true);
    for (const r of statement.iterate(JSON.stringify([...this.wanted])) as Iterable<MatchTuple>) {
      this.rows.set(r[0], matchRow(r));
      this.wanted.delete(r[0]);
    }
    // The ids came from the name index in the same transaction: one missing is a broken file, not a wait.
    if (this.wanted.size > 0) throw new Error('residents named by the name index are missing from their table');
    return true;
  }
}

export interface ListLookups extends RegistryLookups {
  /** Fetches what the look-ups were asked for and did not have; false when nothing was waiting. */
  fetchWanted(): boolean;
}

/** The look-ups of one list's check: its IDs' residents fetched now, names and birth dates on demand, in batches. */
export function listLookups(db: Db, listId: number): ListLookups {
  // Each ID's residents in row-id order, the first MAX_BY_ID kept.
  const byId = new Map<string, MatchRow[]>();
  const keep = (id: string, row: MatchRow) => {
    const rows = byId.get(id);
    if (rows === undefined) byId.set(id, [row]);
    else if (rows.length < MAX_BY_ID) rows.push(row);
  };
  const rows = (sql: string) => db.prepare<[number], unknown[]>(sql).raw(true).iterate(listId) as Iterable<MatchTuple>;
  for (const r of rows(BY_PERSONAL_ID)) keep(r[1], matchRow(r));
  for (const r of rows(BY_OLD_ID)) keep(r[2]!, matchRow(r));
  // Residents a name look-up found, read once their name, birth date and sex are known to fit.
  const residents = new ResidentsById();
  const names = new Wanted<[string, number], NameCandidate>(BY_NAME_KEYS, MAX_BY_NAME, (r) => {
    const [id, birth_date, sex] = r as CandidateTuple;
    return { id, birth_date, sex };
  });
  const births = new Wanted<[string, Sex], MatchRow>(BY_BIRTHS, MAX_BY_BIRTH, (r) => matchRow(r as KeyedTuple));
  return {
    byId: (id) => byId.get(id) ?? NONE,
    byName(key, birthDate, sex) {
      const year = yearOf(birthDate);
      const fitting = names
        .get(`${key}|${year}`, [key, year])
        .filter(
          (r) =>
            r.birth_date !== null &&
            datesConsistent(birthDate, r.birth_date) &&
            (sex === null || r.sex === null || sex === r.sex),
        );
      return residents.get(fitting.map((r) => r.id));
    },
    byBirth: (date, sex) => births.get(`${date}|${sex}`, [date, sex]),
    fetchWanted: () => {
      // Each batch in its turn: the residents a name look-up found are asked for once its candidates are known.
      const fetched = [names.fetch(db), births.fetch(db), residents.fetch(db)];
      return fetched.some(Boolean);
    },
  };
}
