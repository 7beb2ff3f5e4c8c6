/** One list row as the facts the verification compares (DESIGN.md §4). */
import { parseDateValue } from '../dates';
import { digitsOnly, normalizeOldId, normalizePersonalId } from '../id-number';
import { parseSex } from '../sex';
import { cellText } from '../text/cell-text';
import type { Problem } from '../result';
import { cleanText, matchKey } from '../text/normalize';
import type { CellValue } from '../types';
import type { EntryFacts } from '../verification/differences';
import { LIST_FIELDS, type ListField, type ListMapping } from './fields';

export interface NormalizedEntry extends EntryFacts {
  /** The ID column's text when it is not a Vietnamese ID number (a passport number). */
  readonly otherId: string | null;
  readonly nationality: string | null;
  /** The other mapped columns (phone, dose, vaccine…), as text. */
  readonly extra: Readonly<Partial<Record<ListField, string>>>;
  readonly problems: readonly Problem[];
}

const VIETNAMESE_NATIONALITY = new Set(['VIET NAM', 'VIETNAM', 'VN', 'VNM', 'VIET', 'CONG HOA XA HOI CHU NGHIA VIET NAM']);
const CORE_FIELDS: ReadonlySet<ListField> = new Set([
  'fullName',
  'birthDate',
  'sex',
  'idNumber',
  'personalId',
  'oldId',
  'nationality',
  'address',
]);

/** Whether a nationality names another country than Vietnam (blank means Vietnamese). */
export function isForeignNationality(nationality: string | null): boolean {
  return (
    nationality !== null &&
    !VIETNAMESE_NATIONALITY.has(
      matchKey(nationality)
        .replace(/[^A-Z ]/g, '')
        .trim(),
    )
  );
}

/** A 12-digit ID or a 9-digit CMND from whatever the cell holds, or null when it holds neither. */
export function normalizeIdCell(text: string): string | null {
  const digits = digitsOnly(text);
  if (digits === null) return null;
  return digits.length >= 10 ? normalizePersonalId(digits) : normalizeOldId(digits);
}

/** Normalises one list row through the column mapping. */
export function normalizeEntry(cells: readonly CellValue[], mapping: ListMapping, date1904 = false): NormalizedEntry {
  const text = (field: ListField): string | null => {
    const column = mapping[field];
    if (column === undefined) return null;
    const value = cellText(cells[column]);
    return value === '' ? null : value;
  };
  const problems: Problem[] = [];

  const birthColumn = mapping.birthDate;
  const birthCell = birthColumn === undefined ? null : (cells[birthColumn] ?? null);
  const birthText = text('birthDate');
  const birthDate = birthText === null ? null : parseDateValue(typeof birthCell === 'string' ? birthText : birthCell, date1904);
  if (birthText !== null && birthDate === null) problems.push({ key: 'row.birthDateInvalid', params: { value: birthText } });

  const sexText = text('sex');
  const sex = sexText === null ? null : parseSex(sexText);
  if (sexText !== null && sex === null) problems.push({ key: 'row.sexInvalid', params: { value: sexText } });

  const idText = text('idNumber') ?? text('personalId') ?? text('oldId');
  const idNumber = idText === null ? null : normalizeIdCell(idText);

  const extra: Partial<Record<ListField, string>> = {};
  for (const field of LIST_FIELDS) {
    if (CORE_FIELDS.has(field)) continue;
    const value = text(field);
    if (value !== null) extra[field] = value;
  }
  const fullName = text('fullName');
  return {
    fullName: fullName === null ? null : cleanText(fullName),
    birthDate,
    sex,
    idNumber,
    otherId: idText !== null && idNumber === null ? idText : null,
    address: text('address'),
    nationality: text('nationality'),
    extra,
    problems,
  };
}
