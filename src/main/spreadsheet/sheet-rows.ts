/**
 * The rows of a spreadsheet as they are read, for either reader (CSV, .xlsx): what a reader hands
 * its visitor, and the checks every row passes before it does (columns, cell length).
 */
import { MAX_CELL_CHARS, MAX_COLUMNS } from '../../shared/limits';
import { fail, type Result } from '../../shared/result';
import type { CellValue } from '../../shared/types';

export interface SheetStart {
  readonly name: string;
  /** Whether the workbook counts serial dates from 1904 (old Mac Excel). */
  readonly date1904: boolean;
}

export interface SheetRow {
  /** The row number the spreadsheet shows (1-based, title rows counted). */
  readonly rowNumber: number;
  readonly cells: CellValue[];
}

/** What the visitor wants after a row: more, the next sheet, or nothing more at all. */
export type RowAnswer = 'more' | 'nextSheet' | 'stop';

export interface RowVisitor {
  /** A visible sheet begins; 'stop' ends reading before its rows. */
  sheet(start: SheetStart): 'more' | 'stop';
  /** One row: every non-empty row of a sheet, every line of a CSV (blank lines included). */
  row(row: SheetRow): RowAnswer;
  /** How far reading has come, in bytes of the file. */
  progress?(bytesRead: number): void;
}

/** What a reader gives back: nothing (the rows went to the visitor), or the problem that stopped it. */
export type ReadOutcome = Result<void>;

/** A row's problem with the limits (too many columns, a cell too long), or null. */
export function rowLimitProblem(cells: readonly CellValue[], fileName: string, rowNumber: number): ReadOutcome | null {
  if (cells.length > MAX_COLUMNS) {
    let last = cells.length - 1;
    while (last >= 0 && (cells[last] === null || cells[last] === '')) last--;
    if (last >= MAX_COLUMNS) return fail('input.tooManyColumns', { file: fileName, row: rowNumber, max: MAX_COLUMNS });
  }
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === 'string' && cell.length > MAX_CELL_CHARS) {
      return fail('input.cellTooLong', {
        file: fileName,
        row: rowNumber,
        column: i + 1,
        length: cell.length,
        max: MAX_CELL_CHARS,
      });
    }
  }
  return null;
}
