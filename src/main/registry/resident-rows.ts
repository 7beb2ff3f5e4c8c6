import type { ResidentView } from '../../shared/api-contract';
import { yearOf } from '../../shared/dates';
import { matchKey } from '../../shared/text/normalize';
import type { ResidentRecord, Sex } from '../../shared/types';

/** A residents row as SQLite returns it. */
export interface ResidentRow {
  readonly id: number;
  readonly personal_id: string;
  readonly old_id: string | null;
  readonly full_name: string;
  readonly birth_date: string | null;
  readonly sex: Sex | null;
  readonly ethnicity: string | null;
  readonly nationality: string | null;
  readonly permanent_address: string | null;
  readonly current_address: string | null;
  readonly household_code: string | null;
  /** The extract the row was inserted or last updated from (null for demo residents). */
  readonly extract_id: number | null;
  /**
   * JSON object: field → id of the extract its value came from, for the fields whose extract is not
   * `extract_id` (a row inserted from an extract stores `{}`: every field came from that extract).
   */
  readonly field_sources: string;
  readonly is_demo: 0 | 1;
}

/** Record field → column, for the fields an extract carries. */
export const RECORD_COLUMNS = {
  personalId: 'personal_id',
  oldId: 'old_id',
  fullName: 'full_name',
  birthDate: 'birth_date',
  sex: 'sex',
  ethnicity: 'ethnicity',
  nationality: 'nationality',
  permanentAddress: 'permanent_address',
  currentAddress: 'current_address',
  householdCode: 'household_code',
} as const satisfies Record<keyof ResidentRecord, keyof ResidentRow>;

export const RECORD_FIELDS = Object.keys(RECORD_COLUMNS) as (keyof ResidentRecord)[];

/**
 * Which extract each field's value came from. A row an extract inserted stores only what differs from
 * its `extract_id` (`{}` when nothing does); a demo resident has no extract of its own, so a field a
 * later extract did not change has none.
 */
export function fieldSourcesOf(
  row: Pick<ResidentRow, 'extract_id' | 'field_sources' | 'is_demo'>,
): Partial<Record<keyof ResidentRecord, number>> {
  const recorded = JSON.parse(row.field_sources) as Partial<Record<keyof ResidentRecord, number>>;
  if (row.extract_id === null || row.is_demo === 1) return recorded;
  return { ...Object.fromEntries(RECORD_FIELDS.map((f) => [f, row.extract_id])), ...recorded };
}

/** Columns written when a resident is inserted, in the order of `insertParams`. */
const INSERT_COLUMNS = [
  'personal_id',
  'old_id',
  'full_name',
  'name_key',
  'reversed_key',
  'birth_date',
  'birth_year',
  'sex',
  'ethnicity',
  'nationality',
  'permanent_address',
  'current_address',
  'household_code',
  'extract_id',
  'field_sources',
  'is_demo',
] as const;

export const INSERT_RESIDENT_SQL = `INSERT INTO residents (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`;

/** Inserts a resident unless one with the same personal ID exists (then `changes` is 0). */
export const INSERT_NEW_RESIDENT_SQL = `${INSERT_RESIDENT_SQL} ON CONFLICT(personal_id) DO NOTHING`;

/** The words of a key in reverse order: "MA VAN TUONG" → "TUONG VAN MA". */
export function reverseWords(key: string): string {
  return key.split(' ').reverse().join(' ');
}

/** The search keys derived from a name: the whole-name key and its reversed-words form. */
export function nameKeys(fullName: string): { readonly nameKey: string; readonly reversedKey: string } {
  const nameKey = matchKey(fullName);
  return { nameKey, reversedKey: reverseWords(nameKey) };
}

/**
 * The positional parameters that insert a record, search keys included. Positional binding of a
 * fixed array is markedly faster than named binding on large extracts (see bench/).
 */
export function insertParams(
  record: ResidentRecord,
  extractId: number | null,
  fieldSources: string,
  isDemo: boolean,
  // The reading worker sends them made: the writer's thread only writes.
  { nameKey, reversedKey }: { readonly nameKey: string; readonly reversedKey: string } = nameKeys(record.fullName),
) {
  return [
    record.personalId,
    record.oldId,
    record.fullName,
    nameKey,
    reversedKey,
    record.birthDate,
    record.birthDate === null ? null : yearOf(record.birthDate),
    record.sex,
    record.ethnicity,
    record.nationality,
    record.permanentAddress,
    record.currentAddress,
    record.householdCode,
    extractId,
    fieldSources,
    isDemo ? 1 : 0,
  ] as const satisfies { length: (typeof INSERT_COLUMNS)['length'] };
}

/** A stored row as the API shows it. */
export function residentView(row: ResidentRow): ResidentView {
  return {
    personalId: row.personal_id,
    oldId: row.old_id,
    fullName: row.full_name,
    birthDate: row.birth_date,
    sex: row.sex,
    ethnicity: row.ethnicity,
    nationality: row.nationality,
    permanentAddress: row.permanent_address,
    currentAddress: row.current_address,
    householdCode: row.household_code,
    isDemo: row.is_demo === 1,
  };
}
