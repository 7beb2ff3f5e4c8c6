import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/main/spreadsheet/read-table';
import { encodeTcvn3, encodeVni } from '../../src/shared/text/legacy-encodings';

async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('DS'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function rowsOf(data: Uint8Array, name: string) {
  const tables = await readTable(data, name);
  if (!tables.ok) throw new Error(tables.problem.key);
  return tables.value[0]!.rows;
}

describe('legacy encodings in spreadsheets', () => {
  it('decodes cells by their font: .VnTimeH headers in capitals, .VnTime data, VNI-Times', async () => {
    const data = await workbook((sheet) => {
      sheet.addRow([encodeTcvn3('họ và tên'), encodeTcvn3('nơi thường trú')]);
      sheet.getRow(1).eachCell((c) => (c.font = { name: '.VnTimeH' }));
      sheet.addRow([encodeTcvn3('Nguyễn Thị Đặng Hồng'), encodeVni('Thôn Khuổi Hoa, xã Trung Hà')]);
      sheet.getCell('A2').font = { name: '.VnTime' };
      sheet.getCell('B2').font = { name: 'VNI-Times' };
    });
    expect(await rowsOf(data, 'a.xlsx')).toEqual([
      ['HỌ VÀ TÊN', 'NƠI THƯỜNG TRÚ'],
      ['Nguyễn Thị Đặng Hồng', 'Thôn Khuổi Hoa, xã Trung Hà'],
    ]);
  });

  it('decodes a whole column whose font was changed but whose text is still TCVN3 or VNI', async () => {
    const names = ['Hoàng Văn Thụ', 'Lường Thị Hưởng', 'Đặng Đình Đức'];
    const villages = ['Thôn Nà Coóc', 'Thôn Khuôn Hà', 'Bản Phai Chò'];
    const data = await workbook((sheet) => {
      sheet.addRow(['Họ và tên', 'Thôn']);
      names.forEach((n, i) => sheet.addRow([encodeTcvn3(n), encodeVni(villages[i]!)]));
    });
    const rows = await rowsOf(data, 'b.xlsx');
    expect(rows.slice(1).map((r) => r[0])).toEqual(names);
    expect(rows.slice(1).map((r) => r[1])).toEqual(villages);
    expect(rows[0]).toEqual(['Họ và tên', 'Thôn']);
  });

  it('repairs a single TCVN3 cell in a Unicode column and leaves the Unicode cells alone', async () => {
    const data = await workbook((sheet) => {
      sheet.addRow(['Họ và tên']);
      for (const name of ['Ma Văn Tường', 'Hà Thị Hòa', 'Nguyễn Văn Ánh', encodeTcvn3('Lộc Văn Huỳnh')]) sheet.addRow([name]);
    });
    expect((await rowsOf(data, 'c.xlsx')).map((r) => r[0])).toEqual([
      'Họ và tên',
      'Ma Văn Tường',
      'Hà Thị Hòa',
      'Nguyễn Văn Ánh',
      'Lộc Văn Huỳnh',
    ]);
  });

  it('reads a CSV saved from a TCVN3 sheet (bytes are the font codes, not Windows-1258)', async () => {
    const text = `${encodeTcvn3('Số định danh cá nhân,Họ và tên')}\r\n008090012345,${encodeTcvn3('Ma Văn Tường')}\r\n`;
    const bytes = new Uint8Array(iconv.encode(text, 'windows-1252'));
    expect(await rowsOf(bytes, 'd.csv')).toEqual([
      ['Số định danh cá nhân', 'Họ và tên'],
      ['008090012345', 'Ma Văn Tường'],
    ]);
  });
});
