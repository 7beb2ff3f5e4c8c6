/**
 * Addresses across the 1 July 2025 reform (DESIGN.md §4, DOMAIN.md §9, issue 17), on the real tables:
 * an old commune or town merged into the registry's commune names the same place, in any form and on
 * either side; one that went elsewhere, or the same old name in another province, does not.
 */
import { describe, expect, it } from 'vitest';
import { adminUnits } from '../../src/main/admin-units/admin-units';
import { compareAddress, readAddress } from '../../src/shared/verification/address';
import { entryDifferences, type RegistryFacts } from '../../src/shared/verification/differences';

const NEW = 'Thôn Bắc Mục, xã Chiêm Hóa, tỉnh Tuyên Quang';
const agrees = (list: string, registry: string) => compareAddress(list, [registry], adminUnits).agrees;

describe('readAddress', () => {
  it('keeps the district and province, labelled, abbreviated or bare', () => {
    expect(readAddress('Thôn Bắc Mục, xã Phúc Thịnh, huyện Chiêm Hóa, tỉnh Tuyên Quang')).toEqual({
      village: 'BAC MUC',
      commune: 'PHUC THINH',
      higher: ['CHIEM HOA', 'TUYEN QUANG'],
    });
    expect(readAddress('Th. Bắc Mục, TT. Vĩnh Lộc, H. Chiêm Hóa, T. Tuyên Quang').higher).toEqual(['CHIEM HOA', 'TUYEN QUANG']);
    expect(readAddress('Bắc Mục, Phúc Thịnh, Chiêm Hóa, Tuyên Quang')).toEqual({
      village: 'BAC MUC',
      commune: 'PHUC THINH',
      higher: ['CHIEM HOA', 'TUYEN QUANG'],
    });
    expect(readAddress('T. Bắc Mục, X. Phúc Thịnh').village).toBe('BAC MUC');
  });
});

