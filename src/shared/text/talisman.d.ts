declare module 'talisman/metrics/jaro-winkler' {
  /** Jaro–Winkler similarity of two sequences, between 0 and 1. */
  export default function jaroWinkler(a: string, b: string): number;
}

declare module 'talisman/metrics/damerau-levenshtein' {
  /** Damerau–Levenshtein edit distance (a transposition counts as one edit). */
  export default function damerauLevenshtein(a: string, b: string): number;
}
