import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

type Row = readonly (string | number)[];

async function writeSheet(file: string, sheetName: string, titles: readonly string[], header: Row, rows: readonly Row[]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const title of titles) sheet.addRow([title]);
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  sheet.eachRow((row) => row.eachCell((cell) => (cell.numFmt = '@')));
  writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return file;
}

/**
 * A registration list with one entry of each kind, against the sample registry: the header is on
 * sheet row 3, so entries are rows 4–10: 4 matched, 5 mismatched (the name misspelt "Hằn"),
 * 6 a duplicate of row 4, 7 not found, 8 a foreigner, 9 ambiguous (two Bàn Ngọc Chiến born 1936),
 * 10 mismatched (the birth year).
 */
export function registrationList(dir: string): Promise<string> {
  return writeSheet(
    join(dir, 'dang-ky-tiem.xlsx'),
    'Đăng ký',
    ['TRẠM Y TẾ XÃ TRUNG HÀ', 'DANH SÁCH ĐĂNG KÝ TIÊM VẮC XIN'],
    ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CMND/CCCD', 'Quốc tịch', 'Địa chỉ'],
    [
      [1, 'Ma Thị Thoa', '18/03/1998', 'Nữ', '008198223458', 'Việt Nam', 'Thôn Khuôn Hà'],
      [2, 'Ma Phương Hằn', '24/02/1959', 'Nữ', '008159684079', 'Việt Nam', 'Thôn Khau Ca'],
      [3, 'Ma Thị Thoa', '18/03/1998', 'Nữ', '008198223458', 'Việt Nam', 'Thôn Khuôn Hà'],
      [4, 'Triệu Văn Mới', '01/01/2001', 'Nam', '', 'Việt Nam', 'Thôn Khuôn Hà'],
      [5, 'John Smith', '01/01/1980', 'Nam', 'E1234567', 'Hoa Kỳ', 'Thôn Khuôn Hà'],
      [6, 'Bàn Ngọc Chiến', '1936', 'Nam', '', 'Việt Nam', 'Thôn Ba 1'],
      [7, 'Lộc Văn Huỳnh', '27/08/1988', 'Nam', '008087993215', 'Việt Nam', 'Thôn Khuổi Hoa'],
    ],
  );
}

/** A station's vaccination results: one dose without problems, one without its lot number. */
export function resultsList(dir: string): Promise<string> {
  return writeSheet(
    join(dir, 'ket-qua-tiem.xlsx'),
    'Kết quả tiêm',
    ['TRẠM Y TẾ XÃ TRUNG HÀ', 'DANH SÁCH NGƯỜI ĐÃ TIÊM VẮC XIN PHÒNG COVID-19'],
    [
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
    ],
    [
      [
        1,
        'Ma Thị Thoa',
        '18/03/1998',
        '008198223458',
        'Thôn Khuôn Hà',
        '02/11/2021',
        'AstraZeneca',
        'NJ0342',
        '1',
        'Trạm Y tế xã',
      ],
      [2, 'Lộc Văn Huỳnh', '27/08/1987', '008087993215', 'Thôn Khuổi Hoa', '02/11/2021', 'Pfizer', '', '1', 'Trạm Y tế xã'],
    ],
  );
}

/** Receives a list through the "Nhận danh sách" dialog; the worklist opens. */
export async function receiveList(page: Page, file: string, rows: number, kind?: 'Kết quả tiêm'): Promise<void> {
  await page.getByRole('menuitem', { name: 'Danh sách' }).click();
  await page.getByRole('button', { name: 'Nhận danh sách' }).click();
  if (kind) {
    await page.getByLabel('Loại danh sách').click();
    await page.getByTitle(kind).click();
  }
  await page.getByLabel('Nơi gửi (Trạm Y tế, cơ sở tiêm chủng…)').fill('Trạm Y tế xã Trung Hà');
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: `Nhận và đối chiếu ${rows} người` }).click();
  await page.getByRole('tab', { name: /Tất cả/ }).waitFor();
}

/** Collects the files the page downloads, saved into `dir`. */
export function collectDownloads(page: Page, dir: string): { name: string; path: string }[] {
  const downloads: { name: string; path: string }[] = [];
  page.on('download', async (download) => {
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    downloads.push({ name: download.suggestedFilename(), path });
  });
  return downloads;
}
