import ExcelJS from 'exceljs';
import type { CheckpointVisit, ExportedFile, LookupSource } from '../../shared/api-contract';
import { translate, type Locale, type MessageKey } from '../../shared/i18n';
import { fitColumns, neutralizeFormula, styleHeaderCell } from '../spreadsheet/sheet-format';

const SOURCE_KEYS: Record<LookupSource, MessageKey> = {
  qr: 'lookup.scanned',
  mrz: 'lookup.mrz',
  typed: 'lookup.typed',
  chip: 'chip.desk.source',
};

/** How the person was identified, with the chip's verdict when it was the chip. */
function identifiedBy(visit: CheckpointVisit, t: (key: MessageKey) => string): string {
  const how = t(SOURCE_KEYS[visit.source]);
  return visit.chipStatus ? `${how}: ${t(`chip.status.${visit.chipStatus}`)}` : how;
}

/** The checkpoint log as an .xlsx: time as a real date, IDs as text. */
export async function visitsWorkbook(visits: readonly CheckpointVisit[], locale: Locale): Promise<ExportedFile> {
  const t = (key: MessageKey) => translate(locale, key);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t('visits.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: t('col.at'), key: 'at', width: 20, style: { numFmt: 'dd/mm/yyyy hh:mm:ss' } },
    { header: t('col.place'), key: 'place', width: 28 },
    { header: t('col.direction'), key: 'direction', width: 12 },
    { header: t('col.personalId'), key: 'personalId', width: 16, style: { numFmt: '@' } },
    { header: t('col.fullName'), key: 'fullName', width: 28 },
    { header: t('chip.visits.identifiedBy'), key: 'identifiedBy', width: 24 },
  ];
  sheet.getRow(1).eachCell((cell) => styleHeaderCell(cell));
  for (const v of [...visits].reverse()) {
    sheet.addRow({
      // Vietnam time (UTC+7), shown as the wall clock at the checkpoint.
      at: new Date(new Date(v.at).getTime() + 7 * 3_600_000),
      place: neutralizeFormula(v.place),
      direction: t(`direction.${v.direction}`),
      personalId: v.personalId ?? '',
      fullName: neutralizeFormula(v.fullName ?? ''),
      identifiedBy: identifiedBy(v, t),
    });
  }
  fitColumns(sheet, [2, 3, 5, 6]);
  return { fileName: 'nhat-ky-chot-kiem-soat.xlsx', data: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}
