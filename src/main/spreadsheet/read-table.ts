/**
 * Reading a spreadsheet (CSV or .xlsx) as a stream of rows, within the limits of `shared/limits.ts`,
 * and finding the sheet whose first rows hold a header. Nothing here keeps more than the first rows
 * of a sheet: what to do with the rest is the caller's.
 */
import { HEADER_SEARCH_ROWS } from '../../shared/columns';
import { MAX_EXTRACT_CELLS, MAX_FILE_BYTES } from '../../shared/limits';
import { fail, ok, type Result } from '../../shared/result';
import { cellText } from '../../shared/text/cell-text';
import type { CellValue } from '../../shared/types';
import { readCsvRows } from './csv-rows';
import type { ReadOutcome, RowAnswer, RowVisitor, SheetRow, SheetStart } from './sheet-rows';
import { openSource, sourceRef, type ByteSource } from './source';
import { isOds, readLegacyRows } from './legacy-rows';
import { readXlsxRows } from './xlsx-rows';

export { guessDelimiter } from './csv-rows';
export { plainCellValue } from './xlsx-rows';
export { MAX_INFLATED_BYTES } from '../../shared/limits';

export interface SheetTable {
  readonly name: string;
  /** Every non-empty row's cells, top to bottom (a CSV keeps its blank lines). */
  readonly rows: readonly (readonly CellValue[])[];
  /** The row number the spreadsheet shows for each entry of `rows`. */
  readonly rowNumbers?: readonly number[];
  /** Whether the workbook counts serial dates from 1904 (old Mac Excel). */
  readonly date1904: boolean;
}

type FileKind = 'xlsx' | 'ole' | 'text';

function sniff(head: Uint8Array): FileKind {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'ole';
  return 'text';
}

/** Reads every visible sheet of an .xlsx, or the single table of a CSV, into `visitor`. */
export async function readSheets(
  source: ByteSource,
  fileName: string,
  maxCells: number,
  visitor: RowVisitor,
): Promise<ReadOutcome> {
  if (source.size === 0) return fail('error.fileEmpty', { file: fileName });
  if (source.size > MAX_FILE_BYTES) {
    return fail('error.fileTooLarge', {
      file: fileName,
      size: Math.ceil(source.size / 1048576),
      max: MAX_FILE_BYTES / 1048576,
    });
  }
  switch (sniff(source.readAt(0, 4))) {
    case 'xlsx':
      // An .ods is a zip too: its first entry names its type.
      return isOds(source)
        ? readLegacyRows(source, fileName, maxCells, visitor)
        : readXlsxRows(source, fileName, maxCells, visitor);
    case 'ole':
      // An encrypted .xlsx is an OLE container too; the name tells which the user meant. Else an Excel 97–2003 .xls.
      return /\.xlsx$/i.test(fileName)
        ? fail('error.xlsxUnreadable', { file: fileName })
        : readLegacyRows(source, fileName, maxCells, visitor);
    case 'text':
      return readCsvRows(source, fileName, maxCells, visitor);
  }
}

/** Reads every sheet into memory: for small files and tests (the app's imports stream). */
export async function readTable(data: Uint8Array, fileName: string): Promise<Result<readonly SheetTable[]>> {
  const source = openSource(sourceRef(data));
  const sheets: { name: string; date1904: boolean; rows: CellValue[][]; rowNumbers: number[] }[] = [];
  const read = await readSheets(source, fileName, MAX_EXTRACT_CELLS, {
    sheet: (start) => {
      sheets.push({ ...start, rows: [], rowNumbers: [] });
      return 'more';
    },
    row: (row) => {
      sheets.at(-1)!.rows.push(row.cells);
      sheets.at(-1)!.rowNumbers.push(row.rowNumber);
      return 'more';
    },
  });
  return read.ok ? ok(sheets) : read;
}

/** The first rows of a sheet, as read and as text: where its header is looked for. */
export interface SheetHead {
  readonly name: string;
  readonly date1904: boolean;
  readonly rows: readonly SheetRow[];
  /** The same rows as text. */
  readonly texts: readonly (readonly string[])[];
}

/** The sheet that has a header: its first rows and the header found among them. */
export interface HeaderedSheet<H> extends SheetHead {
  readonly header: H & { readonly index: number };
  /** The row number the sheet shows for the header row. */
  readonly headerRow: number;
}

/** What reading with a header found: the sheet (or null) and the first rows of every non-empty sheet. */
export interface HeaderedRead<H> {
  readonly found: HeaderedSheet<H> | null;
  readonly sheets: readonly SheetHead[];
}

/**
 * Reads a file and finds its header the way extracts and lists both need: on the first non-empty
 * visible sheet where `detect` recognises one among the first rows. `onHeader` hears of it, then
 * `onRow` gets every row under the header (and may stop reading); the other sheets are not read on.
 */
export async function readHeaderedRows<H extends { readonly index: number }>(
  source: ByteSource,
  fileName: string,
  maxCells: number,
  detect: (texts: string[][]) => H | null,
  consumer: {
    readonly onHeader: (found: HeaderedSheet<H>) => void;
    readonly onRow: (row: SheetRow) => RowAnswer;
    readonly onProgress?: (bytes: number) => void;
  },
): Promise<Result<HeaderedRead<H>>> {
  const heads: SheetHead[] = [];
  let start: SheetStart | null = null;
  let head: SheetRow[] = [];
  let found: HeaderedSheet<H> | null = null;

  /** Looks for the header in the rows held; then hands the data rows among them on. */
  function decide(): RowAnswer {
    const sheet = start!;
    start = null;
    if (head.length === 0) return 'nextSheet';
    const texts = head.map((r) => r.cells.map((c) => cellText(c)));
    const current: SheetHead = { ...sheet, rows: head, texts };
    heads.push(current);
    const header = detect(texts);
    if (header === null) return 'nextSheet';
    found = { ...current, header, headerRow: head[header.index]!.rowNumber };
    consumer.onHeader(found);
    for (const row of head.slice(header.index + 1)) if (consumer.onRow(row) !== 'more') return 'stop';
    return 'more';
  }

  const read = await readSheets(source, fileName, maxCells, {
    sheet: (next) => {
      if (start !== null && decide() !== 'nextSheet') return 'stop';
      if (found) return 'stop';
      start = next;
      head = [];
      return 'more';
    },
    row: (row) => {
      if (found) return consumer.onRow(row) === 'more' ? 'more' : 'stop';
      head.push(row);
      if (head.length < HEADER_SEARCH_ROWS) return 'more';
      const answer = decide();
      return answer === 'nextSheet' ? 'nextSheet' : answer;
    },
    progress: consumer.onProgress,
  });
  if (!read.ok) return read;
  if (start !== null && !found) decide();
  if (heads.length === 0) return fail('error.sheetEmpty', { file: fileName });
  return ok({ found, sheets: heads });
}
