/**
 * A received workbook made safe to return (issue 19): values only, never formulas (a formula cell
 * becomes its cached value, or its text), no hidden sheets, no defined names, hyperlinks as their
 * text. What exceljs does not model (external links, data connections, macros) it never writes back.
 * The registry columns the app adds are personal data: nothing left in the workbook can read them.
 */
import ExcelJS from 'exceljs';
import { MAX_CELL_CHARS, MAX_INFLATED_BYTES, MAX_LIST_CELLS } from '../../shared/limits';
import { neutralizeFormula } from './sheet-format';
import { memorySource } from './source';
import { scanWorkbook } from './workbook-scan';
import { readZipDirectory, zipProblem } from './zip-directory';

/**
 * Whether a stored workbook is within the reading limits (a list taken in before they existed may
 * hold a 100 MB cell): only then is it loaded whole to be returned in its own layout.
 */
export async function storedWorkbookLoadable(data: Uint8Array): Promise<boolean> {
  const directory = readZipDirectory(data);
  if (directory === null || zipProblem(directory, MAX_INFLATED_BYTES) !== null) return false;
  return (await scanWorkbook(memorySource(data), directory, MAX_LIST_CELLS)).ok;
}

/** Text cut to the length a cell may have. */
export function boundCell(text: string): string {
  return text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text;
}

/** A formula cell's cached result as a plain value, or the formula itself as inert text. */
function passiveValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const value = cell.value as ExcelJS.CellFormulaValue;
  const result = value.result;
  if (result === undefined || result === null) return neutralizeFormula(`=${value.formula ?? ''}`);
  if (typeof result === 'object' && !(result instanceof Date)) return 'error' in result ? String(result.error) : '';
  return result;
}

function makePassive(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) cell.value = passiveValue(cell);
      else if (cell.type === ExcelJS.ValueType.Hyperlink) cell.value = (cell.value as ExcelJS.CellHyperlinkValue).text ?? '';
      else if (typeof cell.value === 'string') cell.value = boundCell(cell.value);
    });
  });
}

/** Removes everything active from a loaded workbook; `keep` is the sheet the result goes into. */
export function removeActiveContent(workbook: ExcelJS.Workbook, keep: ExcelJS.Worksheet): void {
  for (const sheet of [...workbook.worksheets]) {
    if (sheet !== keep && sheet.state !== 'visible') workbook.removeWorksheet(sheet.id);
  }
  keep.state = 'visible';
  for (const sheet of workbook.worksheets) makePassive(sheet);
  // Defined names may point anywhere (another workbook, a hidden range): none are kept.
  (workbook.definedNames as unknown as { model: unknown[] }).model = [];
  // The active tab may have been a removed sheet.
  workbook.views = [];
}
