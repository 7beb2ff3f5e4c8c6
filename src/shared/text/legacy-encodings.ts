/**
 * Legacy Vietnamese encodings still found in commune Excel files (DOMAIN.md §5). Excel shows their
 * bytes as Windows-1252 characters, so the text arrives as odd Latin letters:
 *  - TCVN3 (ABC), fonts `.VnTime`, `.VnTimeH`: one character per letter ("NguyÔn ThÞ"); `ư` is U+00AD.
 *    Upper-case fonts (`…H`) draw the lower-case codes as capitals; capitals with a tone mark use the
 *    full TCVN 5712 (VN1) table's codes ("Quan ThÞ ƒnh" is "Quan Thị Ánh").
 *  - VNI-Windows, fonts `VNI-*`: a base letter followed by one accent character ("Nguyeãn"), `Ñ`/`ñ` for Đ/đ.
 * The tables are built here from the letters' structure and checked letter by letter in the tests
 * (TCVN3 against iconv-lite's table).
 */
import { isVietnameseSyllable } from './syllable';

const VOWELS = 'aăâeêioôơuưy';
/** Tone order used by both tables: level, acute, grave, hook above, tilde, dot below. */
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

/** The 67 lower-case Vietnamese letters outside ASCII, in table order (12 vowels × 6 tones, then đ). */
export const VIETNAMESE_LETTERS: readonly string[] = [
  ...[...VOWELS].flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))).filter((l) => l.charCodeAt(0) > 0x7f),
  'đ',
];

/** All 134 letters, lower and upper case. */
export const ALL_VIETNAMESE_LETTERS: readonly string[] = [
  ...VIETNAMESE_LETTERS,
  ...VIETNAMESE_LETTERS.map((l) => l.toUpperCase()),
];

// TCVN3 code of each letter of VIETNAMESE_LETTERS, as Windows-1252 shows it.
const TCVN3_LOWER = '¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉËÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô\u00adøõö÷ùýúûüþ®';
const TCVN3_UPPER: Readonly<Record<string, string>> = { Ă: '¡', Â: '¢', Ê: '£', Ô: '¤', Ơ: '¥', Ư: '¦', Đ: '§' };

/**
 * The byte of each capital of VIETNAMESE_LETTERS in the full TCVN 5712 table (VN1), as iconv-lite's
 * `tcvn` encoding gives them: Excel shows them as "ƒ" (Á), "Ç"… or as control characters.
 */
const VN1_UPPER_BYTES = [
  0x83, 0x80, 0x81, 0x82, 0x84, 0xa1, 0xc0, 0xaf, 0xba, 0xbf, 0x85, 0xa2, 0xc4, 0xc1, 0xc2, 0xc3, 0x86, 0x8a, 0x87, 0x88, 0x89,
  0x8b, 0xa3, 0xda, 0xc5, 0xcd, 0xd9, 0x8c, 0x90, 0x8d, 0x8e, 0x8f, 0x91, 0x95, 0x92, 0x93, 0x94, 0x96, 0xa4, 0xff, 0xdb, 0xe0,
  0xf0, 0x97, 0xa5, 0x9b, 0x98, 0x99, 0x9a, 0x9c, 0x01, 0x9d, 0x9e, 0x9f, 0x02, 0xa6, 0x11, 0x04, 0x05, 0x06, 0x12, 0x16, 0x13,
  0x14, 0x15, 0x17, 0xa7,
];
/** Windows-1252 characters of the bytes 0x80–0x9F (the five it leaves undefined stay as C1 controls). */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const TCVN3_DECODE = new Map<string, string>();
const TCVN3_ENCODE = new Map<string, string>();
VIETNAMESE_LETTERS.forEach((letter, i) => {
  TCVN3_DECODE.set(TCVN3_LOWER[i]!, letter);
  TCVN3_ENCODE.set(letter, TCVN3_LOWER[i]!);
  const byte = VN1_UPPER_BYTES[i]!;
  const capital = letter.toUpperCase();
  // As Excel shows the byte (Windows-1252), and as the raw code point (Latin-1 or a control).
  if (byte >= 0x80 && byte <= 0x9f) TCVN3_DECODE.set(WINDOWS_1252_C1[byte - 0x80]!, capital);
  TCVN3_DECODE.set(String.fromCharCode(byte), capital);
});
for (const [letter, code] of Object.entries(TCVN3_UPPER)) TCVN3_ENCODE.set(letter, code);

/** TCVN3 text (as Excel shows it) to Unicode; `upperCaseFont` for the `…H` fonts. */
export function decodeTcvn3(text: string, upperCaseFont = false): string {
  let out = '';
  for (const ch of text) out += TCVN3_DECODE.get(ch) ?? ch;
  return upperCaseFont ? out.toUpperCase() : out;
}

/**
 * Unicode to TCVN3 (single-font ABC). Capital letters with tones do not exist there; they are
 * written in lower case, as a `…H` font would be used to show them.
 */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += TCVN3_ENCODE.get(ch) ?? TCVN3_ENCODE.get(ch.toLowerCase()) ?? ch;
  return out;
}

