import { describe, expect, it } from 'vitest';
import { centuryDigit, checkIdNumber, decodeCenturyDigit } from '../../src/shared/identity/id-check';
import { PROVINCES } from '../../src/shared/identity/provinces';

describe('province table', () => {
  it('has the 63 provinces of Decree 137/2015', () => {
    expect(Object.keys(PROVINCES)).toHaveLength(63);
    expect(PROVINCES['001']).toBe('Hà Nội');
    expect(PROVINCES['008']).toBe('Tuyên Quang');
    expect(PROVINCES['079']).toBe('TP. Hồ Chí Minh');
    expect(PROVINCES['096']).toBe('Cà Mau');
    expect(PROVINCES['003']).toBeUndefined();
  });
});

describe('century and sex digit', () => {
  it.each([
    [0, 1900, 'male'],
    [1, 1900, 'female'],
    [2, 2000, 'male'],
    [3, 2000, 'female'],
    [4, 2100, 'male'],
    [5, 2100, 'female'],
  ] as const)('G=%i means the %i century, %s', (g, century, sex) => {
    expect(decodeCenturyDigit(g)).toEqual({ century, sex });
    expect(centuryDigit(century + 42, sex)).toBe(g);
  });
});

describe('checkIdNumber', () => {
  it('reads province, sex and birth year from a 12-digit ID', () => {
    expect(checkIdNumber('008090012345')).toMatchObject({
      normalized: '008090012345',
      kind: 'personal_id',
      valid: true,
      provinceCode: '008',
      provinceName: 'Tuyên Quang',
      sex: 'male',
      birthYear: 1990,
      problems: [],
    });
    expect(checkIdNumber('001305012345')).toMatchObject({ sex: 'female', birthYear: 2005, provinceName: 'Hà Nội' });
  });

  it('pads the zeros a spreadsheet dropped and ignores spaces, dots and an apostrophe', () => {
    expect(checkIdNumber('8090012345')?.normalized).toBe('008090012345');
    expect(checkIdNumber('79199012345')?.normalized).toBe('079199012345');
    expect(checkIdNumber("'008 090.012 345")?.normalized).toBe('008090012345');
  });

  it('says when the ID contradicts the birth year or the sex', () => {
    const checked = checkIdNumber('008090012345', { birthDate: '1991-05-02', sex: 'female' })!;
    expect(checked.valid).toBe(false);
    expect(checked.problems).toEqual([
      { key: 'id.birthYearMismatch', params: { idYear: 1990, givenYear: 1991 } },
      { key: 'id.sexMismatch', params: { idSex: 'nam', givenSex: 'nữ' } },
    ]);
    expect(checkIdNumber('008090012345', { birthDate: '1990', sex: 'male' })!.valid).toBe(true);
  });

  it('flags a province code outside the table; a first digit other than 0 is a country (born abroad)', () => {
    expect(checkIdNumber('003090012345')).toMatchObject({
      valid: false,
      problems: [{ key: 'id.unknownProvince', params: { code: '003' } }],
    });
    expect(checkIdNumber('840090012345')).toMatchObject({ valid: true, provinceCode: '840', provinceName: null });
  });

  it('reads a 9-digit old CMND, whose prefix says nothing reliable', () => {
    expect(checkIdNumber('070123456')).toMatchObject({
      normalized: '070123456',
      kind: 'cmnd',
      valid: true,
      provinceCode: null,
      sex: null,
    });
    expect(checkIdNumber('70123456')?.normalized).toBe('070123456');
  });

  it('rejects other lengths and anything that is not digits', () => {
    expect(checkIdNumber('1234567')).toMatchObject({ valid: false, problems: [{ key: 'id.length', params: { count: 7 } }] });
    expect(checkIdNumber('0080900123456')).toMatchObject({ valid: false, kind: 'personal_id' });
    expect(checkIdNumber('00809001234A')).toBeNull();
    expect(checkIdNumber('')).toBeNull();
  });
});
