import { describe, expect, it } from 'vitest';
import { mergeSplitHeader } from '../../src/shared/header-repair';
import { detectHeader, fieldForHeader } from '../../src/shared/registry/fields';
import { validateResidentRow } from '../../src/shared/registry/validate-row';

describe('column names', () => {
  it.each([
    ['Số định danh cá nhân', 'personalId'],
    ['Số CCCD', 'personalId'],
    ['SỐ ĐỊNH DANH', 'personalId'],
    ['Họ và tên', 'fullName'],
    ['Họ, chữ đệm và tên', 'fullName'],
    ['Ngày, tháng, năm sinh', 'birthDate'],
    ['Ngày sinh', 'birthDate'],
    ['Giới tính', 'sex'],
    ['Số CMND', 'oldId'],
    ['Dân tộc', 'ethnicity'],
    ['Quốc tịch', 'nationality'],
    ['Nơi thường trú', 'permanentAddress'],
    ['Nơi ở hiện tại', 'currentAddress'],
    ['Mã hộ', 'householdCode'],
  ])('"%s" maps to %s', (title, field) => {
    expect(fieldForHeader(title)).toBe(field);
  });
  it('does not map unknown titles', () => {
    expect(fieldForHeader('STT')).toBeNull();
    expect(fieldForHeader('Ghi chú')).toBeNull();
  });
});

describe('detectHeader', () => {
  it('skips title rows above the header', () => {
    const rows = [
      ['ỦY BAN NHÂN DÂN XÃ TRUNG HÀ', '', ''],
      ['DANH SÁCH DÂN CƯ', '', ''],
      [],
      ['STT', 'Họ và tên', 'Số định danh cá nhân', 'Ngày sinh'],
      ['1', 'Ma Văn Tường', '008090012345', '06/08/1990'],
    ];
    const header = detectHeader(rows);
    expect(header).toEqual({ index: 3, mapping: { fullName: 1, personalId: 2, birthDate: 3 } });
  });
  it('finds nothing in a sheet without ID or name columns', () => {
    expect(
      detectHeader([
        ['Ngày sinh', 'Giới tính'],
        ['1990', 'Nam'],
      ]),
    ).toBeNull();
  });
});

describe('mergeSplitHeader', () => {
  it('rejoins titles that an unquoting CSV writer split at their commas', () => {
    const split = ['STT', 'Số định danh cá nhân', 'Họ', ' chữ đệm và tên', 'Ngày', ' tháng', ' năm sinh', 'Giới tính'];
    expect(mergeSplitHeader(split)).toEqual([
      'STT',
      'Số định danh cá nhân',
      'Họ, chữ đệm và tên',
      'Ngày, tháng, năm sinh',
      'Giới tính',
    ]);
  });
});

describe('validateResidentRow', () => {
  const mapping = { personalId: 0, fullName: 1, birthDate: 2, sex: 3, oldId: 4 };
  it('normalises a good row', () => {
    const outcome = validateResidentRow([8090012345, ' Ma  Văn Tường ', '06/08/1990', 'Nam', '70123456'], mapping);
    expect(outcome).toEqual({
      kind: 'resident',
      resident: expect.objectContaining({
        personalId: '008090012345',
        fullName: 'Ma Văn Tường',
        birthDate: '1990-08-06',
        sex: 'male',
        oldId: '070123456',
      }),
    });
  });
  it('names every problem of a bad row', () => {
    const outcome = validateResidentRow(['12345', '', '31/02/1990', 'X', ''], mapping);
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind !== 'invalid') return;
    expect(outcome.problems.map((p) => p.key)).toEqual([
      'row.idInvalid',
      'row.nameMissing',
      'row.birthDateInvalid',
      'row.sexInvalid',
    ]);
  });
  it('treats an all-blank row as blank', () => {
    expect(validateResidentRow(['', null, '  '], mapping)).toEqual({ kind: 'blank' });
  });
});
