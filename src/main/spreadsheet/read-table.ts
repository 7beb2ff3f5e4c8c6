import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { MAX_FILE_BYTES } from '../../shared/limits';
import { HEADER_SEARCH_ROWS } from '../../shared/columns';
import { mergeSplitHeader } from '../../shared/header-repair';
import { inflatedProblem, readZipDirectory, zipProblem } from './zip-directory';
import { fail, ok, type Result } from '../../shared/result';
import {
  decodeAs,
  decodeTcvn3,
  decodeVni,
  detectEncoding,
  encodingFromFont,
  syllableScore,
  type TextEncoding,
} from '../../shared/text/legacy-encodings';
import type { CellValue } from '../../shared/types';
import { cellText } from '../../shared/text/cell-text';

export interface SheetTable {
  readonly name: string;
  /** Every non-empty row's cells, top to bottom (a CSV keeps its blank lines). */
  readonly rows: readonly (readonly CellValue[])[];
  /** The row number the spreadsheet shows for each entry of `rows`; absent when it is index + 1 (CSV). */
  readonly rowNumbers?: readonly number[];
  /** Whether the workbook counts serial dates from 1904 (old Mac Excel). */
  readonly date1904: boolean;
}

/** The row number the spreadsheet shows (1-based, title rows counted) for `rows[index]`. */
/** A sheet whose first rows hold a header, with those rows as text and the header found. */
export interface HeaderedSheet<H> {
  readonly table: SheetTable;
  /** The first HEADER_SEARCH_ROWS rows as text. */
  readonly texts: readonly (readonly string[])[];
  readonly header: H;
}

/**
 * Reads a file and finds its header the way extracts and lists both need: on the first non-empty
 * (visible) sheet where `detect` recognises one among the first rows. `sheets` are the non-empty
 * sheets, for a caller that explains why none had a header.
 */
export async function readHeaderedSheet<H>(
  data: Uint8Array,
  fileName: string,
  detect: (texts: string[][]) => H | null,
): Promise<Result<{ readonly found: HeaderedSheet<H> | null; readonly sheets: readonly SheetTable[] }>> {
  const tables = await readTable(data, fileName);
  if (!tables.ok) return tables;
  const sheets = tables.value.filter((t) => t.rows.length > 0);
  if (sheets.length === 0) return fail('error.sheetEmpty', { file: fileName });
  for (const table of sheets) {
    const texts = table.rows.slice(0, HEADER_SEARCH_ROWS).map((cells) => cells.map((c) => cellText(c)));
    const header = detect(texts);
    if (header !== null) return ok({ found: { table, texts, header }, sheets });
  }
  return ok({ found: null, sheets });
}

export function rowNumberOf(table: SheetTable, index: number): number {
  return table.rowNumbers?.[index] ?? index + 1;
}

type FileKind = 'xlsx' | 'ole' | 'text';

function sniff(data: Uint8Array): FileKind {
  if (data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) return 'xlsx';
  if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) return 'ole';
  return 'text';
}

/** Reads every sheet of an .xlsx or the single table of a CSV file, as cell values. */
export async function readTable(data: Uint8Array, fileName: string): Promise<Result<readonly SheetTable[]>> {
  if (data.byteLength === 0) return fail('error.fileEmpty', { file: fileName });
  if (data.byteLength > MAX_FILE_BYTES) {
    return fail('error.fileTooLarge', {
      file: fileName,
      size: Math.ceil(data.byteLength / 1048576),
      max: MAX_FILE_BYTES / 1048576,
    });
  }
  const kind = sniff(data);
  switch (kind) {
    case 'xlsx':
      return readXlsx(data, fileName);
    case 'ole':
      // An encrypted .xlsx is an OLE container too; the name tells which the user meant.
      return /\.xlsx$/i.test(fileName)
        ? fail('error.xlsxUnreadable', { file: fileName })
        : fail('error.xlsLegacy', { file: fileName });
    case 'text':
      return readCsv(data, fileName);
  }
}

