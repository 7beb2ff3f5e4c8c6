/**
 * The machine-readable zone on the back of the 2021 CCCD (TD1, 3 × 30 characters; DOMAIN.md §3),
 * parsed by the `mrz` package: check digits, the 12-digit ID in the optional data, the document
 * number equal to the ID's last nine digits, and the ASCII name.
 */
import { parse } from 'mrz';
import type { IsoDate } from '../dates';
import type { Problem, Result } from '../result';
import { fail, ok } from '../result';
import type { Sex } from '../types';
import { decodeCenturyDigit } from './id-check';

export interface CccdMrz {
  readonly personalId: string | null;
  readonly documentNumber: string | null;
  readonly fullName: string;
  readonly birthDate: IsoDate | null;
  readonly sex: Sex | null;
  readonly expiryDate: IsoDate | null;
  readonly valid: boolean;
  readonly problems: readonly Problem[];
}

function yymmdd(value: string | null | undefined, century: number | null): IsoDate | null {
  if (!value || !/^\d{6}$/.test(value) || century === null) return null;
  return `${century + Number(value.slice(0, 2))}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
}

/** Parses the three MRZ lines; lines of the wrong shape are an error, failed checks are problems. */
export function parseCccdMrz(lines: readonly string[], today: Date = new Date()): Result<CccdMrz> {
  const cleaned = lines.map((l) => l.trim().toUpperCase().replace(/\s+/g, ''));
  if (cleaned.length !== 3 || cleaned.some((l) => l.length !== 30)) {
    return fail('mrz.shape', { lengths: cleaned.map((l) => l.length).join(', ') });
  }
  if (cleaned.some((l) => !/^[A-Z0-9<]{30}$/.test(l))) return fail('mrz.characters');
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(cleaned);
  } catch {
    return fail('mrz.shape', { lengths: cleaned.map((l) => l.length).join(', ') });
  }
  const problems: Problem[] = [];
  for (const detail of parsed.details) {
    if (!detail.valid) problems.push({ key: 'mrz.invalidField', params: { field: detail.label, error: detail.error ?? '' } });
  }
  const f = parsed.fields;
  if (f.documentCode !== 'ID' && f.documentCode !== 'I')
    problems.push({ key: 'mrz.notIdCard', params: { code: f.documentCode ?? '' } });
  if (f.issuingState !== 'VNM') problems.push({ key: 'mrz.notVietnam', params: { state: f.issuingState ?? '' } });
  const optional = (f.optional1 ?? '').replace(/[<\s]/g, '');
  const idMatch = /^(\d{12})/.exec(optional);
  const personalId = idMatch ? idMatch[1]! : null;
  const documentNumber = f.documentNumber ?? null;
  if (personalId === null) problems.push({ key: 'mrz.noPersonalId' });
  else if (documentNumber !== null && personalId.slice(3) !== documentNumber) {
    problems.push({ key: 'mrz.documentNumberMismatch', params: { documentNumber, personalId } });
  }
  // The ID's century digit dates the birth year; without it, a two-digit year after this one is last century's.
  const yy = f.birthDate ? Number(f.birthDate.slice(0, 2)) : null;
  const birthCentury =
    personalId !== null
      ? decodeCenturyDigit(Number(personalId[3])).century
      : yy === null
        ? null
        : yy > today.getUTCFullYear() % 100
          ? 1900
          : 2000;
  const fullName = [f.lastName, f.firstName]
    .filter((p): p is string => Boolean(p))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return ok({
    personalId,
    documentNumber,
    fullName,
    birthDate: yymmdd(f.birthDate, birthCentury),
    sex: f.sex === 'male' || f.sex === 'female' ? f.sex : null,
    expiryDate: yymmdd(f.expirationDate, 2000),
    valid: problems.length === 0,
    problems,
  });
}

const MRZ_LINE = /^[A-Z0-9<]{30}$/;

/** Whether a line (a scan, or a line typed) is one of a TD1 card's three MRZ lines. */
export function isMrzLine(line: string): boolean {
  return MRZ_LINE.test(line.trim().toUpperCase());
}

/**
 * The three MRZ lines in a text, when the text is a card's MRZ: three lines of 30, or the 90
 * characters run together as some readers send them; null otherwise.
 */
export function mrzLines(text: string): string[] | null {
  const compact = text.trim().toUpperCase();
  const lines = compact.split(/\s*[\r\n]+\s*/);
  if (lines.length === 3 && lines.every((l) => MRZ_LINE.test(l))) return lines;
  if (/^[A-Z0-9<]{90}$/.test(compact)) return [compact.slice(0, 30), compact.slice(30, 60), compact.slice(60, 90)];
  return null;
}

/**
 * Gathers MRZ lines that come one at a time (a reader typing each line and Enter, a COM reader
 * sending a CR after each): returns the whole MRZ once the third line is in. Anything that is not an
 * MRZ line passes through and drops a half-gathered MRZ.
 */
export function collectMrzLine(pending: readonly string[], text: string): { pending: string[]; text: string | null } {
  if (!isMrzLine(text)) return { pending: [], text };
  const lines = [...pending, text.trim().toUpperCase()];
  return lines.length === 3 ? { pending: [], text: lines.join('\n') } : { pending: lines, text: null };
}
