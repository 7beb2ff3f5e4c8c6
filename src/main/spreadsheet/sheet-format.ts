/**
 * How every .xlsx the app writes looks and behaves (issue 6): a formatted header, frozen, columns
 * fitted to their content, dates as real dates, IDs as text (no lost leading zeros), and text that a
 * spreadsheet would run as a formula kept as plain text.
 */
import type ExcelJS from 'exceljs';
import { isFullDate, type IsoDate } from '../../shared/dates';

/** Text that a spreadsheet would run as a formula is stored as plain text. */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF999999' } };

/** A header cell: bold, shaded, boxed, wrapped. */
export function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  cell.alignment = { vertical: 'middle', wrapText: true };
}

/** Freezes the rows down to and including the header row. */
export function freezeHeader(sheet: ExcelJS.Worksheet, headerRow: number): void {
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
}

/** Text kept as text: IDs keep their leading zeros, formula-like text does not run. */
export function setText(cell: ExcelJS.Cell, text: string | null | undefined): void {
  cell.value = neutralizeFormula(text ?? '');
  cell.numFmt = '@';
}

/** A full date as a real date shown day first; a year or year-month alone stays text. */
export function setDate(cell: ExcelJS.Cell, date: IsoDate | null | undefined): void {
  if (!date) {
    cell.value = '';
    return;
  }
  if (!isFullDate(date)) {
    setText(cell, date.split('-').reverse().join('/'));
    return;
  }
  cell.value = new Date(`${date}T00:00:00Z`);
  cell.numFmt = 'dd/mm/yyyy';
}

function displayLength(value: ExcelJS.CellValue): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return 10;
  const text = typeof value === 'object' && 'richText' in value ? value.richText.map((r) => r.text).join('') : String(value);
  return Math.max(...text.split('\n').map((l) => l.length));
}

/** Widths fitted to each column's longest cell (between `min` and `max` characters). */
export function fitColumns(sheet: ExcelJS.Worksheet, columns: readonly number[], fromRow = 1, min = 8, max = 60): void {
  for (const index of columns) {
    let longest = 0;
    sheet.getColumn(index).eachCell({ includeEmpty: false }, (cell, row) => {
      if (row >= fromRow) longest = Math.max(longest, displayLength(cell.value));
    });
    sheet.getColumn(index).width = Math.min(max, Math.max(min, longest + 2));
  }
}
