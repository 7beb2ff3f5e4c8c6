/**
 * Reading a list as health stations make them: title rows and merged cells above the header, the
 * header on any row, blank rows, a signature block under the table, legacy encodings (handled by
 * read-table), IDs as numbers or with spaces, dates in every form.
 */
import { createHash } from 'node:crypto';
import { HEADER_SEARCH_ROWS } from '../../shared/columns';
import { parseDateText, type IsoDate } from '../../shared/dates';
import { LIST_COLUMNS, type ListMapping } from '../../shared/lists/fields';
import { cellText } from '../../shared/text/cell-text';
import { fail, ok, type Result } from '../../shared/result';
import { readHeaderedSheet, rowNumberOf, type SheetTable } from '../spreadsheet/read-table';
import type { CellValue } from '../../shared/types';

/** Lists longer than this are refused (a commune's list is hundreds or a few thousand rows). */
export const MAX_LIST_ROWS = 100_000;

export interface ParsedList {
  readonly fileName: string;
  readonly sha256: string;
  readonly data: Uint8Array;
  readonly sheetName: string;
  readonly headerRow: number;
  readonly columnTitles: readonly string[];
  readonly mapping: ListMapping;
  /** The date the sheet says it was drawn up ("Ngày lập: 10/11/2021"), if it says. */
  readonly drawnUpInSheet: IsoDate | null;
  /** The table's rows that are entries: blank rows and the signature block left out. */
  readonly entries: readonly { readonly row: number; readonly cells: readonly CellValue[] }[];
  readonly date1904: boolean;
}

const SIGNATURE_WORDS =
  /(người lập|lập biểu|trưởng trạm|trưởng ban|chủ tịch|giám đốc|thủ trưởng|xác nhận|ký tên|ký,|ghi rõ họ tên|^tm\.|^kt\.|ngày\s+\d*\.*\s*tháng)/i;
const DRAWN_UP = /(?:ngày\s+lập|lập\s+ngày)\s*:?\s*([0-9./-]+)|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/i;

/** The date a title row states the list was drawn up, or null. */
export function drawnUpFromTitles(titles: readonly string[]): IsoDate | null {
  for (const title of titles) {
    const m = DRAWN_UP.exec(title);
    if (!m) continue;
    const date = m[1] !== undefined ? parseDateText(m[1]) : parseDateText(`${m[2]}/${m[3]}/${m[4]}`);
    if (date !== null) return date;
  }
  return null;
}

function isBlank(cells: readonly CellValue[]): boolean {
  return cells.every((c) => cellText(c) === '');
}

/**
 * The entry rows of a table under its header: stops at the signature block (its words, or the rows
 * after a blank gap that carry neither an ID nor a birth date).
 */
export function entryRows(table: SheetTable, dataStart: number, mapping: ListMapping): ParsedList['entries'] {
  const entries: { row: number; cells: readonly CellValue[] }[] = [];
  const keyColumns = [mapping.idNumber, mapping.personalId, mapping.oldId, mapping.birthDate].filter(
    (c): c is number => c !== undefined,
  );
  let gap = false;
  for (let index = dataStart; index < table.rows.length; index++) {
    const cells = table.rows[index]!;
    if (isBlank(cells)) {
      gap = entries.length > 0;
      continue;
    }
    const texts = cells.map((c) => cellText(c));
    if (texts.some((t) => SIGNATURE_WORDS.test(t)) && keyColumns.every((c) => (texts[c] ?? '') === '')) break;
    if (gap && keyColumns.length > 0 && keyColumns.every((c) => (texts[c] ?? '') === '')) break;
    entries.push({ row: rowNumberOf(table, index), cells });
  }
  return entries;
}

/** A signature of a header (its titles' keys), under which a source's chosen mapping is remembered. */
export function headerSignature(titles: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify(titles.map((t) => t.toLowerCase())))
    .digest('hex')
    .slice(0, 16);
}

/** Reads a list file, finds its header and its entries. */
export async function prepareList(data: Uint8Array, fileName: string): Promise<Result<ParsedList>> {
  const read = await readHeaderedSheet(data, fileName, (texts) => LIST_COLUMNS.detectHeader(texts));
  if (!read.ok) return read;
  const { found, sheets } = read.value;
  if (found !== null) {
    const { table, texts, header } = found;
    const entries = entryRows(table, header.index + 1, header.mapping);
    if (entries.length === 0) return fail('error.noDataRows', { file: fileName, row: rowNumberOf(table, header.index) });
    if (entries.length > MAX_LIST_ROWS)
      return fail('list.tooManyRows', { file: fileName, rows: entries.length, max: MAX_LIST_ROWS });
    return ok({
      fileName,
      sha256: createHash('sha256').update(data).digest('hex'),
      data,
      sheetName: table.name,
      headerRow: rowNumberOf(table, header.index),
      columnTitles: texts[header.index]!,
      mapping: header.mapping,
      drawnUpInSheet: drawnUpFromTitles(texts.slice(0, header.index).flat()),
      entries,
      date1904: table.date1904,
    });
  }
  // A header without a name column is a list nobody can be found in.
  const headerWithoutName = sheets.some((t) =>
    t.rows
      .slice(0, HEADER_SEARCH_ROWS)
      .some((cells) => cells.filter((c) => LIST_COLUMNS.fieldForHeader(cellText(c)) !== null).length >= 2),
  );
  return fail(headerWithoutName ? 'list.noNameColumn' : 'list.noHeader', { file: fileName });
}
