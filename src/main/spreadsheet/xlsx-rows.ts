/**
 * An .xlsx read as a stream: its zip checked from the directory and then inflated once, counting
 * (workbook-scan.ts), before exceljs's streaming WorkbookReader hands over the rows of each visible
 * sheet. Legacy TCVN3/VNI text is brought to Unicode by cell font, or by column, a batch of rows at
 * a time.
 */
import ExcelJS from 'exceljs';
import { MAX_CELL_CHARS, MAX_INFLATED_BYTES, MAX_SHEET_ROWS } from '../../shared/limits';
import { fail, ok } from '../../shared/result';
import { decodeAs, detectEncoding, encodingFromFont, syllableScore, type TextEncoding } from '../../shared/text/legacy-encodings';
import type { CellValue } from '../../shared/types';
import { rowLimitProblem, type ReadOutcome, type RowAnswer, type RowVisitor, type SheetRow } from './sheet-rows';
import type { ByteSource } from './source';
import { scanWorkbook, type SheetInfo, type WorkbookProblem } from './workbook-scan';
import { readZipDirectoryAt, zipProblem } from './zip-directory';

/** An exceljs cell value as a plain value: rich text joined, formulas replaced by their cached result. */
export function plainCellValue(value: ExcelJS.CellValue, fontName?: string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return fromLegacyFont(value, fontName);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    // Each run of rich text carries its own font, and so its own encoding.
    if ('richText' in value)
      return value.richText.map((part) => fromLegacyFont(part.text ?? '', part.font?.name ?? fontName)).join('');
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

export type ColumnEncoding = ReturnType<typeof detectEncoding>;

/**
 * Text cells without a legacy font whose bytes are TCVN3 or VNI all the same (a sheet retyped in
 * Arial from a .VnTime original keeps the old codes). A column's encoding is found from its text in
 * the first batch that has any (up to 500 cells), and kept for the sheet; each cell is then decoded
 * only where that makes more of its words Vietnamese syllables, so Unicode cells in the same column
 * (a retyped header) stay as they are.
 */
export function repairLegacyColumns(
  rows: CellValue[][],
  legacyFontCells: ReadonlySet<string>,
  decided: Map<number, ColumnEncoding>,
): void {
  const width = rows.reduce((max, r) => Math.max(max, r.length), 0);
  for (let column = 0; column < width; column++) {
    const texts: { row: number; text: string }[] = [];
    rows.forEach((cells, row) => {
      const cell = cells[column];
      if (typeof cell === 'string' && /[\u0080-\uffff]/.test(cell) && !legacyFontCells.has(`${row}:${column}`))
        texts.push({ row, text: cell });
    });
    if (texts.length === 0) continue;
    let columnEncoding = decided.get(column);
    if (columnEncoding === undefined) {
      columnEncoding = detectEncoding(texts.slice(0, 500).map((t) => t.text));
      decided.set(column, columnEncoding);
    }
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

function scanProblem(problem: WorkbookProblem, file: string): ReadOutcome {
  switch (problem.kind) {
    case 'zipBomb':
      return fail('error.zipBomb', { file });
    case 'unreadable':
      return fail('error.xlsxUnreadable', { file });
    case 'runTooLong':
      return fail('input.runTooLong', { file, part: problem.part, max: MAX_CELL_CHARS });
    case 'tooManyCells':
      return fail('input.tooManyCells', { file, max: problem.max });
    case 'tooManyRows':
      return fail('input.tooManyRows', { file, max: problem.max });
    case 'tooManySheets':
      return fail('input.tooManySheets', { file, max: problem.max });
  }
}

/** Rows decoded together (a column's legacy encoding is found from the first batch that has text). */
const BATCH_ROWS = 1000;

/** One sheet's rows in batches: legacy text repaired, limits checked, then handed to the visitor. */
class SheetBatcher {
  private rows: CellValue[][] = [];
  private numbers: number[] = [];
  private fontCells = new Set<string>();
  private readonly decided = new Map<number, ColumnEncoding>();
  answer: RowAnswer = 'more';
  problem: ReadOutcome | null = null;

  constructor(
    private readonly fileName: string,
    private readonly visitor: RowVisitor,
  ) {}

  add(row: ExcelJS.Row): void {
    const cells: CellValue[] = [];
    const index = this.rows.length;
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const fontName = cell.font?.name;
      if (encodingFromFont(fontName)) this.fontCells.add(`${index}:${column - 1}`);
      cells[column - 1] = plainCellValue(cell.value, fontName);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    this.rows.push(cells);
    this.numbers.push(row.number);
    if (this.rows.length >= BATCH_ROWS) this.flush();
  }

  /** Hands the batch on; false once reading of this sheet should end. */
  flush(): boolean {
    repairLegacyColumns(this.rows, this.fontCells, this.decided);
    const rows = this.rows;
    const numbers = this.numbers;
    this.rows = [];
    this.numbers = [];
    this.fontCells = new Set();
    for (let i = 0; i < rows.length && this.answer === 'more' && this.problem === null; i++) {
      const row: SheetRow = { rowNumber: numbers[i]!, cells: rows[i]! };
      this.problem = rowLimitProblem(row.cells, this.fileName, row.rowNumber);
      if (this.problem === null) this.answer = this.visitor.row(row);
    }
    return this.answer === 'more' && this.problem === null;
  }
}

interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  readonly id: number | string;
  readonly name: string;
}

/** Which sheet of the workbook's list exceljs is reading (it names only those it could match). */
function sheetInfo(sheet: StreamedSheet, sheets: readonly SheetInfo[]): SheetInfo | undefined {
  // exceljs keeps the file's number (a string) when it could not match the sheet to the workbook.
  if (typeof sheet.id === 'string') return sheets.find((s) => s.part === `xl/worksheets/sheet${sheet.id}.xml`);
  return sheets.find((s) => s.name === sheet.name);
}

/** Reads the visible sheets of an .xlsx into `visitor`, checking the limits first and as it goes. */
export async function readXlsxRows(
  source: ByteSource,
  fileName: string,
  maxCells: number,
  visitor: RowVisitor,
): Promise<ReadOutcome> {
  const directory = readZipDirectoryAt(source.size, source.readAt);
  if (directory === null) return fail('error.xlsxUnreadable', { file: fileName });
  const problem = zipProblem(directory, MAX_INFLATED_BYTES);
  if (problem === 'zipBomb') return fail('error.zipBomb', { file: fileName });
  if (problem === 'macros') return fail('error.macros', { file: fileName });
  const scan = await scanWorkbook(source, directory, maxCells);
  if (!scan.ok) return scanProblem(scan.problem, fileName);
  const input = source.stream();
  let bytesRead = 0;
  input.on('data', (chunk: Buffer) => (bytesRead += chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const streamed of reader as unknown as AsyncIterable<StreamedSheet>) {
      const info = sheetInfo(streamed, scan.value.sheets);
      if (!info?.visible) continue;
      const properties = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties;
      if (visitor.sheet({ name: info.name, date1904: Boolean(properties?.model?.date1904) }) === 'stop') break;
      const batcher = new SheetBatcher(fileName, visitor);
      let rows = 0;
      for await (const row of streamed) {
        if (++rows > MAX_SHEET_ROWS) return fail('input.tooManyRows', { file: fileName, max: MAX_SHEET_ROWS });
        if (!row.hasValues) continue;
        batcher.add(row);
        visitor.progress?.(bytesRead);
        if (batcher.answer !== 'more' || batcher.problem !== null) break;
      }
      if (batcher.answer === 'more' && batcher.problem === null) batcher.flush();
      if (batcher.problem) return batcher.problem;
      if (batcher.answer === 'stop') break;
    }
  } catch {
    return fail('error.xlsxUnreadable', { file: fileName });
  } finally {
    input.destroy();
  }
  return ok(undefined);
}
