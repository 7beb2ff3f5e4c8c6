import { createHash } from 'node:crypto';
import { RESIDENT_FIELDS, detectHeader, type ColumnMapping } from '../../shared/registry/fields';
import { cellText } from '../../shared/text/cell-text';
import { fail, ok, type Result } from '../../shared/result';
import { readHeaderedSheet, rowNumberOf, type SheetTable } from '../spreadsheet/read-table';

/** A registry extract read from its file, with the header found and the columns mapped. */
export interface ParsedExtract {
  readonly fileName: string;
  readonly sha256: string;
  readonly sheetName: string;
  readonly headerRow: number;
  readonly columnTitles: readonly string[];
  readonly mapping: ColumnMapping;
  readonly table: SheetTable;
  /** Index in `table.rows` of the first row under the header. */
  readonly dataStart: number;
}

/** How many data rows (blank ones included) lie under the header. */
export function dataRowCount(parsed: ParsedExtract): number {
  return parsed.table.rows.length - parsed.dataStart;
}

/** Reads the file and finds its header row (on the first visible sheet that has one). */
export async function prepareExtract(data: Uint8Array, fileName: string): Promise<Result<ParsedExtract>> {
  const read = await readHeaderedSheet(data, fileName, detectHeader);
  if (!read.ok) return read;
  if (read.value.found === null) return fail('error.noHeader', { file: fileName });
  const { table, texts, header } = read.value.found;
  const columnTitles = texts[header.index]!;
  const mapping = header.mapping;
  if (mapping.personalId === undefined) return fail('error.noIdColumn', { file: fileName });
  if (mapping.fullName === undefined) return fail('error.noNameColumn', { file: fileName });
  const dataStart = header.index + 1;
  const headerRow = rowNumberOf(table, header.index);
  if (!table.rows.slice(dataStart).some((cells) => cells.some((c) => cellText(c) !== ''))) {
    return fail('error.noDataRows', { file: fileName, row: headerRow });
  }
  return ok({
    fileName,
    sha256: createHash('sha256').update(data).digest('hex'),
    sheetName: table.name,
    headerRow,
    columnTitles,
    mapping,
    table,
    dataStart,
  });
}

/** Checks a (possibly user-edited) mapping: the ID and name columns present, columns that exist, none used twice. */
export function checkMapping(parsed: ParsedExtract, mapping: ColumnMapping): Result<ColumnMapping> {
  const file = parsed.fileName;
  if (mapping.personalId === undefined) return fail('error.noIdColumn', { file });
  if (mapping.fullName === undefined) return fail('error.noNameColumn', { file });
  const seen = new Set<number>();
  for (const field of RESIDENT_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    if (column >= parsed.columnTitles.length) return fail('error.mappingColumn', { file, column: column + 1 });
    if (seen.has(column))
      return fail('error.duplicateColumn', { file, field: parsed.columnTitles[column] ?? String(column + 1) });
    seen.add(column);
  }
  return ok(mapping);
}
