/**
 * The 12-digit personal ID `PPP G YY RRRRRR` and the old 9-digit CMND (DOMAIN.md §4).
 * PPP: province (or, not starting with 0, country) of birth registration; G: century and sex
 * (0/1 = 1900s male/female, 2/3 = 2000s, …); YY: the birth year's last two digits.
 */
import { yearOf, type IsoDate } from '../dates';
import { digitsOnly } from '../id-number';
import type { Problem } from '../result';
import type { Sex } from '../types';
import { PROVINCE_NOW, PROVINCES } from './provinces';

export type IdKind = 'personal_id' | 'cmnd';

export interface IdCheck {
  readonly normalized: string;
  readonly kind: IdKind;
  readonly valid: boolean;
  readonly provinceCode: string | null;
  /** The province (of the 63, 2016–June 2025) where the birth was registered: "Hà Giang". */
  readonly provinceName: string | null;
  /** The province that contains it since 1 July 2025: "Tuyên Quang" (DESIGN.md §5, `id check`). */
  readonly provinceNow: string | null;
  readonly sex: Sex | null;
  /** The birth year the ID encodes (personal IDs only). */
  readonly birthYear: number | null;
  readonly problems: readonly Problem[];
}

export interface IdFacts {
  readonly birthDate?: IsoDate | null;
  readonly sex?: Sex | null;
}

/** What the century-and-sex digit G says. */
export function decodeCenturyDigit(g: number): { readonly century: number; readonly sex: Sex } {
  return { century: 1900 + Math.floor(g / 2) * 100, sex: g % 2 === 0 ? 'male' : 'female' };
}

/** The G digit for a birth year and sex (the inverse of decodeCenturyDigit). */
export function centuryDigit(birthYear: number, sex: Sex): number {
  return Math.floor((birthYear - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
}

/**
 * Checks an ID number as typed or read from a sheet (spaces, dots, apostrophes and lost leading
 * zeros allowed) and, when given, against a birth date and sex. Null when it holds anything but
 * digits and separators (not an ID number at all).
 */
export function checkIdNumber(raw: string, facts: IdFacts = {}): IdCheck | null {
  const digits = digitsOnly(raw);
  if (digits === null || digits === '') return null;
  if (digits.length === 9 || digits.length === 8) {
    return {
      normalized: digits.padStart(9, '0'),
      kind: 'cmnd',
      valid: true,
      provinceCode: null,
      provinceName: null,
      provinceNow: null,
      sex: null,
      birthYear: null,
      problems: [],
    };
  }
  if (digits.length < 8 || digits.length > 12) {
    const kind: IdKind = digits.length < 9 ? 'cmnd' : 'personal_id';
    return {
      normalized: digits,
      kind,
      valid: false,
      provinceCode: null,
      provinceName: null,
      provinceNow: null,
      sex: null,
      birthYear: null,
      problems: [{ key: 'id.length', params: { count: digits.length } }],
    };
  }
  const normalized = digits.padStart(12, '0');
  const problems: Problem[] = [];
  const provinceCode = normalized.slice(0, 3);
  const bornAbroad = provinceCode[0] !== '0';
  const provinceName = bornAbroad ? null : (PROVINCES[provinceCode] ?? null);
  if (!bornAbroad && provinceName === null) problems.push({ key: 'id.unknownProvince', params: { code: provinceCode } });
  const { century, sex } = decodeCenturyDigit(Number(normalized[3]));
  const birthYear = century + Number(normalized.slice(4, 6));
  if (facts.birthDate) {
    const givenYear = yearOf(facts.birthDate);
    if (givenYear !== birthYear) problems.push({ key: 'id.birthYearMismatch', params: { idYear: birthYear, givenYear } });
  }
  if (facts.sex && facts.sex !== sex) {
    problems.push({
      key: 'id.sexMismatch',
      params: { idSex: sex === 'male' ? 'nam' : 'nữ', givenSex: facts.sex === 'male' ? 'nam' : 'nữ' },
    });
  }
  const provinceNow = provinceName === null ? null : (PROVINCE_NOW[provinceCode] ?? null);
  return {
    normalized,
    kind: 'personal_id',
    valid: problems.length === 0,
    provinceCode,
    provinceName,
    provinceNow,
    sex,
    birthYear,
    problems,
  };
}
