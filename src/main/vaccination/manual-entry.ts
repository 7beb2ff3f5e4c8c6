/**
 * Results typed in by hand (the Tiêm chủng page's form): written as a results sheet in the layout
 * stations use, then received and checked like any list, so the same rules and the same confirmation
 * apply. Each batch is one list, "Nhập tay <date>".
 */
import ExcelJS from 'exceljs';
import type { RequestOf } from '../../shared/api-contract';
import { fail, ok, type Result } from '../../shared/result';
import type { Db } from '../db/open-database';
import { checkList } from '../lists/check-list';
import { importParsedList } from '../lists/import-list';
import { vietnamToday } from '../../shared/dates';
import { prepareList } from '../lists/prepare-list';

const HEADER = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Số CMND/CCCD',
  'Địa chỉ',
  'Ngày tiêm',
  'Loại vắc xin',
  'Số lô',
  'Mũi tiêm',
  'Cơ sở tiêm chủng',
];

export async function enterResults(
  db: Db,
  rows: RequestOf<'vaccination-manual'>['rows'],
  now: Date,
): Promise<Result<{ listId: number }>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Nhập tay');
  sheet.addRow(HEADER);
  rows.forEach((r, i) => {
    const row = sheet.addRow([
      i + 1,
      r.fullName,
      r.birthDate,
      r.idNumber,
      r.address,
      r.vaccinationDate.split('-').reverse().join('/'),
      r.vaccine,
      r.lot,
      String(r.dose),
      r.facility,
    ]);
    row.eachCell((cell) => (cell.numFmt = '@'));
  });
  const today = vietnamToday(now);
  const fileName = `nhap-tay-${today}.xlsx`;
  const parsed = await prepareList(new Uint8Array(await workbook.xlsx.writeBuffer()), fileName);
  if (!parsed.ok) return parsed;
  const imported = importParsedList(db, parsed.value, { kind: 'results', source: 'Nhập tay', drawnUp: today, now, locale: 'vi' });
  if (!imported.ok) return imported;
  if (checkList(db, imported.value.listId, now) === null) return fail('list.notFound', { listId: imported.value.listId });
  return ok({ listId: imported.value.listId });
}
