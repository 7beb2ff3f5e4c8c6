/**
 * The Tra cứu desk (issue 5): a scanned CCCD QR code, its MRZ, its chip (issue 20) or a typed ID
 * brings up the person — the card beside the registry record with differences, the ID checks, open
 * list entries about them — and every look-up is logged as a checkpoint visit, with how the person
 * was identified and, for a chip, its verdict.
 */
import type { CheckpointVisit, LookupCard, LookupChip, LookupResult, LookupSource } from '../../shared/api-contract';
import type { AuthenticityStatus, ChipRead } from '../../shared/chip/chip-read';
import { mrzLines, parseCccdMrz } from '../../shared/identity/cccd-mrz';
import { matchKey } from '../../shared/text/normalize';
import { addressNotes, entryDifferences, type RegistryFacts } from '../../shared/verification/differences';
import type { ComparedField } from '../../shared/verification/vocabulary';
import { parseCccdQr } from '../../shared/identity/cccd-qr';
import { checkIdNumber } from '../../shared/identity/id-check';
import { translate, type Locale } from '../../shared/i18n';
import { fail, ok, type Problem, type Result } from '../../shared/result';
import type { Db } from '../db/open-database';
import { adminUnits } from '../admin-units/admin-units';
import { registryFacts } from '../lists/check-list';
import { recordAccess } from '../privacy/access-log';
import { residentView, type ResidentRow } from '../registry/resident-rows';

export interface LookupRequest {
  readonly text: string;
  readonly place: string;
  readonly direction: 'visit' | 'in' | 'out';
}

type Translate = (problem: Problem) => string;

/** What a scan (or a chip) says, before the registry is asked. */
export interface Identified {
  readonly source: LookupSource;
  readonly card: LookupCard | null;
  /** The number to look up: the card's ID, or what was typed. */
  readonly number: string;
  readonly warnings: string[];
  readonly chip: LookupChip | null;
}

/** The card a scan's text is: MRZ lines, a QR code, or a typed number (no card). */
function identify(text: string, now: Date, t: Translate): Result<Identified> {
  const mrz = mrzLines(text);
  if (mrz) {
    const parsed = parseCccdMrz(mrz, now);
    if (!parsed.ok) return parsed;
    const m = parsed.value;
    if (m.personalId === null) return fail('mrz.noPersonalId');
    const card = { ...NO_CARD, personalId: m.personalId, fullName: m.fullName, birthDate: m.birthDate, sex: m.sex };
    return ok({
      source: 'mrz',
      card: { ...card, expiryDate: m.expiryDate },
      number: m.personalId,
      warnings: m.problems.map(t),
      chip: null,
    });
  }
  if (text.includes('|')) {
    const parsed = parseCccdQr(text);
    if (!parsed.ok) return parsed;
    const { warnings, extra: _extra, ...fields } = parsed.value;
    const card = { ...NO_CARD, ...fields };
    return ok({ source: 'qr', card, number: card.personalId, warnings: warnings.map(t), chip: null });
  }
  return ok({ source: 'typed', card: null, number: text, warnings: [], chip: null });
}

const translator =
  (locale: Locale): Translate =>
  (problem) =>
    translate(locale, problem.key, problem.params);

/**
 * Looks a person up from a scan or a typed number and logs the visit, in one transaction. `chipOf`:
 * the chip of a card read at the desk minutes before, which a QR scan of the same card is compared with.
 */
export function lookupScan(
  db: Db,
  request: LookupRequest,
  now: Date,
  locale: Locale,
  chipOf: (personalId: string) => ChipRead | null = () => null,
): Result<LookupResult> {
  const found = identify(request.text.trim(), now, translator(locale));
  if (!found.ok) return found;
  const { card, source } = found.value;
  const read = source === 'qr' && card ? chipOf(card.personalId) : null;
  const chip = read && card ? { read, qrDifferences: qrChipDifferences(card, read) } : null;
  return lookUpPerson(db, { ...found.value, chip }, request, now, locale);
}

/** Where a card's QR code and its chip disagree (a printed QR proves nothing; the chip is signed). */
export function qrChipDifferences(qr: LookupCard, chip: ChipRead): ComparedField[] {
  const chipFacts: RegistryFacts = {
    personalId: chip.personalId ?? '',
    oldId: chip.oldId,
    fullName: chip.fullName ?? '',
    birthDate: chip.birthDate,
    sex: chip.sex,
    permanentAddress: chip.placeOfResidence,
    currentAddress: null,
  };
  return entryDifferences({ ...qr, idNumber: qr.personalId }, chipFacts, adminUnits);
}

