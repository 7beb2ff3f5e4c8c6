/**
 * The QR code on the chip ID card (DOMAIN.md §3):
 * `ID|old CMND or empty|full name|DDMMYYYY birth|Nam/Nữ|permanent address|DDMMYYYY issue date`,
 * and on cards from 2024 more trailing fields (kept in `extra`, meaning unconfirmed).
 */
import { parseDateText, type IsoDate } from '../dates';
import type { Problem, Result } from '../result';
import { fail, ok } from '../result';
import { parseSex } from '../sex';
import { looksLikeMojibake, repairMojibake } from '../text/mojibake';
import { cleanText } from '../text/normalize';
import type { Sex } from '../types';
import { checkIdNumber } from './id-check';

export interface CccdQr {
  readonly personalId: string;
  readonly oldId: string | null;
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly sex: Sex | null;
  readonly address: string;
  readonly issueDate: IsoDate;
  readonly extra: readonly string[];
  readonly warnings: readonly Problem[];
}

/** Payloads longer than this are not ID cards (a card's is about 150 characters). */
export const MAX_QR_PAYLOAD = 1000;

function dmy(value: string): IsoDate | null {
  return /^\d{8}$/.test(value) ? parseDateText(value) : null;
}

function lostDiacritics(text: string): boolean {
  return text.includes('?') || text.includes('\ufffd');
}

/** Repairs what can be repaired of a scanner-mangled text field and says what was wrong. */
function textField(raw: string, field: string, warnings: Problem[]): string {
  let text = cleanText(raw);
  if (looksLikeMojibake(text)) {
    const repaired = repairMojibake(text);
    if (repaired !== null) {
      text = repaired;
      warnings.push({ key: 'qr.mojibakeRepaired', params: { field } });
    } else warnings.push({ key: 'qr.diacriticsLost', params: { field } });
  } else if (lostDiacritics(text)) warnings.push({ key: 'qr.diacriticsLost', params: { field } });
  return text;
}

/** Parses a scanned CCCD QR payload; anything that is not one is an error, oddities are warnings. */
export function parseCccdQr(payload: string): Result<CccdQr> {
  if (payload.length > MAX_QR_PAYLOAD) return fail('qr.tooLong', { length: payload.length, max: MAX_QR_PAYLOAD });
  // Scanners add CR/LF, tabs and sometimes other control characters around the payload.
  // eslint-disable-next-line no-control-regex
  const text = payload.normalize('NFC').replace(/^[\s\u0000-\u001f]+|[\s\u0000-\u001f]+$/g, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return fail('qr.notCccd');
  const fields = text.split('|');
  if (fields.length < 7) return fail(fields.length === 1 ? 'qr.notCccd' : 'qr.tooFewFields', { count: fields.length });
  const [rawId, rawOld, rawName, rawBirth, rawSex, rawAddress, rawIssue, ...extra] = fields.map((f) => f.trim()) as [
    string, string, string, string, string, string, string, ...string[],
  ]; // prettier-ignore
  if (!/^\d{12}$/.test(rawId)) return fail('qr.badId', { value: rawId });
  if (rawOld !== '' && !/^\d{9}(\d{3})?$/.test(rawOld)) return fail('qr.badOldId', { value: rawOld });
  const birthDate = dmy(rawBirth);
  if (birthDate === null) return fail('qr.badDate', { field: 'ngày sinh', value: rawBirth });
  const issueDate = dmy(rawIssue);
  if (issueDate === null) return fail('qr.badDate', { field: 'ngày cấp', value: rawIssue });
  if (rawName === '') return fail('qr.noName');

  const warnings: Problem[] = [];
  const fullName = textField(rawName, 'họ tên', warnings);
  const address = textField(rawAddress, 'địa chỉ', warnings);
  const sexText = textField(rawSex, 'giới tính', warnings);
  let sex = parseSex(sexText);
  const idCheck = checkIdNumber(rawId, { birthDate })!;
  if (sex === null) {
    sex = idCheck.sex;
    warnings.push({ key: 'qr.sexUnreadable', params: { value: rawSex } });
  } else if (idCheck.sex !== null && idCheck.sex !== sex) {
    warnings.push({
      key: 'id.sexMismatch',
      params: { idSex: idCheck.sex === 'male' ? 'nam' : 'nữ', givenSex: sex === 'male' ? 'nam' : 'nữ' },
    });
  }
  // A keyboard-mode scanner drops every diacritic; an address is never plain ASCII.
  if (!warnings.some((w) => w.key === 'qr.diacriticsLost') && /^[\x20-\x7e]*$/.test(fullName + address) && address !== '') {
    warnings.push({ key: 'qr.diacriticsLost', params: { field: 'họ tên, địa chỉ' } });
  }
  warnings.push(...idCheck.problems);
  if (issueDate < birthDate) warnings.push({ key: 'qr.issueBeforeBirth' });
  return ok({
    personalId: rawId,
    oldId: rawOld === '' ? null : rawOld,
    fullName,
    birthDate,
    sex,
    address,
    issueDate,
    extra,
    warnings,
  });
}
