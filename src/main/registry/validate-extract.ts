import { translate, type Locale } from '../../shared/i18n';
import type { ColumnMapping } from '../../shared/registry/fields';
import { validateResidentRow } from '../../shared/registry/validate-row';
import type { ResidentRecord, RowError } from '../../shared/types';
import type { ParsedExtract } from './prepare-extract';

export interface ValidatedRow {
  readonly row: number;
  readonly resident: ResidentRecord;
}

export interface ValidatedExtract {
  readonly valid: readonly ValidatedRow[];
  /** One entry per rejected row, in row order. */
  readonly errors: readonly RowError[];
}

/** Validates every data row; an ID repeated inside the extract rejects every row that carries it. */
export function validateExtract(parsed: ParsedExtract, mapping: ColumnMapping, locale: Locale): ValidatedExtract {
  const candidates: ValidatedRow[] = [];
  const errors: RowError[] = [];
  const rowsById = new Map<string, number[]>();
  for (const { rowNumber, cells } of parsed.dataRows) {
    const outcome = validateResidentRow(cells, mapping, parsed.date1904);
    if (outcome.kind === 'blank') continue;
    if (outcome.kind === 'invalid') {
      errors.push({ row: rowNumber, message: outcome.problems.map((p) => translate(locale, p.key, p.params)).join(' ') });
      continue;
    }
    candidates.push({ row: rowNumber, resident: outcome.resident });
    const rows = rowsById.get(outcome.resident.personalId);
    if (rows) rows.push(rowNumber);
    else rowsById.set(outcome.resident.personalId, [rowNumber]);
  }
  const valid: ValidatedRow[] = [];
  for (const candidate of candidates) {
    const rows = rowsById.get(candidate.resident.personalId)!;
    if (rows.length === 1) {
      valid.push(candidate);
    } else {
      errors.push({
        row: candidate.row,
        message: translate(locale, 'row.idDuplicate', { value: candidate.resident.personalId, rows: rows.join(', ') }),
      });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { valid, errors };
}
