/**
 * Comparing Vietnamese names: equal after normalisation (NFC, spacing, case, tone placement),
 * equal only once diacritics are dropped, or different. Similarity for ranking look-alikes comes from
 * talisman's Jaro–Winkler on the accent-free keys.
 */
import damerauLevenshtein from 'talisman/metrics/damerau-levenshtein';
import jaroWinkler from 'talisman/metrics/jaro-winkler';
import { cleanText, matchKey } from './normalize';
import { normalizeTonePlacement } from './syllable';

export type NameComparison = 'same' | 'diacritics' | 'different';

/** The form two spellings of one name share: NFC, single spaces, lower case, old-style tones. */
export function canonicalName(name: string): string {
  return normalizeTonePlacement(cleanText(name)).toLowerCase();
}

/** Whether two names are the same, differ only in their diacritics, or differ. */
export function compareNames(a: string, b: string): NameComparison {
  // Most names on a list are spelt as in the registry: settle those without the syllable parser.
  if (a === b) return 'same';
  const plainA = cleanText(a).toLowerCase();
  const plainB = cleanText(b).toLowerCase();
  if (plainA === plainB) return 'same';
  // Names whose letters differ are different whatever their tones (canonical forms equal ⇒ keys equal):
  // the syllable parser runs only for names that differ at most in their diacritics.
  if (matchKey(a) !== matchKey(b)) return 'different';
  return canonicalName(a) === canonicalName(b) ? 'same' : 'diacritics';
}

/** Jaro–Winkler similarity of two names' accent-free keys, 0 (nothing alike) to 1 (same). */
export function nameSimilarity(a: string, b: string): number {
  return jaroWinkler(matchKey(a), matchKey(b));
}

/** Whether two names differ by at most one misspelt letter (an insertion, deletion, substitution or swap), accents aside. */
export function withinOneEdit(a: string, b: string): boolean {
  const ka = matchKey(a);
  const kb = matchKey(b);
  return Math.abs(ka.length - kb.length) <= 1 && damerauLevenshtein(ka, kb) <= 1;
}
