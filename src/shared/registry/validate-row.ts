import { parseDateValue } from '../dates';
import { normalizeOldId, normalizePersonalId } from '../id-number';
import type { MessageKey, MessageParams } from '../i18n';
import { parseSex } from '../sex';
import type { CellValue, ResidentRecord } from '../types';
import { cellText } from '../text/cell-text';
import type { ColumnMapping, ResidentField } from './fields';

export interface RowProblem {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

export type RowOutcome =
  | { readonly kind: 'blank' }
  | { readonly kind: 'resident'; readonly resident: ResidentRecord }
  | { readonly kind: 'invalid'; readonly problems: readonly RowProblem[] };

function isBlankCell(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function optionalText(cells: readonly CellValue[], mapping: ColumnMapping, field: ResidentField): string | null {
  const column = mapping[field];
  if (column === undefined) return null;
  const text = cellText(cells[column]);
  return text === '' ? null : text;
}

/** Validates one data row of a registry extract against the column mapping. */
export function validateResidentRow(cells: readonly CellValue[], mapping: ColumnMapping, date1904 = false): RowOutcome {
  if (cells.every(isBlankCell)) return { kind: 'blank' };
  const problems: RowProblem[] = [];

  const rawId = optionalText(cells, mapping, 'personalId');
  const personalId = rawId === null ? null : normalizePersonalId(rawId);
  if (rawId === null) problems.push({ key: 'row.idMissing' });
  else if (personalId === null) problems.push({ key: 'row.idInvalid', params: { value: rawId } });

  const rawOldId = optionalText(cells, mapping, 'oldId');
  const oldId = rawOldId === null ? null : normalizeOldId(rawOldId);
  if (rawOldId !== null && oldId === null) problems.push({ key: 'row.oldIdInvalid', params: { value: rawOldId } });

  const fullName = optionalText(cells, mapping, 'fullName');
  if (fullName === null) problems.push({ key: 'row.nameMissing' });

  const birthColumn = mapping.birthDate;
  const birthCell = birthColumn === undefined ? null : (cells[birthColumn] ?? null);
  const birthText = cellText(birthCell);
  const birthDate = birthText === '' ? null : parseDateValue(typeof birthCell === 'string' ? birthText : birthCell, date1904);
  if (birthText !== '' && birthDate === null) problems.push({ key: 'row.birthDateInvalid', params: { value: birthText } });

  const sexText = optionalText(cells, mapping, 'sex');
  const sex = sexText === null ? null : parseSex(sexText);
  if (sexText !== null && sex === null) problems.push({ key: 'row.sexInvalid', params: { value: sexText } });

  if (problems.length > 0 || personalId === null || fullName === null) return { kind: 'invalid', problems };
  return {
    kind: 'resident',
    resident: {
      personalId,
      oldId,
      fullName,
      birthDate,
      sex,
      ethnicity: optionalText(cells, mapping, 'ethnicity'),
      nationality: optionalText(cells, mapping, 'nationality'),
      permanentAddress: optionalText(cells, mapping, 'permanentAddress'),
      currentAddress: optionalText(cells, mapping, 'currentAddress'),
      householdCode: optionalText(cells, mapping, 'householdCode'),
    },
  };
}
