import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  ALL_VIETNAMESE_LETTERS,
  VIETNAMESE_LETTERS,
  decodeTcvn3,
  decodeVni,
  detectEncoding,
  encodeTcvn3,
  encodeVni,
  encodingFromFont,
  repairLegacyText,
} from '../../src/shared/text/legacy-encodings';

/** TCVN3 as Excel shows it: the bytes iconv-lite's TCVN table gives, read as Windows-1252. */
function tcvn3ByIconv(text: string): string {
  return iconv.decode(iconv.encode(text, 'tcvn'), 'windows-1252');
}

describe('the letter tables', () => {
  it('cover the 134 Vietnamese letters outside ASCII, upper and lower case', () => {
    expect(VIETNAMESE_LETTERS).toHaveLength(67);
    expect(ALL_VIETNAMESE_LETTERS).toHaveLength(134);
    expect(new Set(ALL_VIETNAMESE_LETTERS).size).toBe(134);
    expect(ALL_VIETNAMESE_LETTERS).toContain('ườ'.slice(0, 1));
    expect(ALL_VIETNAMESE_LETTERS).toContain('Ỵ');
  });
});

describe('TCVN3 (ABC)', () => {
  it.each(VIETNAMESE_LETTERS)('%s decodes from its iconv-lite TCVN code', (letter) => {
    const code = tcvn3ByIconv(letter);
    expect(code).toHaveLength(1);
    expect(decodeTcvn3(code)).toBe(letter);
    expect(encodeTcvn3(letter)).toBe(code);
  });

  it.each(['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'])('capital %s has its own code', (letter) => {
    expect(decodeTcvn3(tcvn3ByIconv(letter))).toBe(letter);
  });

  it('reads the example of DOMAIN.md, with ư stored as a soft hyphen', () => {
    expect(decodeTcvn3('NguyÔn ThÞ §Æng Hång')).toBe('Nguyễn Thị Đặng Hồng');
    expect(decodeTcvn3('L\u00adêng')).toBe('Lường');
  });

  it('draws the …H fonts in capitals', () => {
    expect(decodeTcvn3('nguyÔn v¨n t\u00adêng', true)).toBe('NGUYỄN VĂN TƯỜNG');
  });
});

describe('VNI-Windows', () => {
  it.each(ALL_VIETNAMESE_LETTERS)('%s round-trips through its VNI code', (letter) => {
    const code = encodeVni(letter);
    // Only í and ì keep their Unicode code points in VNI.
    if (!'íìÍÌ'.includes(letter)) expect(code).not.toBe(letter);
    expect(decodeVni(code)).toBe(letter);
  });

  it.each([
    ['à', 'aø'],
    ['á', 'aù'],
    ['ả', 'aû'],
    ['ã', 'aõ'],
    ['ạ', 'aï'],
    ['â', 'aâ'],
    ['ấ', 'aá'],
    ['ầ', 'aà'],
    ['ẩ', 'aå'],
    ['ẫ', 'aã'],
    ['ậ', 'aä'],
    ['ă', 'aê'],
    ['ắ', 'aé'],
    ['ằ', 'aè'],
    ['ẳ', 'aú'],
    ['ẵ', 'aü'],
    ['ặ', 'aë'],
    ['ơ', 'ô'],
    ['ư', 'ö'],
    ['í', 'í'],
    ['ỉ', 'æ'],
    ['ĩ', 'ó'],
    ['ị', 'ò'],
    ['ỵ', 'î'],
    ['đ', 'ñ'],
    ['Đ', 'Ñ'],
    ['Ấ', 'AÁ'],
    ['Ư', 'Ö'],
  ])('%s is written %s', (letter, code) => {
    expect(encodeVni(letter)).toBe(code);
  });

  it('reads "ườ" whole, which a naive replacement table breaks', () => {
    expect(decodeVni('Tröôøng')).toBe('Trường');
    expect(decodeVni('NGÖÔØI')).toBe('NGƯỜI');
    expect(decodeVni('Xin chaøo caùc baïn')).toBe('Xin chào các bạn');
  });
});

describe('detecting the encoding', () => {
  it('trusts the font name first', () => {
    expect(encodingFromFont('.VnTime')).toEqual({ encoding: 'tcvn3', upperCase: false });
    expect(encodingFromFont('.VnTimeH')).toEqual({ encoding: 'tcvn3', upperCase: true });
    expect(encodingFromFont('.VnArial')).toEqual({ encoding: 'tcvn3', upperCase: false });
    expect(encodingFromFont('VNI-Times')).toEqual({ encoding: 'vni', upperCase: false });
    expect(encodingFromFont('Times New Roman')).toBeNull();
    expect(repairLegacyText('ThÞ', '.VnTime')).toEqual({ text: 'Thị', encoding: 'tcvn3' });
  });

  it('otherwise scores whole words as Vietnamese syllables', () => {
    expect(repairLegacyText('NguyÔn ThÞ §Æng Hång')).toEqual({ text: 'Nguyễn Thị Đặng Hồng', encoding: 'tcvn3' });
    expect(repairLegacyText('Nguyeãn Vaên Tröôøng')).toEqual({ text: 'Nguyễn Văn Trường', encoding: 'vni' });
    expect(repairLegacyText('THOÂN KHUOÅI HOA')).toEqual({ text: 'THÔN KHUỔI HOA', encoding: 'vni' });
  });

  it('leaves Unicode text alone, even where it could be read as VNI', () => {
    for (const text of ['Nguyễn Văn Ánh', 'Hòa Bình', 'Đỗ Thị Hương', 'Thôn Nà Coóc', 'Ma Van Tuong']) {
      expect(repairLegacyText(text)).toEqual({ text, encoding: 'unicode' });
    }
  });

  it('decides for a whole column from many cells', () => {
    expect(detectEncoding(['Hµ Giang', 'Tuyªn Quang', 'Hoµng V¨n Thô']).encoding).toBe('tcvn3');
  });
});
