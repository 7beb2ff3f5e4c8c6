/**
 * Issue 17: the app after the 1 July 2025 reform (DOMAIN.md §9). A merged commune's registry (xã
 * Chiêm Hóa, Tuyên Quang: thị trấn Vĩnh Lộc + xã Xuân Quang, Ngọc Hội, Phúc Thịnh, Trung Hòa) checked
 * against a list typed partly from older records; papers dated after the reform; `id check`; a TCVN3
 * sheet whose capitals use the full VN1 table.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/open-database';
import { saveLetterhead } from '../../src/main/documents/documents';
import { preparePrint } from '../../src/main/documents/print-version';
import { documentPdf } from '../../src/main/documents/state-pdf';
import { listEntries } from '../../src/main/lists/list-views';
import { resolveEntry } from '../../src/main/lists/resolve-entry';
import { readTable } from '../../src/main/spreadsheet/read-table';
import { DEFAULT_LETTERHEAD } from '../../src/shared/documents/letterhead';
import { translate } from '../../src/shared/i18n';
import { cli } from '../helpers/cli';
import { tempDatabase } from '../helpers/db';
import { importAndCheck, listWorkbook, NOW, seedRegistry } from '../helpers/lists';
import { tempDir } from '../helpers/paths';
import { pdfText } from '../helpers/pdf';

const NEW = (village: string) => `${village}, xã Chiêm Hóa, tỉnh Tuyên Quang`;

// The registry's extract: the new two-level form, one resident still in the old form.
const RESIDENTS = [
  ['008090012345', 'Ma Văn Tường', '06/08/1990', 'Nam', NEW('Thôn Bắc Mục')],
  ['008195004321', 'Lường Thị Hưởng', '12/03/1995', 'Nữ', NEW('Thôn Phúc Tâm')],
  ['008056001122', 'Đặng Đình Đức', '1956', 'Nam', NEW('Tổ dân phố Vĩnh Bảo')],
  ['008190004455', 'Quan Thị Ánh', '15/01/1990', 'Nữ', 'Thôn Nà Ngà, xã Xuân Quang, huyện Chiêm Hóa, tỉnh Tuyên Quang'],
  ['008085006677', 'Hoàng Văn Thụ', '05/05/1985', 'Nam', NEW('Thôn Khuôn Khán')],
  ['008088003579', 'Bàn Văn Sơn', '09/09/1988', 'Nam', NEW('Tổ dân phố Vĩnh Bảo')],
  ['008192007788', 'Nông Thị Lan', '07/07/1992', 'Nữ', NEW('Thôn Phúc Tâm')],
  ['008196001234', 'Ma Thị Hoa', '20/02/1996', 'Nữ', NEW('Thôn Bắc Mục')],
  ['008075002468', 'Lộc Văn Huỳnh', '11/11/1975', 'Nam', NEW('Thôn Phúc Tâm')],
] as const;

// What the list says of each resident's address, and whether it names the registry's place.
const LIST_ADDRESSES: readonly { address: string; agrees: boolean; note?: string }[] = [
  { address: NEW('Thôn Bắc Mục'), agrees: true }, // the new form
  {
    address: 'Thôn Phúc Tâm, xã Phúc Thịnh, huyện Chiêm Hóa, tỉnh Tuyên Quang', // the old commune
    agrees: true,
    note: 'xã Phúc Thịnh cũ, nay thuộc xã Chiêm Hóa',
  },
  {
    address: 'Tổ dân phố Vĩnh Bảo, thị trấn Vĩnh Lộc, huyện Chiêm Hóa, tỉnh Tuyên Quang', // the old town
    agrees: true,
    note: 'thị trấn Vĩnh Lộc cũ, nay thuộc xã Chiêm Hóa',
  },
  { address: NEW('Thôn Nà Ngà'), agrees: true, note: 'xã Xuân Quang cũ, nay thuộc xã Chiêm Hóa' }, // registry old, list new
  { address: 'Th. Khuôn Khán, X. Ngọc Hội, H. Chiêm Hóa, T. Tuyên Quang', agrees: true }, // abbreviated old form
  { address: 'TDP Vĩnh Bảo, TT. Vĩnh Lộc', agrees: true }, // abbreviated, without district and province
  { address: 'Thôn Phúc Tâm, xã Hòa Phú, huyện Chiêm Hóa, tỉnh Tuyên Quang', agrees: false }, // now in xã Yên Nguyên
  { address: 'Thôn Bắc Mục, xã Phúc Thịnh, huyện Ngọc Lặc, tỉnh Thanh Hóa', agrees: false }, // same old name, another province
  { address: 'Thôn Nà Mạ, xã Phúc Thịnh, huyện Chiêm Hóa, tỉnh Tuyên Quang', agrees: false }, // another village
];

let db: Db;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, cleanup } = tempDatabase());
  await seedRegistry(
    db,
    RESIDENTS.map(([id, name, birth, sex, address], i) => [String(i + 1), id, '', name, birth, sex, 'Tày', 'Việt Nam', address]),
  );
});
afterEach(() => cleanup());

async function checkedList() {
  const rows = RESIDENTS.map(([id, name, birth, sex], i) => [name, birth, sex, id, 'Việt Nam', LIST_ADDRESSES[i]!.address]);
  return importAndCheck(db, await listWorkbook(rows));
}

describe('addresses across the reform, in a merged commune', () => {
  it('matches every same-place address, old form or new, and reports the others as address differences', async () => {
    const { checked } = await checkedList();
    expect(checked.entries.map((e) => [e.status, e.differences])).toEqual(
      LIST_ADDRESSES.map((a) => (a.agrees ? ['matched', []] : ['mismatched', ['address']])),
    );
    expect(checked.summary).toMatchObject({ matched: 6, mismatched: 3 });
  });

  it('says in the worklist why an old name agreed', async () => {
    const { imported } = await checkedList();
    const entries = listEntries(db, imported.listId);
    const said = entries.map((e) => (e.addressNotes ?? []).map((n) => translate('vi', 'address.formerUnit', { ...n })));
    LIST_ADDRESSES.forEach((a, i) => {
      if (a.note) expect(said[i], a.address).toEqual([a.note]);
      if (!a.agrees || a.address.startsWith('Thôn Bắc Mục, xã Chiêm Hóa')) expect(said[i], a.address).toEqual([]);
    });
    expect(said[4]).toEqual(['xã Ngọc Hội cũ, nay thuộc xã Chiêm Hóa']);
  });
});

describe('papers dated after 1 July 2025', () => {
  it('print no district line and name no district body, even from a letterhead saved before the reform', async () => {
    const { imported } = await checkedList();
    const mismatched = listEntries(db, imported.listId).find((e) => e.status === 'mismatched')!;
    expect(resolveEntry(db, { entryId: mismatched.id, resolution: 'referred', by: 'Hải' }, NOW).ok).toBe(true);
    saveLetterhead(
      db,
      {
        ...DEFAULT_LETTERHEAD,
        parentBody: 'UBND HUYỆN CHIÊM HÓA',
        issuingBody: 'ỦY BAN NHÂN DÂN XÃ CHIÊM HÓA',
        place: 'Chiêm Hóa',
        recipients: ['Công an huyện Chiêm Hóa', 'Trạm Y tế xã Chiêm Hóa', 'Công an tỉnh Tuyên Quang'],
      },
      NOW,
    );
    const { document } = (await preparePrint(db, imported.listId, NOW))!;
    expect(document.content.issuedOn).toBe('2026-11-27');
    const { dir, cleanup: removeDir } = tempDir();
    try {
      const after = join(dir, 'after.pdf');
      writeFileSync(after, await documentPdf(document));
      const text = pdfText(after);
      const heading = text.slice(0, text.indexOf('DANH SÁCH'));
      expect(heading).toMatch(/ỦY BAN NHÂN DÂN\s+(?:\S.*\s+)?XÃ CHIÊM HÓA/);
      expect(heading).not.toMatch(/HUYỆN|huyện/);
      const closing = text.slice(text.lastIndexOf('Nơi nhận:'));
      expect(closing).toContain('- Trạm Y tế xã Chiêm Hóa;');
      expect(closing).toContain('- Công an tỉnh Tuyên Quang;');
      expect(closing).not.toMatch(/huyện/i);
      // The only "huyện" left is in addresses as the list wrote them; the referral names the province's police.
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('Chuyển Công an tỉnh');
      expect(flat).toContain('(tàng thư hồ sơ cư trú, tàng thư căn cước)');
      expect(text).not.toMatch(/Công an huyện|tàng thư huyện|UBND HUYỆN/i);

      // The same paper dated before the reform keeps the district as it was then.
      const before = join(dir, 'before.pdf');
      writeFileSync(before, await documentPdf({ ...document, content: { ...document.content, issuedOn: '2025-06-30' } }));
      const old = pdfText(before);
      expect(old.slice(0, old.indexOf('DANH SÁCH'))).toContain('UBND HUYỆN CHIÊM HÓA');
      expect(old.slice(old.lastIndexOf('Nơi nhận:'))).toContain('- Công an huyện Chiêm Hóa;');
    } finally {
      removeDir();
    }
  }, 60_000);
});

describe('id check across the reform', () => {
  it('names the old province of birth registration and the province containing it now', async () => {
    const run = await cli('id', 'check', '002190012345', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      normalized: '002190012345',
      provinceCode: '002',
      provinceName: 'Hà Giang',
      provinceNow: 'Tuyên Quang',
    });
  });
});

describe('TCVN3 text with VN1 capitals', () => {
  const NAMES = ['Quan Thị Ánh', 'Nguyễn Ánh Ồn', 'Hà Thị Ếch', 'ĐẶNG ỚT', 'Lê Ổn Ấm', 'Ma Văn Ắt'];
  // What a .VnTime cell holds: the bytes iconv-lite's `tcvn` table gives, as Windows-1252 shows them.
  const legacy = (text: string) => iconv.decode(iconv.encode(text, 'tcvn'), 'windows-1252');

  async function sheet(font: string | null): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['Họ và tên']);
    for (const name of NAMES) ws.addRow([legacy(name)]);
    if (font) ws.eachRow((row, n) => n > 1 && row.eachCell((c) => (c.font = { name: font })));
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('decodes a whole .VnTime sheet, and the same sheet without its font, to the Unicode names', async () => {
    expect(legacy('Quan Thị Ánh')).toBe('Quan ThÞ ƒnh');
    for (const font of ['.VnTime', null]) {
      const tables = await readTable(await sheet(font), 'vn1.xlsx');
      if (!tables.ok) throw new Error(tables.problem.key);
      expect(
        tables.value[0]!.rows.slice(1).map((r) => r[0]),
        String(font),
      ).toEqual(NAMES);
    }
  });

  it('decodes a single VN1 cell among Unicode ones', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['Họ và tên']);
    for (const name of ['Ma Văn Tường', 'Hà Thị Hòa', 'Nguyễn Văn Ánh', legacy('Quan Thị Ánh')]) ws.addRow([name]);
    const tables = await readTable(new Uint8Array(await wb.xlsx.writeBuffer()), 'one.xlsx');
    if (!tables.ok) throw new Error(tables.problem.key);
    expect(tables.value[0]!.rows.map((r) => r[0])).toEqual([
      'Họ và tên',
      'Ma Văn Tường',
      'Hà Thị Hòa',
      'Nguyễn Văn Ánh',
      'Quan Thị Ánh',
    ]);
  });
});
