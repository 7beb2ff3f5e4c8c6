/**
 * Excel 97–2003 `.xls` and OpenDocument `.ods` (issue 16: many health-station templates are still
 * .xls, state bodies use LibreOffice), read with SheetJS CE (`@e965/xlsx`) into the same rows, the
 * same limits and the same legacy-encoding repair as an .xlsx. These files are small by nature, so
 * they are read whole, after their size (and an .ods's real inflated size) is checked.
 */
import { Unzip, UnzipInflate } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { MAX_SHEET_ROWS, MAX_SHEETS } from '../../shared/limits';
import { fail, ok } from '../../shared/result';
import type { CellValue } from '../../shared/types';
import { rowLimitProblem, type ReadOutcome, type RowVisitor } from './sheet-rows';
import type { ByteSource } from './source';
import { repairLegacyColumns, type ColumnEncoding } from './xlsx-rows';

/** The largest .xls or .ods read (a list typed by hand is far smaller; SheetJS holds it whole). */
export const MAX_LEGACY_FILE_BYTES = 64 * 1024 * 1024;
/** What an .ods may inflate to, counted while inflating (its directory may lie). */
const MAX_ODS_INFLATED_BYTES = 256 * 1024 * 1024;

/** Whether a zip is an OpenDocument spreadsheet (its first entry, `mimetype`, says so). */
export function isOds(source: ByteSource): boolean {
  const head = new TextDecoder('latin1').decode(source.readAt(30, 80));
  return head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet');
}

/** The bytes every entry of a zip inflates to, counted while inflating; stops past `cap`. */
function inflatedSize(data: Uint8Array, cap: number): number | 'over' | 'broken' {
  let total = 0;
  let over = false;
  try {
    const unzip = new Unzip();
    unzip.register(UnzipInflate);
    unzip.onfile = (file) => {
      file.ondata = (error, chunk) => {
        if (error) throw error;
        total += chunk.length;
        if (total > cap && !over) {
          over = true;
          file.terminate();
        }
      };
      if (!over) file.start();
    };
    unzip.push(data, true);
  } catch {
    return over ? 'over' : 'broken';
  }
  return over ? 'over' : total;
}

function plain(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 'b':
      return cell.v === true;
    case 'd':
      return cell.v instanceof Date ? new Date(Date.UTC(cell.v.getFullYear(), cell.v.getMonth(), cell.v.getDate())) : null;
    case 's':
      return typeof cell.v === 'string' ? cell.v.normalize('NFC') : null;
    default:
      return null;
  }
}

/** Reads every visible sheet of an .xls (`kind: 'xls'`) or .ods into `visitor`. */
export function readLegacyRows(source: ByteSource, fileName: string, maxCells: number, visitor: RowVisitor): ReadOutcome {
  if (source.size > MAX_LEGACY_FILE_BYTES)
    return fail('error.fileTooLarge', {
      file: fileName,
      size: Math.ceil(source.size / 1048576),
      max: MAX_LEGACY_FILE_BYTES / 1048576,
    });
  const data = source.readAt(0, source.size);
  if (isOds(source)) {
    const inflated = inflatedSize(data, MAX_ODS_INFLATED_BYTES);
    if (inflated === 'over') return fail('error.zipBomb', { file: fileName });
    if (inflated === 'broken') return fail('error.legacyUnreadable', { file: fileName });
  }
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(data, { type: 'array', cellDates: true, dense: true, sheetRows: MAX_SHEET_ROWS, cellFormula: false });
  } catch {
    return fail('error.legacyUnreadable', { file: fileName });
  }
  if (workbook.SheetNames.length > MAX_SHEETS) return fail('input.tooManySheets', { file: fileName, max: MAX_SHEETS });
  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  let cells = 0;
  for (const [index, name] of workbook.SheetNames.entries()) {
    // Hidden sheets stay unread, as in an .xlsx.
    if (workbook.Workbook?.Sheets?.[index]?.Hidden) continue;
    if (visitor.sheet({ name, date1904 }) === 'stop') return ok(undefined);
    const dense = (workbook.Sheets[name] as { '!data'?: (XLSX.CellObject | undefined)[][] } | undefined)?.['!data'] ?? [];
    const rows: CellValue[][] = [];
    const numbers: number[] = [];
    dense.forEach((row, r) => {
      if (!row) return;
      const values = Array.from(row, plain);
      if (values.every((v) => v === null || v === '')) return;
      rows.push(values);
      numbers.push(r + 1);
    });
    // Legacy TCVN3/VNI text found column by column (SheetJS gives no fonts for these formats).
    repairLegacyColumns(rows, new Set(), new Map<number, ColumnEncoding>());
    for (let i = 0; i < rows.length; i++) {
      cells += rows[i]!.length;
      if (cells > maxCells) return fail('input.tooManyCells', { file: fileName, max: maxCells });
      const problem = rowLimitProblem(rows[i]!, fileName, numbers[i]!);
      if (problem) return problem;
      const answer = visitor.row({ rowNumber: numbers[i]!, cells: rows[i]! });
      if (answer === 'stop') return ok(undefined);
      if (answer === 'nextSheet') break;
    }
    visitor.progress?.(source.size);
  }
  return ok(undefined);
}
