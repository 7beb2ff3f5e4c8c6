import type { ResidentView } from '../../shared/api-contract';
import { yearOf } from '../../shared/dates';
import { matchKey } from '../../shared/text';
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

export const INSERT_RESIDENT_SQL = `
  INSERT INTO residents (personal_id, old_id, full_name, name_key, given_key, birth_date, birth_year, sex,
    ethnicity, nationality, permanent_address, current_address, household_code, extract_id, field_sources, is_demo)
  VALUES (@personalId, @oldId, @fullName, @nameKey, @givenKey, @birthDate, @birthYear, @sex,
    @ethnicity, @nationality, @permanentAddress, @currentAddress, @householdCode, @extractId, @fieldSources, @isDemo)`;

/** The bound parameters that insert a record (search keys derived from the name). */
export function insertParams(record: ResidentRecord, extractId: number | null, fieldSources: string, isDemo: boolean) {
  const nameKey = matchKey(record.fullName);
  return {
    ...record,
    nameKey,
    givenKey: nameKey.slice(nameKey.lastIndexOf(' ') + 1),
    birthYear: record.birthDate === null ? null : yearOf(record.birthDate),
    extractId,
    fieldSources,
    isDemo: isDemo ? 1 : 0,
  };
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