describe('compareAddress across the reform', () => {
  it('agrees when the list names an old commune or town merged into the registry’s commune, in any form', () => {
    for (const list of [
      NEW,
      'Thôn Bắc Mục, xã Chiêm Hóa',
      'Thôn Bắc Mục, xã Phúc Thịnh, huyện Chiêm Hóa, tỉnh Tuyên Quang',
      'Thôn Bắc Mục, xã Phúc Thịnh',
      'Thôn Bắc Mục, thị trấn Vĩnh Lộc, huyện Chiêm Hóa',
      'Th. Bắc Mục, TT. Vĩnh Lộc, H. Chiêm Hóa, T. Tuyên Quang',
      'thon bac muc, xa xuan quang, huyen chiem hoa',
      'Thôn Bắc Mục - X. Ngọc Hội - H. Chiêm Hóa',
      'Bắc Mục, Trung Hòa, Chiêm Hóa, Tuyên Quang',
    ])
      expect(agrees(list, NEW), list).toBe(true);
  });

  it('agrees whichever side is in the old form, and with the old or the new province name', () => {
    expect(agrees(NEW, 'Thôn Bắc Mục, xã Phúc Thịnh, huyện Chiêm Hóa, tỉnh Tuyên Quang')).toBe(true);
    expect(agrees('Thôn Bắc Mục, xã Phúc Thịnh', 'Thôn Bắc Mục, thị trấn Vĩnh Lộc, huyện Chiêm Hóa, tỉnh Tuyên Quang')).toBe(
      true,
    );
    // Hà Giang is part of Tuyên Quang: thị trấn Vị Xuyên (huyện Vị Xuyên, Hà Giang) is in the new xã Vị Xuyên.
    expect(agrees('Tổ 5, thị trấn Vị Xuyên, huyện Vị Xuyên, tỉnh Hà Giang', 'Tổ 5, xã Vị Xuyên, tỉnh Tuyên Quang')).toBe(true);
    expect(agrees('Tổ 5, xã Vị Xuyên, tỉnh Hà Giang', 'Tổ 5, xã Vị Xuyên, tỉnh Tuyên Quang')).toBe(true);
  });

  it('differs for an old commune now in another commune, the same old name elsewhere, another village', () => {
    expect(agrees('Thôn Bắc Mục, xã Hòa Phú, huyện Chiêm Hóa, tỉnh Tuyên Quang', NEW)).toBe(false); // now xã Yên Nguyên
    expect(agrees('Thôn Bắc Mục, xã Trung Hà, huyện Chiêm Hóa', NEW)).toBe(false); // kept as xã Trung Hà
    expect(agrees('Thôn Bắc Mục, xã Phúc Thịnh, huyện Ngọc Lặc, tỉnh Thanh Hóa', NEW)).toBe(false);
    expect(agrees('Thôn Bắc Mục, xã Phúc Thịnh, tỉnh Thanh Hóa', NEW)).toBe(false);
    expect(agrees('Thôn Bắc Mục, xã Phúc Thịnh, huyện Ngọc Lặc', NEW)).toBe(false);
    expect(agrees('Thôn Nà Mạ, xã Phúc Thịnh, huyện Chiêm Hóa', NEW)).toBe(false);
    expect(agrees('Thôn Bắc Mục, xã Chiêm Hóa, tỉnh Thanh Hóa', NEW)).toBe(false);
  });

  it('agrees a divided old commune with each commune it went to', () => {
    const old = 'Bản Bôm Mu, xã Chiềng Bôm, huyện Thuận Châu, tỉnh Sơn La';
    expect(agrees(old, 'Bản Bôm Mu, xã Nậm Lầu, tỉnh Sơn La')).toBe(true);
    expect(agrees(old, 'Bản Bôm Mu, xã Thuận Châu, tỉnh Sơn La')).toBe(true);
    expect(agrees(old, 'Bản Bôm Mu, xã Co Mạ, tỉnh Sơn La')).toBe(false);
  });

  it('says why an old name agreed', () => {
    const notes = (list: string, registry: string) => compareAddress(list, [registry], adminUnits).notes;
    expect(notes('Thôn Bắc Mục, xã Phúc Thịnh, huyện Chiêm Hóa', NEW)).toEqual([
      { former: 'xã Phúc Thịnh', now: 'xã Chiêm Hóa' },
    ]);
    expect(notes(NEW, 'Thôn Bắc Mục, thị trấn Vĩnh Lộc, huyện Chiêm Hóa')).toEqual([
      { former: 'thị trấn Vĩnh Lộc', now: 'xã Chiêm Hóa' },
    ]);
    expect(notes(NEW, NEW)).toEqual([]);
    expect(notes('Thôn Bắc Mục, xã Trung Hà, huyện Chiêm Hóa', 'Thôn Bắc Mục, xã Trung Hà, tỉnh Tuyên Quang')).toEqual([]);
  });

  it('keeps the rules for communes the tables do not know, and works without the tables', () => {
    expect(agrees('Thôn Mới, xã Mẫu Sơn', 'Thôn Mới, xã Mẫu Sơn, huyện Chiêm Hóa, tỉnh Tuyên Quang')).toBe(true);
    expect(agrees('Thôn Mới, xã Mẫu Sơn, tỉnh Thanh Hóa', 'Thôn Mới, xã Mẫu Sơn, tỉnh Tuyên Quang')).toBe(false);
    expect(compareAddress('Thôn Bắc Mục, xã Phúc Thịnh', [NEW]).agrees).toBe(false);
    expect(compareAddress('Thôn Bắc Mục, xã Chiêm Hóa', [NEW]).agrees).toBe(true);
  });
});

describe('entryDifferences with the tables', () => {
  const resident: RegistryFacts = {
    personalId: '008090012345',
    oldId: null,
    fullName: 'Ma Văn Tường',
    birthDate: '1990-08-06',
    sex: 'male',
    permanentAddress: NEW,
    currentAddress: null,
  };
  const entry = { fullName: 'Ma Văn Tường', birthDate: null, sex: null, idNumber: '008090012345' };
  it('reports the address only when it names another place', () => {
    expect(entryDifferences({ ...entry, address: 'Th. Bắc Mục, TT Vĩnh Lộc' }, resident, adminUnits)).toEqual([]);
    expect(entryDifferences({ ...entry, address: 'Th. Bắc Mục, X. Hòa Phú, H. Chiêm Hóa' }, resident, adminUnits)).toEqual([
      'address',
    ]);
  });
});
