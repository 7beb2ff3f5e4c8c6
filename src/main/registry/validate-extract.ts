import { translate, type Locale } from '../../shared/i18n';
import type { ColumnMapping } from '../../shared/registry/fields';
import { validateResidentRow } from '../../shared/registry/validate-row';
import type { ResidentRecord, RowError } from '../../shared/types';
import { rowNumberOf } from '../spreadsheet/read-table';
import type { ParsedExtract } from './prepare-extract';

export interface ValidatedExtract {
  /** The residents of the valid rows, in sheet order. */
  readonly residents: readonly ResidentRecord[];
  /** One entry per rejected row, in row order. */
  readonly errors: readonly RowError[];
}

/** Validates every data row; an ID repeated inside the extract rejects every row that carries it. */
export function validateExtract(parsed: ParsedExtract, mapping: ColumnMapping, locale: Locale): ValidatedExtract {
  const { table } = parsed;
  const residents: ResidentRecord[] = [];
  const errors: RowError[] = [];
  const firstRowById = new Map<string, number>();
  /** Every row of each ID seen more than once. */
  const repeated = new Map<string, number[]>();
  for (let index = parsed.dataStart; index < table.rows.length; index++) {
    const outcome = validateResidentRow(table.rows[index]!, mapping, table.date1904);
    if (outcome.kind === 'blank') continue;
    const row = rowNumberOf(table, index);
    if (outcome.kind === 'invalid') {
      errors.push({ row, message: outcome.problems.map((p) => translate(locale, p.key, p.params)).join(' ') });
      continue;
    }
    residents.push(outcome.resident);
    const id = outcome.resident.personalId;
    const first = firstRowById.get(id);
    if (first === undefined) firstRowById.set(id, row);
    else repeated.set(id, [...(repeated.get(id) ?? [first]), row]);
  }
  if (repeated.size === 0) return { residents, errors };
  for (const [id, rows] of repeated) {
    const message = translate(locale, 'row.idDuplicate', { value: id, rows: rows.join(', ') });
    for (const row of rows) errors.push({ row, message });
  }
  errors.sort((a, b) => a.row - b.row);
  return { residents: residents.filter((r) => !repeated.has(r.personalId)), errors };
}
