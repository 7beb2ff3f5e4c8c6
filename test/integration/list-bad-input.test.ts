import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/open-database';
import { MAX_LIST_ROWS, prepareList } from '../../src/main/lists/prepare-list';
import { inflatedProblem, readZipDirectory } from '../../src/main/spreadsheet/zip-directory';
import { tempDatabase } from '../helpers/db';
import { listWorkbook } from '../helpers/lists';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempDatabase()));
afterEach(() => cleanup());

async function refused(data: Uint8Array, fileName: string): Promise<string> {
  const before = JSON.stringify(db.prepare('SELECT count(*) AS n FROM lists').get());
  const parsed = await prepareList(data, fileName);
  expect(JSON.stringify(db.prepare('SELECT count(*) AS n FROM lists').get())).toBe(before);
  if (parsed.ok) throw new Error('accepted');
  return parsed.problem.key;
}

/** Rewrites the central directory's uncompressed size of every entry, as a zip bomb declares it. */
function declareHugeSizes(data: Uint8Array): Uint8Array {
  const copy = new Uint8Array(data);
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 4 <= copy.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x7fffffff, true);
  }
  return copy;
}

describe('a list that cannot be taken in is refused with a clear message, nothing stored', () => {
  it('without a name column', async () => {
    const data = await listWorkbook([['06/08/1990', 'Nam', '008090012345']], {
      header: ['STT', 'Ngày sinh', 'Giới tính', 'Số CMND/CCCD'],
    });
    expect(await refused(data, 'khong-ten.xlsx')).toBe('list.noNameColumn');
  });

  it('unreadable or password-protected', async () => {
    expect(await refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), 'hong.xlsx')).toBe(
      'error.xlsxUnreadable',
    );
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refused(ole, 'mat-khau.xlsx')).toBe('error.xlsxUnreadable');
  });

  it('a damaged Excel 97 .xls, saying to save it again', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refused(ole, 'cu.xls')).toBe('error.legacyUnreadable');
  });

  it('a zip bomb, from its directory, before inflating anything', async () => {
    const data = declareHugeSizes(await listWorkbook([['Ma Văn Tường', '06/08/1990', 'Nam', '008090012345']]));
    expect(readZipDirectory(data)!.every((e) => e.uncompressedSize === 0x7fffffff)).toBe(true);
    expect(await refused(data, 'bom.xlsx')).toBe('error.zipBomb');
  });

  it('a zip bomb whose directory lies about the sizes, caught while inflating, before parsing', async () => {
    const data = new Uint8Array(await listWorkbook([['Ma Văn Tường', '06/08/1990', 'Nam', '008090012345']]));
    const view = new DataView(data.buffer);
    // The directory now says the sheet inflates to 10 bytes: the inflated bytes say otherwise.
    for (let i = 0; i + 46 <= data.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      const name = new TextDecoder().decode(data.subarray(i + 46, i + 46 + nameLength));
      if (name === 'xl/worksheets/sheet1.xml') view.setUint32(i + 24, 10, true);
    }
    expect(await refused(data, 'bom-gia.xlsx')).toBe('error.zipBomb');
    // And a total cap: the same workbook, honest, against a cap of 1 kB.
    const honest = new Uint8Array(await listWorkbook([['Ma Văn Tường', '06/08/1990', 'Nam', '008090012345']]));
    expect(inflatedProblem(honest, readZipDirectory(honest)!, 1024)).toBe('zipBomb');
    expect(inflatedProblem(honest, readZipDirectory(honest)!, 10_000_000)).toBeNull();
  });

  it('keeps hidden sheets out: only visible sheets are read', async () => {
    const workbook = new ExcelJS.Workbook();
    const hidden = workbook.addWorksheet('An', { state: 'hidden' });
    hidden.addRow(['STT', 'Họ và tên', 'Ngày sinh']);
    hidden.addRow([1, 'Người Ẩn Danh', '01/01/1990']);
    const visible = workbook.addWorksheet('Danh sách');
    visible.addRow(['STT', 'Họ và tên', 'Ngày sinh']);
    visible.addRow([1, 'Ma Văn Tường', '06/08/1990']);
    const parsed = await prepareList(new Uint8Array(await workbook.xlsx.writeBuffer()), 'an.xlsx');
    if (!parsed.ok) throw new Error(parsed.problem.key);
    expect(parsed.value.sheetName).toBe('Danh sách');
    expect(JSON.stringify(parsed.value.entries)).not.toContain('Người Ẩn Danh');
  });

  it(`over ${MAX_LIST_ROWS.toLocaleString('en')} rows`, async () => {
    const lines = ['STT,Họ và tên,Ngày sinh'];
    for (let i = 1; i <= MAX_LIST_ROWS + 1; i++) lines.push(`${i},Nguyễn Văn ${i},01/01/1990`);
    expect(await refused(new TextEncoder().encode(lines.join('\r\n')), 'lon.csv')).toBe('list.tooManyRows');
  });
});