/** The registry's record for what was identified, the differences and open entries; the visit logged. */
export function lookUpPerson(
  db: Db,
  found: Identified,
  request: Pick<LookupRequest, 'place' | 'direction'> & { readonly visitId?: number | undefined },
  now: Date,
  locale: Locale,
): Result<LookupResult> {
  const { card, source } = found;
  const checked = checkIdNumber(found.number, card ? { birthDate: card.birthDate, sex: card.sex } : {});
  if (checked === null) return fail('lookup.notAnId', { value: found.number.slice(0, 40) });
  const warnings = card ? found.warnings : [...found.warnings, ...checked.problems.map(translator(locale))];
  const resident = residentOf(db, checked.kind, checked.normalized);
  const facts = resident ? registryFacts(resident) : null;
  const differences = card && facts ? cardDifferences(card, source, facts) : [];
  const notes =
    card?.address && facts && !differences.includes('address')
      ? addressNotes({ ...card, idNumber: card.personalId }, facts, adminUnits)
      : [];
  const visitId = logVisit(db, {
    ...request,
    at: now.toISOString(),
    personalId: checked.normalized,
    fullName: resident?.full_name ?? card?.fullName ?? null,
    residentId: resident?.id ?? null,
    source,
    chipStatus: found.chip && source === 'chip' ? found.chip.read.authenticity.status : null,
  });
  // Who looked this person up at the desk (issue 21's access log).
  const action = source === 'chip' ? 'chip' : 'scan';
  recordAccess(db, [{ action, personalId: resident?.personal_id ?? checked.normalized, context: `desk:${request.place}` }], now);
  return ok({
    source,
    card,
    number: checked.normalized,
    idCheck: {
      valid: checked.valid,
      kind: checked.kind,
      provinceName: checked.provinceName,
      provinceNow: checked.provinceNow,
      sex: checked.sex,
      birthYear: checked.birthYear,
    },
    resident: resident ? residentView(resident) : null,
    differences,
    ...(notes.length > 0 ? { addressNotes: notes } : {}),
    chip: found.chip,
    warnings,
    openEntries: openEntriesOf(db, resident?.id ?? null),
    visitId,
  });
}

function residentOf(db: Db, kind: 'personal_id' | 'cmnd', number: string): ResidentRow | undefined {
  if (kind === 'personal_id') {
    return db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE personal_id = ?').get(number);
  }
  const byOldId = db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE old_id = ? LIMIT 2').all(number);
  return byOldId.length === 1 ? byOldId[0] : undefined;
}

function openEntriesOf(db: Db, residentId: number | null): LookupResult['openEntries'] {
  if (residentId === null) return [];
  return db
    .prepare<[number], LookupResult['openEntries'][number]>(
      `SELECT l.id AS listId, l.file_name AS fileName, e.row, r.status FROM entry_results r
       JOIN list_entries e ON e.id = r.entry_id JOIN lists l ON l.id = e.list_id
       WHERE r.resident_id = ? AND r.status NOT IN ('matched', 'duplicate', 'foreign') AND e.resolution IS NULL ORDER BY l.id DESC`,
    )
    .all(residentId);
}

interface VisitRow {
  readonly at: string;
  readonly place: string;
  readonly direction: 'visit' | 'in' | 'out';
  readonly personalId: string;
  readonly fullName: string | null;
  readonly residentId: number | null;
  readonly source: LookupSource;
  readonly chipStatus: AuthenticityStatus | null;
  /** The visit the desk logged for this card's QR or MRZ scan just before: it becomes this one. */
  readonly visitId?: number | undefined;
}

/** Logs a checkpoint visit; a chip read of the card just scanned takes over that scan's visit. */
function logVisit(db: Db, visit: VisitRow): number {
  if (visit.visitId !== undefined && visit.source === 'chip') {
    const taken = db
      .prepare(
        `UPDATE checkpoint_visits SET source = @source, chip_status = @chipStatus, full_name = @fullName, resident_id = @residentId
         WHERE id = @visitId AND personal_id = @personalId AND source IN ('qr', 'mrz', 'typed')`,
      )
      .run({ ...visit, visitId: visit.visitId });
    if (taken.changes === 1) return visit.visitId;
  }
  return Number(
    db
      .prepare(
        `INSERT INTO checkpoint_visits (at, place, direction, personal_id, full_name, resident_id, source, chip_status)
         VALUES (@at, @place, @direction, @personalId, @fullName, @residentId, @source, @chipStatus)`,
      )
      .run({
        at: visit.at,
        place: visit.place,
        direction: visit.direction,
        personalId: visit.personalId,
        fullName: visit.fullName,
        residentId: visit.residentId,
        source: visit.source,
        chipStatus: visit.chipStatus,
      }).lastInsertRowid,
  );
}

const NO_CARD: LookupCard = {
  personalId: '',
  oldId: null,
  fullName: '',
  birthDate: null,
  sex: null,
  address: null,
  issueDate: null,
  expiryDate: null,
};

/**
 * Where the card and the registry differ. An MRZ writes the name without accents and cut at 30
 * characters, so there a name differs only when its letters do.
 */
function cardDifferences(card: LookupCard, source: LookupSource, resident: RegistryFacts): ComparedField[] {
  const mrzNameAgrees = source === 'mrz' && nameAgreesWithMrz(card.fullName, resident.fullName);
  return entryDifferences(
    { ...card, fullName: mrzNameAgrees ? null : card.fullName, idNumber: card.personalId, address: card.address },
    resident,
    adminUnits,
  );
}

function nameAgreesWithMrz(mrzName: string, registryName: string): boolean {
  const mrz = matchKey(mrzName).replace(/\s+/g, '');
  const registry = matchKey(registryName).replace(/\s+/g, '');
  return mrz === registry || (mrz.length >= 25 && registry.startsWith(mrz));
}

export interface VisitQuery {
  readonly place?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
}

/** Visits, newest first: at a place, between two times — who was where, for F1/F2 tracing. */
export function checkpointVisits(db: Db, query: VisitQuery): CheckpointVisit[] {
  return db
    .prepare<{ place: string | null; from: string | null; to: string | null; limit: number }, CheckpointVisit>(
      `SELECT id, at, place, direction, personal_id AS personalId, full_name AS fullName, source, chip_status AS chipStatus
       FROM checkpoint_visits
       WHERE (@place IS NULL OR place = @place) AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at <= @to)
       ORDER BY at DESC, id DESC LIMIT @limit`,
    )
    .all({ place: query.place ?? null, from: query.from ?? null, to: query.to ?? null, limit: query.limit ?? 500 });
}
