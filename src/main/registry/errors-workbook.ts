import ExcelJS from 'exceljs';
import { translate, type Locale } from '../../shared/i18n';
import type { RowError } from '../../shared/types';
import { neutralizeFormula, styleHeaderCell } from '../spreadsheet/sheet-format';

/** An .xlsx listing import problems by row, so a clerk can fix the source file. */
export async function buildErrorsWorkbook(fileName: string, errors: readonly RowError[], locale: Locale): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(translate(locale, 'import.errorsSheet'), { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.getCell('A1').value = fileName;
  sheet.getCell('A1').font = { bold: true };
  sheet.getRow(2).values = [translate(locale, 'col.row'), translate(locale, 'col.message')];
  sheet.getRow(2).eachCell((cell) => styleHeaderCell(cell));
  sheet.getColumn(1).width = 8;
  sheet.getColumn(2).width = 100;
  for (const error of errors) {
    sheet.addRow([error.row, neutralizeFormula(error.message)]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The errors workbook's file name: the extract's own name with "-loi". */
export function errorsWorkbookName(fileName: string): string {
  return `${fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')}-loi.xlsx`;
}