/** Decodes CSV bytes: BOMs for UTF-8/UTF-16, UTF-16 without BOM by its zero bytes, else UTF-8, else Windows-1258. */
export function decodeText(data: Uint8Array): string | null {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return utf8(data.subarray(3));
  if (data[0] === 0xff && data[1] === 0xfe) return iconv.decode(Buffer.from(data.subarray(2)), 'utf16le');
  if (data[0] === 0xfe && data[1] === 0xff) return iconv.decode(Buffer.from(data.subarray(2)), 'utf16be');
  const probe = data.subarray(0, 4096);
  let zeroEven = 0;
  let zeroOdd = 0;
  probe.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
  });
  if (zeroOdd > probe.length / 4 && zeroEven === 0) return iconv.decode(Buffer.from(data), 'utf16le');
  if (zeroEven > probe.length / 4 && zeroOdd === 0) return iconv.decode(Buffer.from(data), 'utf16be');
  if (zeroEven + zeroOdd > 0) return null;
  return utf8(data) ?? decodeSingleByte(Buffer.from(data));
}

/**
 * A CSV that is not UTF-8 was written by Vietnamese Windows (Windows-1258, whose combining tone
 * marks are brought to NFC as cells are read) or from a sheet in a TCVN3 or VNI font (its bytes
 * are those fonts' codes). The reading that makes the most Vietnamese syllables wins.
 */
function decodeSingleByte(bytes: Buffer): string {
  const cp1258 = iconv.decode(bytes, 'windows1258');
  const cp1252 = iconv.decode(bytes, 'windows1252');
  const sample = (text: string) => text.slice(0, 65536);
  const candidates = [
    { text: cp1258, score: syllableScore(sample(cp1258).normalize('NFC')) },
    { text: decodeTcvn3(cp1252), score: syllableScore(decodeTcvn3(sample(cp1252))) },
    { text: decodeVni(cp1252), score: syllableScore(decodeVni(sample(cp1252))) },
  ];
  return candidates.reduce((best, c) => (c.score > best.score ? c : best)).text;
}

function utf8(data: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
}

function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 8192);
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls <= sample.length / 100;
}

function readCsv(data: Uint8Array, fileName: string): Result<readonly SheetTable[]> {
  const text = decodeText(data);
  if (text === null || !looksLikeText(text)) return fail('error.notSpreadsheet', { file: fileName });
  const parsed = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: false });
  const rows = parsed.data;
  // Papa returns one empty row for the file's final newline.
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === '')) rows.pop();
  repairSplitHeaders(rows);
  const widest = rows.reduce((max, r) => Math.max(max, r.length), 0);
  if (rows.length > 1 && widest < 2) return fail('error.notSpreadsheet', { file: fileName });
  return ok([{ name: fileName.replace(/^.*[\\/]/, ''), rows, date1904: false }]);
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The separator of a CSV: the candidate found outside quotes on the most of its first lines, in the
 * same number on each (Vietnamese Excel writes ';' and addresses are full of quoted commas).
 */
export function guessDelimiter(text: string): string {
  const lines = text
    .slice(0, 65536)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 50);
  let best: string = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => {
      let inQuotes = false;
      let n = 0;
      for (const ch of line) {
        if (ch === '"') inQuotes = !inQuotes;
        else if (ch === delimiter && !inQuotes) n++;
      }
      return n;
    });
    const frequency = new Map<number, number>();
    for (const n of counts) if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    let modal = 0;
    let modalLines = 0;
    for (const [n, lineCount] of frequency) if (lineCount > modalLines) [modal, modalLines] = [n, lineCount];
    if (modalLines === 0) continue;
    const score = modalLines * 1000 + modal;
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

/** The most common row width, among rows with more than one cell. */
function modalWidth(rows: readonly (readonly string[])[]): number {
  const counts = new Map<number, number>();
  for (const row of rows.slice(0, 2000)) {
    if (row.length > 1) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [width, count] of counts) if (count > bestCount) [best, bestCount] = [width, count];
  return best;
}

/** Rejoins unquoted header titles that contain commas, when that gives the header the data's width. */
function repairSplitHeaders(rows: string[][]): void {
  const width = modalWidth(rows);
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const row = rows[i]!;
    if (row.length <= width) continue;
    const merged = mergeSplitHeader(row);
    if (merged.length === width) rows[i] = merged;
  }
}

