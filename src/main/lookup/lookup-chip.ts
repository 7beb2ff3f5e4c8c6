/**
 * The lookup desk with the chip reader (issue 20): a QR code or MRZ scanned at the desk is also the
 * key for the card's chip, and a card read in the background is looked up like a scan — the chip's
 * data beside the registry record, compared with the QR code that opened it, the visit logged as
 * identified by the chip with its verdict.
 */
import type { LookupCard, LookupResult } from '../../shared/api-contract';
import type { Locale } from '../../shared/i18n';
import { parseCccdQr } from '../../shared/identity/cccd-qr';
import { fail, type Result } from '../../shared/result';
import type { ChipDesk, KeptRead } from '../chip/chip-desk';
import type { Db } from '../db/open-database';
import { lookUpPerson, lookupScan, qrChipDifferences, type LookupRequest } from './lookup';

/** A scan at the desk: looked up, and (a QR code or MRZ) offered to the chip reader as the card's key. */
export function lookupAtDesk(db: Db, desk: ChipDesk, request: LookupRequest, now: Date, locale: Locale): Result<LookupResult> {
  const found = lookupScan(db, request, now, locale, (personalId) => desk.keptFor(personalId)?.read ?? null);
  // The card's chip was read already: its key is not needed again (and must not open the next card).
  if (!found.ok || found.value.chip !== null) return found;
  const text = request.text.trim();
  if (found.value.source === 'qr') desk.offerKey({ kind: 'qr', payload: text });
  if (found.value.source === 'mrz') desk.offerKey({ kind: 'mrz', lines: text });
  return found;
}

export interface ChipLookupRequest {
  readonly readId: number;
  readonly place: string;
  readonly direction: 'visit' | 'in' | 'out';
  readonly visitId?: number | undefined;
}

/** A card the desk's chip reader read: the person looked up and the visit logged (or the scan's visit taken over). */
export function lookupChipRead(
  db: Db,
  desk: ChipDesk,
  request: ChipLookupRequest,
  now: Date,
  locale: Locale,
): Result<LookupResult> {
  const kept = desk.kept(request.readId);
  if (kept === null) return fail('chip.desk.readGone');
  return lookupKeptRead(db, kept, request, now, locale);
}

/** Looks up a kept chip read (exported for tests that read a card without the desk's reader). */
export function lookupKeptRead(
  db: Db,
  kept: KeptRead,
  request: Omit<ChipLookupRequest, 'readId'>,
  now: Date,
  locale: Locale,
): Result<LookupResult> {
  const { read } = kept;
  if (read.personalId === null) return fail('chip.desk.noId');
  const card: LookupCard = {
    personalId: read.personalId,
    oldId: read.oldId,
    fullName: read.fullName ?? '',
    birthDate: read.birthDate,
    sex: read.sex,
    address: read.placeOfResidence,
    issueDate: read.issueDate,
    expiryDate: read.expiryDate,
  };
  const qr = kept.key.kind === 'qr' ? parseCccdQr(kept.key.payload) : null;
  const qrDifferences = qr?.ok ? qrChipDifferences({ ...qr.value, expiryDate: null }, read) : null;
  return lookUpPerson(
    db,
    { source: 'chip', card, number: read.personalId, warnings: [], chip: { read, qrDifferences } },
    request,
    now,
    locale,
  );
}
