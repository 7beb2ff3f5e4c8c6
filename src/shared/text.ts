/**
 * Vietnamese text normalisation (DOMAIN.md §5).
 * Equality between names is decided on these keys, never on Intl.Collator.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;

/** NFC, trimmed, inner runs of white space collapsed to one space. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(SPACES, ' ').trim();
}

/** Upper case, no diacritics, Đ→D, single spaces: the key that ignores accents entirely. */
export function matchKey(value: string): string {
  return value
    .normalize('NFD')
    .toUpperCase()
    .replace(COMBINING_MARKS, '')
    .replace(/[Đđ]/g, 'D')
    .replace(SPACES, ' ')
    .trim();
}

/** The match key with punctuation removed as well, for column headers and free-text queries. */
export function looseKey(value: string): string {
  return matchKey(value)
    .replace(/[^A-Z0-9 ]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

/** Sorting collator for Vietnamese (never used for equality). */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base' });