/** An exceljs cell value as a plain value: rich text joined, formulas replaced by their cached result. */
export function plainCellValue(value: ExcelJS.CellValue, fontName?: string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return fromLegacyFont(value, fontName);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    // Each run of rich text carries its own font, and so its own encoding.
    if ('richText' in value) return value.richText.map((part) => fromLegacyFont(part.text, part.font?.name ?? fontName)).join('');
    if ('result' in value) return plainCellValue((value.result ?? null) as ExcelJS.CellValue, fontName);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

/** Text in a TCVN3 or VNI font, brought to Unicode; other text unchanged. */
function fromLegacyFont(text: string, fontName: string | undefined): string {
  const legacy = encodingFromFont(fontName);
  return legacy ? decodeAs(text, legacy.encoding, legacy.upperCase).normalize('NFC') : text;
}

/**
 * Characters of TCVN3 and VNI text that no Unicode Vietnamese word contains: a cell holding one is
 * worth trying to decode on its own.
 */
const LEGACY_MARKERS = /[¡-¦§¨©ª«®µ-¾ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþ\u00ad]/;

/**
 * Text cells without a legacy font whose bytes are TCVN3 or VNI all the same (a sheet retyped in
 * Arial from a .VnTime original keeps the old codes). The column's encoding is found from all its
 * text; each cell is then decoded only where that makes more of its words Vietnamese syllables, so
 * Unicode cells in the same column (a retyped header) stay as they are.
 */
function repairLegacyColumns(rows: CellValue[][], legacyFontCells: ReadonlySet<string>): void {
  const width = rows.reduce((max, r) => Math.max(max, r.length), 0);
  for (let column = 0; column < width; column++) {
    const texts: { row: number; text: string }[] = [];
    rows.forEach((cells, row) => {
      const cell = cells[column];
      if (typeof cell === 'string' && /[\u0080-\uffff]/.test(cell) && !legacyFontCells.has(`${row}:${column}`))
        texts.push({ row, text: cell });
    });
    if (texts.length === 0) continue;
    const columnEncoding = detectEncoding(texts.slice(0, 500).map((t) => t.text));
    for (const { row, text } of texts) {
      const candidates: TextEncoding[] =
        columnEncoding.encoding !== 'unicode' ? [columnEncoding.encoding] : LEGACY_MARKERS.test(text) ? ['tcvn3', 'vni'] : [];
      if (candidates.length === 0) continue;
      let best = { text, score: syllableScore(text) };
      for (const encoding of candidates) {
        const decoded = decodeAs(text, encoding, columnEncoding.upperCase).normalize('NFC');
        const score = syllableScore(decoded);
        if (score > best.score) best = { text: decoded, score };
      }
      rows[row]![column] = best.text;
    }
  }
}

/** The most a workbook may inflate to (a 1,000,000-row sheet is well under this). */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

async function readXlsx(data: Uint8Array, fileName: string): Promise<Result<readonly SheetTable[]>> {
  const directory = readZipDirectory(data);
  if (directory === null) return fail('error.xlsxUnreadable', { file: fileName });
  const problem = zipProblem(directory, MAX_INFLATED_BYTES);
  if (problem === 'zipBomb') return fail('error.zipBomb', { file: fileName });
  if (problem === 'macros') return fail('error.macros', { file: fileName });
  // The directory may lie: inflate once, keeping nothing, and stop at the first byte too many.
  const inflated = inflatedProblem(data, directory, MAX_INFLATED_BYTES);
  if (inflated === 'zipBomb') return fail('error.zipBomb', { file: fileName });
  if (inflated === 'unreadable') return fail('error.xlsxUnreadable', { file: fileName });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  } catch {
    return fail('error.xlsxUnreadable', { file: fileName });
  }
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  const sheets: SheetTable[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.state !== 'visible') return;
    const rows: CellValue[][] = [];
    const rowNumbers: number[] = [];
    const legacyFontCells = new Set<string>();
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        const fontName = cell.font?.name;
        if (encodingFromFont(fontName)) legacyFontCells.add(`${rows.length}:${column - 1}`);
        cells[column - 1] = plainCellValue(cell.value, fontName);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows.push(cells);
      rowNumbers.push(rowNumber);
    });
    repairLegacyColumns(rows, legacyFontCells);
    sheets.push({ name: sheet.name, rows, rowNumbers, date1904 });
  });
  return ok(sheets);
}
