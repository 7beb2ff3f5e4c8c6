/** Canonical JSON: the same value always gives the same text (hashes and signatures depend on it). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return typeof value === 'string' ? value.normalize('NFC') : value;
}

/** The canonical form: JSON with every object's keys sorted and text in NFC. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}