// VNI-Windows: base letter, then one character for the vowel mark and tone together.
const VNI_BASE: Readonly<Record<string, string>> = {
  a: 'a',
  ă: 'a',
  â: 'a',
  e: 'e',
  ê: 'e',
  o: 'o',
  ô: 'o',
  ơ: 'ô',
  u: 'u',
  ư: 'ö',
  y: 'y',
};
const VNI_PLAIN_TONES = ['', 'ù', 'ø', 'û', 'õ', 'ï'] as const;
const VNI_CIRCUMFLEX = ['â', 'á', 'à', 'å', 'ã', 'ä'] as const;
const VNI_BREVE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'] as const;
const VNI_I = ['i', 'í', 'ì', 'æ', 'ó', 'ò'] as const;

function vniLower(vowel: string, tone: number): string {
  if (vowel === 'i') return VNI_I[tone]!;
  if (vowel === 'y' && tone === 5) return 'î';
  const marks = vowel === 'ă' ? VNI_BREVE : 'âêô'.includes(vowel) ? VNI_CIRCUMFLEX : VNI_PLAIN_TONES;
  return VNI_BASE[vowel]! + marks[tone]!;
}

const VNI_ENCODE = new Map<string, string>();
for (const vowel of VOWELS) {
  TONES.forEach((mark, tone) => {
    const letter = (vowel + mark).normalize('NFC');
    if (letter.charCodeAt(0) <= 0x7f) return;
    const code = vniLower(vowel, tone);
    VNI_ENCODE.set(letter, code);
    VNI_ENCODE.set(letter.toUpperCase(), code.toUpperCase());
  });
}
VNI_ENCODE.set('đ', 'ñ');
VNI_ENCODE.set('Đ', 'Ñ');
const VNI_DECODE = new Map<string, string>([...VNI_ENCODE].map(([letter, code]) => [code, letter]));

/** Unicode to VNI-Windows (as Excel shows it). */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += VNI_ENCODE.get(ch) ?? ch;
  return out;
}

/** VNI-Windows text (as Excel shows it) to Unicode; each letter is read whole, so "öôø" is "ườ". */
export function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const pair = VNI_DECODE.get(text.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i += 2;
      continue;
    }
    out += VNI_DECODE.get(text[i]!) ?? text[i]!;
    i += 1;
  }
  return out;
}

export type TextEncoding = 'unicode' | 'tcvn3' | 'vni';

/** What a cell's font name says about its encoding, or null when it says nothing. */
export function encodingFromFont(fontName: string | undefined | null): { encoding: TextEncoding; upperCase: boolean } | null {
  if (!fontName) return null;
  const name = fontName.trim();
  if (/^\.?vn[a-z]/i.test(name) && !/^vni/i.test(name)) return { encoding: 'tcvn3', upperCase: /h$/i.test(name) };
  if (/^vni[-\s_]/i.test(name)) return { encoding: 'vni', upperCase: false };
  return null;
}

const WORD = /[\p{L}\p{M}]+/gu;

/** How many words of a text are Vietnamese syllables. */
export function syllableScore(text: string): number {
  let score = 0;
  for (const word of text.match(WORD) ?? []) if (isVietnameseSyllable(word)) score++;
  return score;
}

/** Decodes text in the given encoding. */
export function decodeAs(text: string, encoding: TextEncoding, upperCase = false): string {
  switch (encoding) {
    case 'unicode':
      return text;
    case 'tcvn3':
      return decodeTcvn3(text, upperCase);
    case 'vni':
      return decodeVni(text);
  }
}

/**
 * Finds which encoding a text is in: the font name when it names a legacy font, otherwise the
 * decoding that makes more of its words Vietnamese syllables than the text has as it stands.
 */
export function detectEncoding(
  texts: readonly string[],
  fontName?: string | null,
): { encoding: TextEncoding; upperCase: boolean } {
  const fromFont = encodingFromFont(fontName);
  if (fromFont) return fromFont;
  const sample = texts.filter((t) => /[^\x20-\x7e\t\r\n]/.test(t)).join(' ');
  if (sample === '') return { encoding: 'unicode', upperCase: false };
  const asIs = syllableScore(sample);
  let best: { encoding: TextEncoding; upperCase: boolean; score: number } = {
    encoding: 'unicode',
    upperCase: false,
    score: asIs,
  };
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const score = syllableScore(decodeAs(sample, encoding));
    if (score > best.score) best = { encoding, upperCase: false, score };
  }
  return { encoding: best.encoding, upperCase: best.upperCase };
}

/** A text brought to Unicode from whatever legacy encoding it is in (font name first, then words). */
export function repairLegacyText(text: string, fontName?: string | null): { text: string; encoding: TextEncoding } {
  const { encoding, upperCase } = detectEncoding([text], fontName);
  return { text: decodeAs(text, encoding, upperCase).normalize('NFC'), encoding };
}
