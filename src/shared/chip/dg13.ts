/**
 * DG13 of the Vietnamese CCCD / căn cước chip: the citizen's data in Vietnamese. Its layout is not
 * in ICAO 9303; open-source readers agree on it: inside tag 6D, one SEQUENCE per field,
 * `30 len 02 01 n <string>`, n = 1 ID, 2 full name, 3 birth date (dd/mm/yyyy), 4 sex (Nam/Nữ),
 * 5 nationality, 6 ethnicity, 7 religion, 8 place of origin, 9 place of residence, 10 identifying
 * marks, 11 issue date, 12 expiry date (or "Không thời hạn"), 13 father's and mother's names (each in
 * its own SEQUENCE), 14 spouse's name (empty when none), 15 old ID (CMND). Strings are UTF8String or
 * PrintableString. The fields are found wherever they sit in the tree, so a preamble does not matter.
 */
import type { IsoDate } from '../dates';
import { parseDateText } from '../dates';
import { parseSex } from '../sex';
import type { Sex } from '../types';
import { utf8Text } from './bytes';
import { readTlv, readTlvs, type Tlv } from './tlv';

export interface Dg13Data {
  readonly personalId: string | null;
  readonly fullName: string | null;
  readonly birthDate: IsoDate | null;
  readonly sex: Sex | null;
  readonly nationality: string | null;
  readonly ethnicity: string | null;
  readonly religion: string | null;
  readonly placeOfOrigin: string | null;
  readonly placeOfResidence: string | null;
  readonly identifyingMarks: string | null;
  readonly issueDate: IsoDate | null;
  /** null: none written, or the card never expires (`expiresNever`). */
  readonly expiryDate: IsoDate | null;
  readonly expiresNever: boolean;
  readonly fatherName: string | null;
  readonly motherName: string | null;
  readonly spouseName: string | null;
  readonly oldId: string | null;
}

/** Field numbers of DG13. */
export const DG13_FIELDS = {
  personalId: 1,
  fullName: 2,
  birthDate: 3,
  sex: 4,
  nationality: 5,
  ethnicity: 6,
  religion: 7,
  placeOfOrigin: 8,
  placeOfResidence: 9,
  identifyingMarks: 10,
  issueDate: 11,
  expiryDate: 12,
  parents: 13,
  spouse: 14,
  oldId: 15,
} as const;

const STRING_TAGS = new Set([0x0c, 0x13, 0x16, 0x14, 0x1a]);

function isStringTree(tlv: Tlv): boolean {
  if (STRING_TAGS.has(tlv.tag)) return true;
  return tlv.tag === 0x30 && readTlvs(tlv.value).every(isStringTree);
}

function strings(tlvs: readonly Tlv[]): string[] {
  return tlvs.flatMap((t) => (STRING_TAGS.has(t.tag) ? [utf8Text(t.value).trim()] : strings(readTlvs(t.value))));
}

/** Every `30 { 02 n, strings… }` in the tree, as field number → its strings. */
function collectFields(tlvs: readonly Tlv[], out: Map<number, string[]>): void {
  for (const tlv of tlvs) {
    if (!tlv.constructed) continue;
    const children = readTlvs(tlv.value);
    const [first, ...rest] = children;
    if (tlv.tag === 0x30 && first?.tag === 0x02 && first.value.length === 1 && rest.every(isStringTree)) {
      if (!out.has(first.value[0]!)) out.set(first.value[0]!, strings(rest));
    } else collectFields(children, out);
  }
}

function date(text: string | null): IsoDate | null {
  if (text === null) return null;
  const parsed = parseDateText(text);
  return parsed !== null && parsed.length === 10 ? parsed : null;
}

/** DG13's fields; throws when the file is not a DG13 or is malformed. */
export function parseDg13(dg13: Uint8Array): Dg13Data {
  const outer = readTlv(dg13);
  if (outer.tag !== 0x6d) throw new Error('DG13 does not start with tag 6D');
  const fields = new Map<number, string[]>();
  collectFields(readTlvs(outer.value), fields);
  const text = (n: number, index = 0): string | null => {
    const value = fields.get(n)?.[index];
    return value === undefined || value === '' ? null : value;
  };
  const expiryText = text(DG13_FIELDS.expiryDate);
  const sexText = text(DG13_FIELDS.sex);
  return {
    personalId: text(DG13_FIELDS.personalId),
    fullName: text(DG13_FIELDS.fullName),
    birthDate: date(text(DG13_FIELDS.birthDate)),
    sex: sexText === null ? null : parseSex(sexText),
    nationality: text(DG13_FIELDS.nationality),
    ethnicity: text(DG13_FIELDS.ethnicity),
    religion: text(DG13_FIELDS.religion),
    placeOfOrigin: text(DG13_FIELDS.placeOfOrigin),
    placeOfResidence: text(DG13_FIELDS.placeOfResidence),
    identifyingMarks: text(DG13_FIELDS.identifyingMarks),
    issueDate: date(text(DG13_FIELDS.issueDate)),
    expiryDate: date(expiryText),
    expiresNever: expiryText !== null && date(expiryText) === null && /kh[oô]ng/i.test(expiryText),
    fatherName: text(DG13_FIELDS.parents, 0),
    motherName: text(DG13_FIELDS.parents, 1),
    spouseName: text(DG13_FIELDS.spouse),
    oldId: text(DG13_FIELDS.oldId),
  };
}
