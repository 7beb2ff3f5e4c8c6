/**
 * The key material of Basic Access Control (ICAO 9303 part 11 §4.3): document number, birth date and
 * expiry date, each with its check digit, from an MRZ, from the card's QR code (expiry derived from
 * the renewal ages) or typed.
 */
import type { IsoDate } from '../dates';
import { parseDateText } from '../dates';
import { mrzLines } from '../identity/cccd-mrz';
import { parseCccdQr } from '../identity/cccd-qr';
import type { Result } from '../result';
import { fail, ok } from '../result';
import { expiryCandidates } from './expiry-rules';

/** Where the BAC key came from. */
export type KeySource =
  | { readonly kind: 'mrz'; readonly lines: readonly string[] | string }
  | { readonly kind: 'qr'; readonly payload: string }
  | {
      readonly kind: 'typed';
      /** The 12-digit ID or the 9-character document number. */
      readonly documentNumber: string;
      readonly birthDate: IsoDate;
      /** null: the card has no expiry; undefined: derive it from `issueDate`. */
      readonly expiryDate?: IsoDate | null | undefined;
      readonly issueDate?: IsoDate | undefined;
    };

/** One key to try: the MRZ fields BAC hashes. */
export interface BacKey {
  /** Nine characters, `<`-padded. */
  readonly documentNumber: string;
  /** YYMMDD. */
  readonly birth: string;
  /** YYMMDD, or `<<<<<<` for a card without expiry. */
  readonly expiry: string;
  readonly birthDate: IsoDate | null;
  readonly expiryDate: IsoDate | null;
}

const WEIGHTS = [7, 3, 1];

/** The ICAO 9303 check digit of MRZ characters (digits, A–Z, `<`). */
export function mrzCheckDigit(text: string): string {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const value = c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * WEIGHTS[i % 3]!;
  }
  return String(sum % 10);
}

/** The MRZ information BAC hashes: number, birth and expiry, each followed by its check digit. */
export function mrzInformation(key: Pick<BacKey, 'documentNumber' | 'birth' | 'expiry'>): string {
  const number = key.documentNumber.padEnd(9, '<');
  return number + mrzCheckDigit(number) + key.birth + mrzCheckDigit(key.birth) + key.expiry + mrzCheckDigit(key.expiry);
}

function yymmdd(date: IsoDate): string {
  return date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);
}

/** The CCCD's document number: the last nine digits of the 12-digit ID (DOMAIN.md §3). */
export function documentNumberOf(id: string): string {
  const digits = id.replace(/[\s.]/g, '').toUpperCase();
  return digits.length === 12 && /^\d+$/.test(digits) ? digits.slice(3) : digits;
}

function typedKeys(source: Extract<KeySource, { kind: 'typed' }>): Result<BacKey[]> {
  const documentNumber = documentNumberOf(source.documentNumber);
  if (!/^[A-Z0-9<]{1,9}$/.test(documentNumber)) return fail('chip.key.badNumber', { value: source.documentNumber });
  const birth = parseDateText(source.birthDate);
  if (birth === null || birth.length !== 10) return fail('chip.key.badDate', { value: source.birthDate });
  let expiries: (IsoDate | null)[];
  if (source.expiryDate !== undefined) {
    const expiry = source.expiryDate === null ? null : parseDateText(source.expiryDate);
    if (expiry !== null && expiry.length !== 10) return fail('chip.key.badDate', { value: source.expiryDate ?? '' });
    expiries = [expiry];
  } else if (source.issueDate !== undefined) {
    const issue = parseDateText(source.issueDate);
    if (issue === null || issue.length !== 10) return fail('chip.key.badDate', { value: source.issueDate });
    expiries = expiryCandidates(birth, issue);
  } else return fail('chip.key.noExpiry');
  return ok(expiries.flatMap((expiry) => keysFor(documentNumber, birth, expiry)));
}

/** The keys for one expiry; a card without expiry is tried with both ways of writing "none". */
function keysFor(documentNumber: string, birth: IsoDate, expiry: IsoDate | null): BacKey[] {
  const base = { documentNumber: documentNumber.padEnd(9, '<'), birth: yymmdd(birth), birthDate: birth };
  if (expiry !== null) return [{ ...base, expiry: yymmdd(expiry), expiryDate: expiry }];
  // UNCONFIRMED: how a card that never expires writes its expiry in the MRZ.
  return [
    { ...base, expiry: '<<<<<<', expiryDate: null },
    { ...base, expiry: '991231', expiryDate: null },
  ];
}

function mrzKeys(lines: readonly string[] | string): Result<BacKey[]> {
  const found = mrzLines(typeof lines === 'string' ? lines : lines.join('\n'));
  if (found === null) return fail('chip.key.badMrz');
  const [line1, line2] = found as [string, string, string];
  const documentNumber = line1.slice(5, 14);
  const birth = line2.slice(0, 6);
  const expiry = line2.slice(8, 14);
  if (!/^\d{6}$/.test(birth)) return fail('chip.key.badMrz');
  return ok([{ documentNumber, birth, expiry, birthDate: null, expiryDate: null }]);
}

function qrKeys(payload: string): Result<BacKey[]> {
  const qr = parseCccdQr(payload);
  if (!qr.ok) return qr;
  const { personalId, birthDate, issueDate } = qr.value;
  return ok(expiryCandidates(birthDate, issueDate).flatMap((e) => keysFor(documentNumberOf(personalId), birthDate, e)));
}

/** The keys to try in turn for a key source, or why it gives none. */
export function bacKeys(source: KeySource): Result<BacKey[]> {
  switch (source.kind) {
    case 'mrz':
      return mrzKeys(source.lines);
    case 'qr':
      return qrKeys(source.payload);
    case 'typed':
      return typedKeys(source);
  }
}
