import { describe, expect, it } from 'vitest';
import { cleanText, looseKey, matchKey } from '../../src/shared/text/normalize';

describe('matchKey', () => {
  it('drops diacritics and maps Đ/đ to D explicitly', () => {
    expect(matchKey('Đặng Thị Đào')).toBe('DANG THI DAO');
    expect(matchKey('đỗ văn đức')).toBe('DO VAN DUC');
  });

  it('gives the same key for NFC and NFD input', () => {
    const nfc = 'Nguyễn Thị Hường'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(matchKey(nfd)).toBe(matchKey(nfc));
    expect(matchKey(nfc)).toBe('NGUYEN THI HUONG');
  });

  it('collapses runs of white space, including no-break spaces', () => {
    expect(matchKey('  Ma\u00a0 Văn   Tường ')).toBe('MA VAN TUONG');
  });
});

describe('cleanText', () => {
  it('normalises to NFC and trims', () => {
    expect(cleanText(' Hoà\u0300 '.normalize('NFD'))).toBe(' Hoà\u0300 '.normalize('NFC').trim());
    expect(cleanText('Lường  Thị')).toBe('Lường Thị');
  });
});

describe('looseKey', () => {
  it('reads header titles the same with or without punctuation and accents', () => {
    expect(looseKey('Họ, chữ đệm và tên')).toBe('HO CHU DEM VA TEN');
    expect(looseKey('NGÀY/THÁNG/NĂM SINH')).toBe('NGAY THANG NAM SINH');
  });
});

describe('fast paths agree with the normaliser', () => {
  const samples = [
    'Nguyễn Thị Hường',
    'Nguyễn Thị Hường'.normalize('NFD'),
    'ĐẶNG ĐÌNH ĐỨC',
    ' Lò  Thị\u00a0Ánh ',
    'Hoà Thuỷ Hòa Thủy',
    'Ñ ñ ß Æ',
    'Ω Å K',
    '\t tab\n',
  ];
  it.each(samples)('%s', (s) => {
    expect(cleanText(s)).toBe(
      s
        .normalize('NFC')
        .replace(/[\s\u00a0]+/g, ' ')
        .trim(),
    );
    const slow = s
      .normalize('NFD')
      .toUpperCase()
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[Đđ]/g, 'D')
      .replace(/[\s\u00a0]+/g, ' ')
      .trim();
    expect(matchKey(s)).toBe(slow);
  });
});
