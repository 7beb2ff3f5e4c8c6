/**
 * What an administrative document carries besides its table (Decree 30/2020/NĐ-CP, Annex I;
 * DOMAIN.md §7): the issuing bodies, the place, and who signs in which form. Kept in the settings.
 */
import { afterReform, namesDistrictBody } from '../admin-units/reform';
import type { IsoDate } from '../dates';

/** TM. (on behalf of the committee, signed by the chairman), KT. (deputy signing for the chairman), or the head signing in their own name. */
export type SignForm = 'TM' | 'KT' | 'direct';

export interface Letterhead {
  /**
   * The parent body, in capitals, or empty: a commune People's Committee has none since districts
   * were dissolved (1 July 2025); a district body here is not printed on papers dated from then.
   */
  readonly parentBody: string;
  /** The issuing body, in capitals: "ỦY BAN NHÂN DÂN XÃ TRUNG HÀ". */
  readonly issuingBody: string;
  /** The issuing body's abbreviation in document numbers: "UBND" in "Số: 12/DS-UBND". */
  readonly issuingCode: string;
  /** The place in the place-and-date line: "Trung Hà". */
  readonly place: string;
  readonly signForm: SignForm;
  /** The collective body a TM. signature is on behalf of: "ỦY BAN NHÂN DÂN". */
  readonly collective: string;
  /** The signer's title: "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TRƯỞNG TRẠM". */
  readonly signerTitle: string;
  readonly signerName: string;
  /** "Nơi nhận" entries, without the final archive line. */
  readonly recipients: readonly string[];
  /** What follows "Lưu:" in the last "Nơi nhận" entry: "VT, CA". */
  readonly archive: string;
}

export const DEFAULT_LETTERHEAD: Letterhead = {
  parentBody: '',
  issuingBody: 'ỦY BAN NHÂN DÂN XÃ TRUNG HÀ',
  issuingCode: 'UBND',
  place: 'Trung Hà',
  signForm: 'TM',
  collective: 'ỦY BAN NHÂN DÂN',
  signerTitle: 'CHỦ TỊCH',
  signerName: '',
  recipients: ['Công an xã Trung Hà', 'Trạm Y tế xã Trung Hà', 'Công an tỉnh Tuyên Quang'],
  archive: 'VT, CA',
};

/** "Trung Hà, ngày 05 tháng 01 năm 2022": days under 10 and months 1–2 zero-padded (Decree 30). */
export function placeAndDate(place: string, date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** The signature block's capitals: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] or ["TRƯỞNG TRẠM"]. */
export function signatureHeading(letterhead: Letterhead): string[] {
  switch (letterhead.signForm) {
    case 'TM':
      return [`TM. ${letterhead.collective}`, letterhead.signerTitle];
    case 'KT':
      return ['KT. CHỦ TỊCH', letterhead.signerTitle];
    case 'direct':
      return [letterhead.signerTitle];
  }
}

/** "Nơi nhận" lines: "- Công an xã Trung Hà;" … "- Lưu: VT, CA." */
export function recipientLines(letterhead: Letterhead): string[] {
  return [...letterhead.recipients.map((r) => `- ${r};`), `- Lưu: ${letterhead.archive}.`];
}

/**
 * The letterhead as a paper dated `issuedOn` prints it: from 1 July 2025 no district body, neither
 * as the parent body above the commune nor among the recipients (those bodies no longer exist).
 */
export function paperLetterhead(letterhead: Letterhead, issuedOn: IsoDate): Letterhead {
  if (!afterReform(issuedOn)) return letterhead;
  return {
    ...letterhead,
    parentBody: namesDistrictBody(letterhead.parentBody) ? '' : letterhead.parentBody,
    recipients: letterhead.recipients.filter((r) => !namesDistrictBody(r)),
  };
}

/**
 * The issuing body's lines in capitals. Without a parent body, a People's Committee is written
 * on two lines, "ỦY BAN NHÂN DÂN" over "XÃ TRUNG HÀ" (Decree 30/2020/NĐ-CP, Annex I).
 */
export function issuingBodyLines(letterhead: Letterhead): string[] {
  const body = letterhead.issuingBody.trim().toUpperCase();
  const committee = 'ỦY BAN NHÂN DÂN ';
  if (letterhead.parentBody.trim() === '' && body.normalize('NFC').startsWith(committee)) {
    return [committee.trim(), body.normalize('NFC').slice(committee.length).trim()];
  }
  return [body];
}

/**
 * The letterhead that fits a commune People's Committee since 1 July 2025, from another one: no
 * parent body, "ỦY BAN NHÂN DÂN XÃ CHIÊM HÓA", the commune's name as the place, and "Nơi nhận" naming
 * bodies that exist (the commune police and health station, the provincial police).
 */
export function communeLetterhead(
  base: Letterhead,
  commune: { readonly name: string; readonly provinceName: string },
): Letterhead {
  const name = commune.name.trim();
  const kind = /^(Xã|Phường|Đặc khu)\s+/u.exec(name);
  const bare = kind ? name.slice(kind[0].length) : name;
  const lowerKind = kind ? `${kind[1]!.toLowerCase()} ` : '';
  const place = /^\d/.test(bare) ? name : bare;
  const province = /^Thành phố\s/u.test(commune.provinceName)
    ? `thành phố ${commune.provinceName.replace(/^Thành phố\s+/u, '')}`
    : `tỉnh ${commune.provinceName}`;
  return {
    ...base,
    parentBody: '',
    issuingBody: `ỦY BAN NHÂN DÂN ${name.toUpperCase()}`,
    place,
    recipients: [`Công an ${lowerKind}${bare}`, `Trạm Y tế ${lowerKind}${bare}`, `Công an ${province}`],
  };
}

/**
 * The code printed as a QR on every page and kept in the PDF's metadata: what `doc verify` and the
 * lookup screen read back. ASCII only.
 */
export const DOCUMENT_CODE_PREFIX = 'DOICHIEU-DOC';

export interface DocumentCode {
  readonly number: string;
  readonly version: number;
  readonly hash: string;
}

export function formatDocumentCode(code: DocumentCode): string {
  return [DOCUMENT_CODE_PREFIX, code.number, String(code.version), code.hash].join('|');
}

export function parseDocumentCode(text: string): DocumentCode | null {
  const parts = text.trim().split('|');
  if (parts.length !== 4 || parts[0] !== DOCUMENT_CODE_PREFIX) return null;
  const [, number, version, hash] = parts as [string, string, string, string];
  if (!/^\d+\/[A-Z0-9-]+$/.test(number) || !/^[1-9]\d{0,5}$/.test(version) || !/^[0-9a-f]{64}$/.test(hash)) return null;
  return { number, version: Number(version), hash };
}
