/**
 * Vietnamese syllables: their parts, whether a word is one, and where its tone mark belongs.
 * Old-style ("hòa", "thủy") and new-style ("hoà", "thuỷ") tone placement name the same thing; the
 * canonical form here is the old style, which registry extracts use.
 */

/** The five tone marks as combining characters: grave, acute, tilde, hook above, dot below. */
export const TONE_MARKS = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'] as const;
const TONE_SET: ReadonlySet<string> = new Set(TONE_MARKS);

const INITIALS = [
  'ngh', 'ch', 'gh', 'gi', 'kh', 'ng', 'nh', 'ph', 'qu', 'th', 'tr',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', '',
] as const; // prettier-ignore
const FINALS = ['ch', 'ng', 'nh', 'c', 'm', 'n', 'p', 't', ''] as const;
/** Vowel nuclei without tone, including the semivowel endings (ai, ao, ươi…). */
const NUCLEI: ReadonlySet<string> = new Set(
  (
    'a ă â e ê i o ô ơ u ư y ' +
    'ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê ' +
    'iêu yêu oai oay oao oeo uây uôi uya uyê uyu ươi ươu uê'
  ).split(' '),
);
const MODIFIED_VOWELS: ReadonlySet<string> = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);
const VOWELS: ReadonlySet<string> = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);

export interface Syllable {
  readonly initial: string;
  readonly nucleus: string;
  readonly final: string;
  /** The tone mark (one of TONE_MARKS), or '' for the level tone. */
  readonly tone: string;
}

/** Splits a letter sequence into its tone mark and its toneless NFC letters. */
function splitTone(word: string): { letters: string; tone: string } | null {
  let tone = '';
  let letters = '';
  for (const ch of word.normalize('NFD')) {
    if (TONE_SET.has(ch)) {
      if (tone !== '') return null;
      tone = ch;
    } else letters += ch;
  }
  return { letters: letters.normalize('NFC'), tone };
}

/** Parses one word as a Vietnamese syllable (any case), or null when it is not one. */
export function parseSyllable(word: string): Syllable | null {
  const split = splitTone(word);
  if (split === null || split.letters === '') return null;
  const lower = split.letters.toLowerCase();
  for (const initial of INITIALS) {
    if (!lower.startsWith(initial)) continue;
    const rest = lower.slice(initial.length);
    for (const final of FINALS) {
      if (!rest.endsWith(final)) continue;
      const nucleus = rest.slice(0, rest.length - final.length);
      if (NUCLEI.has(nucleus)) return { initial, nucleus, final, tone: split.tone };
    }
  }
  // "gì", "gìn": the i of "gi" is the vowel itself.
  if (lower.startsWith('gi')) {
    const rest = lower.slice(1);
    for (const final of FINALS) {
      if (rest.endsWith(final) && rest.slice(0, rest.length - final.length) === 'i') {
        return { initial: 'g', nucleus: 'i', final, tone: split.tone };
      }
    }
  }
  return null;
}

/** Whether a word is a well-formed Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  const s = parseSyllable(word);
  // Stops (c, ch, p, t) take only the acute or the dot below.
  return s !== null && (!['c', 'ch', 'p', 't'].includes(s.final) || s.tone === '' || s.tone === '\u0301' || s.tone === '\u0323');
}

/** Index in the nucleus of the vowel that carries the tone (old style). */
function toneIndex(nucleus: string, hasFinal: boolean): number {
  const letters = [...nucleus];
  if (nucleus.startsWith('ươ')) return 1;
  const modified = letters.findIndex((l) => MODIFIED_VOWELS.has(l));
  if (modified >= 0) {
    // "uô", "iê", "yê", "uâ", "uơ": the modified vowel comes last and carries the tone.
    const lastModified = letters.length - 1 - [...letters].reverse().findIndex((l) => MODIFIED_VOWELS.has(l));
    return lastModified;
  }
  if (letters.length === 1) return 0;
  if (hasFinal) return letters.length - 1;
  if (letters.length === 3) return 1;
  return 0;
}

/** The word with its tone mark on the vowel where the old style puts it; other words unchanged. */
export function placeTone(word: string): string {
  const syllable = parseSyllable(word);
  if (syllable === null || syllable.tone === '') return word;
  const split = splitTone(word)!;
  const chars = [...split.letters];
  const start = syllable.initial.length;
  // "gì": the nucleus i overlaps the initial's letters.
  const nucleusStart = syllable.initial === 'g' && syllable.nucleus === 'i' ? 1 : start;
  const target = nucleusStart + toneIndex(syllable.nucleus, syllable.final !== '');
  if (!VOWELS.has(chars[target]!.toLowerCase())) return word;
  chars[target] = (chars[target]! + syllable.tone).normalize('NFC');
  return chars.join('');
}

const WORD = /\p{L}[\p{L}\p{M}]*/gu;

/** Puts every tone mark where the old style puts it, so "Hoà"/"Hòa" and "Thuỷ"/"Thủy" compare equal. */
export function normalizeTonePlacement(text: string): string {
  return text.normalize('NFC').replace(WORD, placeTone);
}
