/**
 * The Tra cứu desk (issue 5): a scanned CCCD QR code or a typed ID brings up the person — the card
 * beside the registry record with differences, the ID checks, open list entries about them — and
 * every look-up is logged as a checkpoint visit.
 */
import type { CheckpointVisit, LookupCard, LookupResult, LookupSource } from '../../shared/api-contract';
import { mrzLines, parseCccdMrz } from '../../shared/identity/cccd-mrz';
import { matchKey } from '../../shared/text/normalize';
import { entryDifferences, type RegistryFacts } from '../../shared/verification/differences';
import type { ComparedField } from '../../shared/verification/vocabulary';
import { parseCccdQr } from '../../shared/identity/cccd-qr';
import { checkIdNumber } from '../../shared/identity/id-check';
import { translate, type Locale } from '../../shared/i18n';
import { fail, ok, type Result } from '../../shared/result';
import type { Db } from '../db/open-database';
import { adminUnits } from '../admin-units/admin-units';
import { registryFacts } from '../lists/check-list';
import { residentView, type ResidentRow } from '../registry/resident-rows';

export interface LookupRequest {
  readonly text: string;
  readonly place: string;
  readonly direction: 'visit' | 'in' | 'out';
}

/** Looks a person up from a scan or a typed number and logs the visit, in one transaction. */
export function lookupScan(db: Db, request: LookupRequest, now: Date, locale: Locale): Result<LookupResult> {
  const text = request.text.trim();
  const t = (problem: { key: Parameters<typeof translate>[1]; params?: Parameters<typeof translate>[2] }) =>
    translate(locale, problem.key, problem.params);
  let card: LookupCard | null = null;
  let source: LookupSource = 'typed';
  let warnings: string[] = [];
  let number: string;
  const mrz = mrzLines(text);
  if (mrz) {
    const parsed = parseCccdMrz(mrz, now);
    if (!parsed.ok) return parsed;
    const m = parsed.value;
    if (m.personalId === null) return fail('mrz.noPersonalId');
    card = {
      ...NO_CARD,
      personalId: m.personalId,
      fullName: m.fullName,
      birthDate: m.birthDate,
      sex: m.sex,
      expiryDate: m.expiryDate,
    };
    warnings = m.problems.map(t);
    number = m.personalId;
    source = 'mrz';
  } else if (text.includes('|')) {
    const parsed = parseCccdQr(text);
    if (!parsed.ok) return parsed;
    const { warnings: qrWarnings, extra: _extra, ...fields } = parsed.value;
    card = { ...NO_CARD, ...fields };
    warnings = qrWarnings.map(t);
    number = parsed.value.personalId;
    source = 'qr';
  } else {
    number = text;
  }
  const checked = checkIdNumber(number, card ? { birthDate: card.birthDate, sex: card.sex } : {});
  if (checked === null) return fail('lookup.notAnId', { value: text.slice(0, 40) });
  if (!card) warnings.push(...checked.problems.map(t));
  const resident =
    checked.kind === 'personal_id'
      ? db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE personal_id = ?').get(checked.normalized)
      : db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE old_id = ? LIMIT 2').all(checked.normalized).length === 1
        ? db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE old_id = ?').get(checked.normalized)
        : undefined;
  const differences = card && resident ? cardDifferences(card, source, registryFacts(resident)) : [];
  const openEntries = resident
    ? db
        .prepare<[number], { listId: number; fileName: string; row: number; status: string }>(
          `SELECT l.id AS listId, l.file_name AS fileName, e.row, r.status FROM entry_results r
           JOIN list_entries e ON e.id = r.entry_id JOIN lists l ON l.id = e.list_id
           WHERE r.resident_id = ? AND r.status NOT IN ('matched', 'duplicate', 'foreign') AND e.resolution IS NULL ORDER BY l.id DESC`,
        )
        .all(resident.id)
    : [];
  const visitId = Number(
    db
      .prepare(
        'INSERT INTO checkpoint_visits (at, place, direction, personal_id, full_name, resident_id, source) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        now.toISOString(),
        request.place,
        request.direction,
        checked.normalized,
        resident?.full_name ?? card?.fullName ?? null,
        resident?.id ?? null,
        source,
      ).lastInsertRowid,
  );
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
    warnings,
    openEntries: openEntries as LookupResult['openEntries'],
    visitId,
  });
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
      `SELECT id, at, place, direction, personal_id AS personalId, full_name AS fullName, source FROM checkpoint_visits
       WHERE (@place IS NULL OR place = @place) AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at <= @to)
       ORDER BY at DESC, id DESC LIMIT @limit`,
    )
    .all({ place: query.place ?? null, from: query.from ?? null, to: query.to ?? null, limit: query.limit ?? 500 });
}
