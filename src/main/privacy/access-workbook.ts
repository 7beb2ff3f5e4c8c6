/**
 * The access log as an .xlsx for an inspection (issue 21): one row per look-up — time (a real date,
 * Vietnam's clock), user, what was done, the person's ID (text), the context in words and as
 * recorded — plain values only (no formulas, formula-like text neutralised), header frozen.
 */
import ExcelJS from 'exceljs';
import type { AccessEntry, ExportedFile } from '../../shared/api-contract';
import { vietnamToday } from '../../shared/dates';
import { translate, type Locale, type MessageKey, type MessageParams } from '../../shared/i18n';
import { accessContextText } from '../../shared/privacy/access-text';
import { fitColumns, freezeHeader, setText, styleHeaderCell } from '../spreadsheet/sheet-format';

/** The workbook of `entries`, named for the day it was made. */
export async function accessWorkbook(entries: readonly AccessEntry[], locale: Locale, now: Date): Promise<ExportedFile> {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  const sheet = workbook.addWorksheet(t('access.sheet'));
  const titles = [
    t('col.at'),
    t('privacy.col.user'),
    t('privacy.col.action'),
    t('col.personalId'),
    t('privacy.col.context'),
    t('privacy.col.recorded'),
  ];
  const header = sheet.getRow(1);
  titles.forEach((title, i) => {
    header.getCell(i + 1).value = title;
    styleHeaderCell(header.getCell(i + 1));
  });
  freezeHeader(sheet, 1);
  sheet.getColumn(1).numFmt = 'dd/mm/yyyy hh:mm:ss';
  entries.forEach((e, i) => {
    const row = sheet.getRow(i + 2);
    // Vietnam time (UTC+7), shown as the wall clock.
    row.getCell(1).value = new Date(new Date(e.at).getTime() + 7 * 3_600_000);
    setText(row.getCell(2), e.user);
    setText(row.getCell(3), t(`access.action.${e.action}`));
    setText(row.getCell(4), e.residentId);
    setText(row.getCell(5), accessContextText(e.context, t));
    setText(row.getCell(6), e.context);
  });
  sheet.getColumn(1).width = 20;
  fitColumns(sheet, [2, 3, 4, 5, 6]);
  return { fileName: `nhat-ky-truy-cap-${vietnamToday(now)}.xlsx`, data: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}
