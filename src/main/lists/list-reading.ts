/**
 * Reading a list in the reading worker, as health stations make them: title rows and merged cells
 * above the header, the header on any row, blank rows, a signature block under the table, legacy
 * encodings (handled by the readers), IDs as numbers or with spaces, dates in every form.
 */
import { parseDateText, type IsoDate } from '../../shared/dates';
import { MAX_LIST_CELLS } from '../../shared/limits';
import { LIST_COLUMNS, type ListMapping } from '../../shared/lists/fields';
import { fail, ok, type Result } from '../../shared/result';
import { cellText } from '../../shared/text/cell-text';
import type { CellValue } from '../../shared/types';
import { readHeaderedRows } from '../spreadsheet/read-table';
import { sourceSha256, type ByteSource } from '../spreadsheet/source';

/** Lists longer than this are refused (a commune's list is hundreds or a few thousand rows). */
export const MAX_LIST_ROWS = 100_000;

export interface ListEntryRow {
  readonly row: number;
  readonly cells: readonly CellValue[];
}

/** A list as read from its file (the bytes stay with the caller). */
export interface ListReading {
  readonly sha256: string;
  readonly sheetName: string;
  readonly headerRow: number;
  readonly columnTitles: readonly string[];
  readonly mapping: ListMapping;
  /** The date the sheet says it was drawn up ("Ngày lập: 10/11/2021"), if it says. */
  readonly drawnUpInSheet: IsoDate | null;
  /** The text of the rows above the header (who sends it, the list's title), top down. */
  readonly headingLines: readonly string[];
  /** The table's rows that are entries: blank rows and the signature block left out. */
  readonly entries: readonly ListEntryRow[];
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

/**
 * Takes the rows under a header as entries and says where the table ends: at the signature block
 * (its words, or the rows after a blank gap that carry neither an ID nor a birth date).
 */
export class EntryCollector {
  readonly entries: ListEntryRow[] = [];
  /** Entries counted, kept or not (beyond MAX_LIST_ROWS only counted). */
  count = 0;
  private gap = false;
  private readonly keyColumns: readonly number[];

  constructor(mapping: ListMapping) {
    this.keyColumns = [mapping.idNumber, mapping.personalId, mapping.oldId, mapping.birthDate].filter(
      (c): c is number => c !== undefined,
    );
  }

  /** False once the table has ended. */
  add(row: number, cells: readonly CellValue[]): boolean {
    const texts = cells.map((c) => cellText(c));
    if (texts.every((t) => t === '')) {
      this.gap = this.count > 0;
      return true;
    }
    const noKey = this.keyColumns.every((c) => (texts[c] ?? '') === '');
    if (texts.some((t) => SIGNATURE_WORDS.test(t)) && noKey) return false;
    if (this.gap && this.keyColumns.length > 0 && noKey) return false;
    this.count++;
    if (this.count <= MAX_LIST_ROWS) this.entries.push({ row, cells });
    return true;
  }
}

/** Reads a list file, finds its header and its entries. */
export async function readList(
  source: ByteSource,
  fileName: string,
  progress: (bytes: number, rows: number) => void,
): Promise<Result<ListReading>> {
  let collector: EntryCollector | null = null;
  const read = await readHeaderedRows(source, fileName, MAX_LIST_CELLS, (texts) => LIST_COLUMNS.detectHeader(texts), {
    onHeader: (found) => {
      collector = new EntryCollector(found.header.mapping);
    },
    onRow: (row) => (collector!.add(row.rowNumber, row.cells) ? 'more' : 'stop'),
    onProgress: (bytes) => progress(bytes, collector?.count ?? 0),
  });
  if (!read.ok) return read;
  const { found, sheets } = read.value;
  if (found !== null) {
    const entries = (collector as EntryCollector | null)!;
    if (entries.count === 0) return fail('error.noDataRows', { file: fileName, row: found.headerRow });
    if (entries.count > MAX_LIST_ROWS)
      return fail('list.tooManyRows', { file: fileName, rows: entries.count, max: MAX_LIST_ROWS });
    return ok({
      sha256: sourceSha256(source),
      sheetName: found.name,
      headerRow: found.headerRow,
      columnTitles: found.texts[found.header.index]!,
      mapping: found.header.mapping,
      drawnUpInSheet: drawnUpFromTitles(found.texts.slice(0, found.header.index).flat()),
      headingLines: found.texts
        .slice(0, found.header.index)
        .flat()
        .filter((line) => line.trim() !== ''),
      entries: entries.entries,
      date1904: found.date1904,
    });
  }
  // A header without a name column is a list nobody can be found in.
  const headerWithoutName = sheets.some((t) =>
    t.texts.some((cells) => cells.filter((c) => LIST_COLUMNS.fieldForHeader(c) !== null).length >= 2),
  );
  return fail(headerWithoutName ? 'list.noNameColumn' : 'list.noHeader', { file: fileName });
}
