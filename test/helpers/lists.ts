import ExcelJS from 'exceljs';
import type { Db } from '../../src/main/db/open-database';
import { checkList, type ListCheckResult } from '../../src/main/lists/check-list';
import { importParsedList, type ListImportResult } from '../../src/main/lists/import-list';
import { prepareList } from '../../src/main/lists/prepare-list';
import { importExtractFile } from '../../src/main/registry/import-extract';
import type { ListKind } from '../../src/shared/lists/fields';
import { csvText, utf8Bom } from './extract-files';

export const NOW = new Date('2026-11-27T08:00:00Z');

/** Imports registry rows (extract-files HEADER layout) into the database. */
export async function seedRegistry(db: Db, rows: readonly (readonly string[])[]): Promise<void> {
  const outcome = await importExtractFile(db, utf8Bom(csvText(rows)), 'registry.csv', {
    skipInvalid: false,
    locale: 'vi',
    now: NOW,
  });
  if (!outcome.ok || outcome.value === 'cancelled' || !outcome.value.applied) throw new Error('registry seed failed');
}

export const LIST_HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CMND/CCCD', 'Quốc tịch', 'Địa chỉ'];

/** A list workbook as a health station makes it: title rows, header on row 4, a signature block. */
export async function listWorkbook(
  rows: readonly (readonly (string | number | Date | null)[])[],
  options: { header?: readonly string[]; font?: string; transform?: (text: string) => string } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Danh sách');
  const t = options.transform ?? ((s: string) => s);
  sheet.addRow([t('TRẠM Y TẾ XÃ TRUNG HÀ')]);
  sheet.addRow([t('DANH SÁCH ĐĂNG KÝ TIÊM VẮC XIN')]);
  sheet.mergeCells('A2:G2');
  sheet.addRow([t('(Ngày lập: 20/11/2021)')]);
  sheet.addRow((options.header ?? LIST_HEADER).map(t));
  rows.forEach((r, i) => sheet.addRow([i + 1, ...r.map((c) => (typeof c === 'string' ? t(c) : c))]));
  sheet.addRow([]);
  sheet.addRow([null, t('Người lập biểu'), null, null, null, t('TRƯỞNG TRẠM')]);
  sheet.addRow([null, t('Hoàng Thị Xuân'), null, null, null, t('Ma Văn Toản')]);
  if (options.font) sheet.eachRow((row) => row.eachCell((cell) => (cell.font = { name: options.font })));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Reads, stores and checks a list; returns both results. */
export async function importAndCheck(
  db: Db,
  data: Uint8Array,
  fileName = 'ds.xlsx',
  kind: ListKind = 'registration',
): Promise<{ imported: ListImportResult; checked: ListCheckResult }> {
  const parsed = await prepareList(data, fileName);
  if (!parsed.ok) throw new Error(`list refused: ${parsed.problem.key}`);
  const imported = importParsedList(db, parsed.value, { kind, source: 'Trạm Y tế xã Trung Hà', now: NOW, locale: 'vi' });
  if (!imported.ok) throw new Error(`list refused: ${imported.problem.key}`);
  const checked = checkList(db, imported.value.listId, NOW);
  if (checked === null) throw new Error('list vanished');
  return { imported: imported.value, checked };
}
