declare module 'talisman/metrics/jaro-winkler' {
  /** Jaro–Winkler similarity of two sequences, between 0 and 1. */
  export default function jaroWinkler(a: string, b: string): number;
}
