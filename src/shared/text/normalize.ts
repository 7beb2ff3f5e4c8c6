/**
 * Vietnamese text normalisation (DOMAIN.md §5).
 * Equality between names is decided on these keys, never on Intl.Collator.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;
/** Characters outside Basic Latin…IPA and Latin Extended Additional, where NFC may change text. */
// eslint-disable-next-line no-control-regex -- the range starts at U+0000 on purpose
const MAY_NEED_NFC = /[^\u0000-\u02ff\u1e00-\u1eff]/;
/** White space that cleaning would change: unusual spaces, runs, or spaces at either end. */
const UNTIDY_SPACE = /[\t\n\r\v\f\u00a0\u2000-\u200b\u202f\u205f\u3000]| {2}|^ | $/;

/** NFC; the common case (already NFC, Latin and Vietnamese letters only) skips the normaliser. */
export function toNfc(value: string): string {
  return MAY_NEED_NFC.test(value) ? value.normalize('NFC') : value;
}

/** NFC, trimmed, inner runs of white space collapsed to one space. */
export function cleanText(value: string): string {
  const nfc = toNfc(value);
  return UNTIDY_SPACE.test(nfc) ? nfc.replace(SPACES, ' ').trim() : nfc;
}

function slowMatchKey(value: string): string {
  return value.normalize('NFD').toUpperCase().replace(COMBINING_MARKS, '').replace(/[Đđ]/g, 'D').replace(SPACES, ' ').trim();
}

/** Key letter of every Latin letter with diacritics (Latin-1…Extended-B and Extended Additional). */
const LETTER_KEYS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const ranges: [number, number][] = [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const ch = String.fromCharCode(code);
      const key = slowMatchKey(ch);
      if (key.length === 1) map.set(ch, key);
    }
  }
  return map;
})();

/** Upper case, no diacritics, Đ→D, single spaces: the key that ignores accents entirely. */
export function matchKey(value: string): string {
  const text = cleanText(value);
  let key = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (code < 0x80) key += code >= 0x61 && code <= 0x7a ? String.fromCharCode(code - 32) : ch;
    else {
      const mapped = LETTER_KEYS.get(ch);
      if (mapped === undefined) return slowMatchKey(text);
      key += mapped;
    }
  }
  return key;
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
