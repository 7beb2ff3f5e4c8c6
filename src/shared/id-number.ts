/**
 * Cleaning of personal ID (12 digits) and old CMND (9 digits) numbers as spreadsheets deliver them
 * (DOMAIN.md §4): numbers that lost their leading zeros, spaces, dots, a leading apostrophe.
 */

const NOISE = /[\s.'’`\-_]/g;

/** Digits only, or null when anything other than digits and separators is present. */
export function digitsOnly(raw: string): string | null {
  const stripped = raw.replace(NOISE, '');
  return /^\d+$/.test(stripped) ? stripped : null;
}

/** A 12-digit personal ID, padding the zeros a spreadsheet dropped (10 or 11 digits). */
export function normalizePersonalId(raw: string): string | null {
  const digits = digitsOnly(raw);
  if (digits === null) return null;
  if (digits.length === 12) return digits;
  if (digits.length === 10 || digits.length === 11) return digits.padStart(12, '0');
  return null;
}

/** A 9-digit CMND (8 digits padded), or a 12-digit number written in the CMND column. */
export function normalizeOldId(raw: string): string | null {
  const digits = digitsOnly(raw);
  if (digits === null) return null;
  if (digits.length === 9 || digits.length === 12) return digits;
  if (digits.length === 8) return digits.padStart(9, '0');
  if (digits.length === 10 || digits.length === 11) return digits.padStart(12, '0');
  return null;
}
