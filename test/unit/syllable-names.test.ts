import { describe, expect, it } from 'vitest';
import { datesConsistent } from '../../src/shared/dates';
import { canonicalName, compareNames, nameSimilarity } from '../../src/shared/text/names';
import { vietnameseCollator } from '../../src/shared/text/normalize';
import { isVietnameseSyllable, normalizeTonePlacement, parseSyllable } from '../../src/shared/text/syllable';

describe('tone placement', () => {
  it.each([
    ['Hoà', 'Hòa'],
    ['Thuỷ', 'Thủy'],
    ['Khoẻ', 'Khỏe'],
    ['Thuý', 'Thúy'],
    ['Hoá', 'Hóa'],
    ['Chiêm Hoá', 'Chiêm Hóa'],
  ])('%s (new style) is %s (old style)', (newStyle, oldStyle) => {
    expect(normalizeTonePlacement(newStyle)).toBe(oldStyle);
    expect(normalizeTonePlacement(oldStyle)).toBe(oldStyle);
  });

  it('keeps the tone where both styles agree', () => {
    for (const word of ['Hoàng', 'Toản', 'người', 'ngoài', 'Quý', 'Nguyễn', 'Tường', 'khuỷu', 'già', 'gì', 'Quyết']) {
      expect(normalizeTonePlacement(word)).toBe(word);
    }
  });

  it('leaves words that are not Vietnamese syllables alone', () => {
    expect(normalizeTonePlacement('Hello Thòmas')).toBe('Hello Thòmas');
  });
});

describe('syllables', () => {
  it('recognises Vietnamese syllables and rejects legacy-encoded ones', () => {
    expect(parseSyllable('Nghiêm')).toEqual({ initial: 'ngh', nucleus: 'iê', final: 'm', tone: '' });
    for (const word of ['Nguyễn', 'Thị', 'Đặng', 'Hồng', 'Bắc', 'quý', 'giữ']) expect(isVietnameseSyllable(word)).toBe(true);
    for (const word of ['NguyÔn', 'ThÞ', 'Hång', 'Tröôøng', 'xyz', 'Bắcc']) expect(isVietnameseSyllable(word)).toBe(false);
  });
});

describe('comparing names', () => {
  it('treats case, spacing, Unicode form and tone placement as the same name', () => {
    expect(compareNames('Nguyễn Thị Thuỷ', 'NGUYỄN  THỊ THỦY')).toBe('same');
    expect(compareNames('Lê Hoà'.normalize('NFD'), 'lê hòa')).toBe('same');
  });
  it('says when only the diacritics differ', () => {
    expect(compareNames('Nguyen Van Tuong', 'Nguyễn Văn Tường')).toBe('diacritics');
    expect(compareNames('Nguyễn Văn Tương', 'Nguyễn Văn Tường')).toBe('diacritics');
    expect(compareNames('Dang Thi Dao', 'Đặng Thị Đào')).toBe('diacritics');
  });
  it('says when names differ', () => {
    expect(compareNames('Nguyễn Văn Tường', 'Nguyễn Văn Trường')).toBe('different');
    expect(compareNames('Ma Thị Thoa', 'Ma Thị Hoa')).toBe('different');
  });
  it('ranks a one-letter misspelling as closer than another name', () => {
    const typo = nameSimilarity('Nguyễn Văn Trường', 'Nguyễn Văn Tường');
    const other = nameSimilarity('Nguyễn Văn Trường', 'Lê Thị Hoa');
    expect(typo).toBeGreaterThan(0.9);
    expect(other).toBeLessThan(0.7);
    expect(nameSimilarity('Đào', 'Dao')).toBe(1);
  });
  it('gives one canonical form', () => {
    expect(canonicalName(' Lường  Thị Thuỷ ')).toBe('lường thị thủy');
  });
});

describe('sorting', () => {
  it('sorts with the Vietnamese collator, Đ after D', () => {
    expect(['Đào', 'Dung', 'An', 'Ánh', 'Ân'].sort(vietnameseCollator.compare)).toEqual(['An', 'Ánh', 'Ân', 'Dung', 'Đào']);
  });
});

describe('partial dates', () => {
  it('are consistent with any full date inside them, and never with one outside', () => {
    expect(datesConsistent('1956', '1956-03-12')).toBe(true);
    expect(datesConsistent('1956-03', '1956-03-12')).toBe(true);
    expect(datesConsistent('1956-03-12', '1956')).toBe(true);
    expect(datesConsistent('1956-04', '1956-03-12')).toBe(false);
    expect(datesConsistent('1957', '1956-03-12')).toBe(false);
    expect(datesConsistent('1956-03-12', '1956-03-21')).toBe(false);
    expect(datesConsistent('1956-03-12', '1956-03-12')).toBe(true);
  });
});
