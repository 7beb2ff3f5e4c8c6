/**
 * Update packages for the national registry (DESIGN.md §6, issue 7). A package is one .zip file:
 * `manifest.json` (format, package id, commune, sequence, time, officer, the previous package's
 * SHA-256, each file's SHA-256 and record count), `manifest.sig` (Ed25519 over the manifest's bytes
 * with the installation's key), `records.jsonl` (one record a line) and `records.xlsx` for people.
 * The zip is written deterministically (fixed entry order and time), so `package verify` can rebuild
 * it from its own entries and compare every byte. Format: docs/update-package.md.
 */
import { audit, signedHead, type AuditHead } from '../audit/audit';
import { recordPackageExport } from '../privacy/export-access';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { createHash, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { PackageCounts, PackageRecordType, PackagesState, PackageView } from '../../shared/api-contract';
import { translate, type Locale } from '../../shared/i18n';
import { fail, ok, type Result } from '../../shared/result';
import type { Db } from '../db/open-database';
import { writeTransactionResult } from '../db/write-transaction';
import { readLetterhead } from '../documents/documents';
import { pendingProposals } from '../lists/proposals';
import { canonicalJson } from '../../shared/canonical-json';
import { neutralizeFormula, styleHeaderCell } from '../spreadsheet/sheet-format';
import { installationKey, signBytes } from '../crypto/signing-key';
import { registryKeys } from './registry-keys';

export const PACKAGE_FORMAT = 'doichieu-update-package';
export const PACKAGE_FORMAT_VERSION = 1;
const RECORD_TYPES: readonly PackageRecordType[] = ['vaccination', 'correction', 'new_resident', 'infection'];
// DOS time in a zip is local wall-clock time; a fixed local date makes the bytes the same in every time zone.
const ZIP_TIME = new Date(2021, 10, 1, 0, 0, 0);
const ENTRY_ORDER = ['manifest.json', 'manifest.sig', 'records.jsonl', 'records.xlsx'];

export interface PackageRecord {
  readonly recordId: string;
  readonly type: PackageRecordType;
  readonly [field: string]: unknown;
}

export interface Manifest {
  readonly format: string;
  readonly formatVersion: number;
  readonly packageId: string;
  readonly sequence: number;
  readonly commune: { readonly name: string; readonly place: string };
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly previousPackageHash: string | null;
  readonly publicKey: string;
  readonly keyFingerprint: string;
  /** The audit trail's head when the package was made, signed: an anchor outside the machine. */
  readonly auditHead: AuditHead;
  readonly files: readonly { readonly name: string; readonly sha256: string; readonly bytes: number; readonly records: number }[];
  readonly counts: PackageCounts;
}

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const emptyCounts = (): Record<PackageRecordType, number> => ({ vaccination: 0, correction: 0, new_resident: 0, infection: 0 });

/** The latest answer per record ever exported: absent = never exported. */
function latestStatuses(db: Db): Map<string, string> {
  const latest = new Map<string, string>();
  for (const r of db
    .prepare<[], { record_id: string; status: string }>('SELECT record_id, status FROM package_records ORDER BY package_sequence')
    .iterate())
    latest.set(r.record_id, r.status);
  return latest;
}

/** Every record that could go to the registry, whether or not it already went. */
function candidateRecords(db: Db): PackageRecord[] {
  const records: PackageRecord[] = [];
  const vaccinations = db.prepare<
    [],
    {
      entry_id: number;
      personal_id: string;
      full_name: string | null;
      birth_date: string | null;
      address: string | null;
      vaccination_date: string;
      product_code: string;
      lot: string;
      dose: number;
      facility: string | null;
      confirmed_by: string;
      confirmed_at: string;
      list_id: number;
    }
  >(
    `SELECT v.list_entry_id AS entry_id, v.personal_id, v.full_name, v.birth_date, v.address, v.vaccination_date, v.product_code,
       v.lot, v.dose, v.facility, l.confirmed_by, l.confirmed_at, l.id AS list_id
     FROM vaccinations v JOIN list_entries e ON e.id = v.list_entry_id JOIN lists l ON l.id = e.list_id
     JOIN entry_results r ON r.entry_id = e.id
     WHERE l.confirmed_at IS NOT NULL AND v.personal_id IS NOT NULL AND v.problems = '[]'
       AND (r.status = 'matched' OR e.resolution IN ('list_corrected', 'registry_corrected', 'candidate_chosen'))`,
  );
  for (const v of vaccinations.iterate())
    records.push({
      recordId: `vaccination-${v.entry_id}`,
      type: 'vaccination',
      personalId: v.personal_id,
      fullName: v.full_name,
      birthDate: v.birth_date,
      permanentAddress: v.address,
      vaccinationDate: v.vaccination_date,
      vaccine: v.product_code,
      lot: v.lot,
      dose: v.dose,
      facility: v.facility,
      listId: v.list_id,
      confirmedBy: v.confirmed_by,
      confirmedAt: v.confirmed_at,
    });
  const changes = db.prepare<
    [],
    {
      id: number;
      kind: 'correction' | 'new';
      fields: string;
      evidence: string | null;
      personal_id: string | null;
      created_at: string;
    }
  >(
    `SELECT c.id, c.kind, c.fields, c.evidence, r.personal_id, c.created_at FROM resident_changes c
     LEFT JOIN residents r ON r.id = c.resident_id`,
  );
  for (const c of changes.iterate()) {
    const type: PackageRecordType = c.kind === 'new' ? 'new_resident' : 'correction';
    records.push({
      recordId: `${type}-${c.id}`,
      type,
      personalId: c.personal_id,
      fields: JSON.parse(c.fields) as unknown,
      evidence: c.evidence,
      recordedAt: c.created_at,
    });
  }
  const infections = db.prepare<
    [],
    {
      id: number;
      personal_id: string;
      full_name: string | null;
      confirmed_on: string;
      recovered_on: string | null;
      test: string | null;
    }
  >('SELECT id, personal_id, full_name, confirmed_on, recovered_on, test FROM infections');
  for (const i of infections.iterate())
    records.push({
      recordId: `infection-${i.id}`,
      type: 'infection',
      personalId: i.personal_id,
      fullName: i.full_name,
      confirmedOn: i.confirmed_on,
      recoveredOn: i.recovered_on,
      test: i.test,
    });
  return records;
}

/** Records not yet exported, or rejected by the registry since. */
export function waitingRecords(db: Db): PackageRecord[] {
  const latest = latestStatuses(db);
  return candidateRecords(db).filter((r) => {
    const status = latest.get(r.recordId);
    return status === undefined || status === 'rejected';
  });
}

function countsOf(records: readonly PackageRecord[]): PackageCounts {
  const counts = emptyCounts();
  for (const r of records) counts[r.type]++;
  return counts;
}

const XLSX_COLUMNS = {
  vaccination: [
    'recordId',
    'personalId',
    'fullName',
    'birthDate',
    'vaccinationDate',
    'vaccine',
    'lot',
    'dose',
    'facility',
    'confirmedBy',
  ],
  correction: ['recordId', 'personalId', 'fields', 'evidence', 'recordedAt'],
  new_resident: ['recordId', 'fields', 'evidence', 'recordedAt'],
  infection: ['recordId', 'personalId', 'fullName', 'confirmedOn', 'recoveredOn', 'test'],
} as const satisfies Readonly<Record<PackageRecordType, readonly string[]>>;

/** The records for people, one sheet per kind; written by exceljs's streaming writer (100,000 rows in one go). */
async function recordsWorkbook(records: readonly PackageRecord[], locale: Locale): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  workbook.created = ZIP_TIME;
  workbook.modified = ZIP_TIME;
  for (const type of RECORD_TYPES) {
    const rows = records.filter((r) => r.type === type);
    if (rows.length === 0) continue;
    const sheet = workbook.addWorksheet(translate(locale, `package.type.${type}`), { views: [{ state: 'frozen', ySplit: 1 }] });
    const columns: readonly (typeof XLSX_COLUMNS)[PackageRecordType][number][] = XLSX_COLUMNS[type];
    const text = (value: unknown) =>
      neutralizeFormula(
        value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value),
      );
    const titles = columns.map((c) => translate(locale, `package.col.${c}`));
    const sample = rows.slice(0, 500).map((r) => columns.map((c) => text(r[c])));
    // Column-wide text format, widths from a sample: IDs stay text, and nothing is styled cell by cell.
    sheet.columns = columns.map((c, i) => ({
      key: c,
      width: Math.min(60, Math.max(10, titles[i]!.length + 2, ...sample.map((v) => v[i]!.length + 2))),
      style: { numFmt: '@' },
    }));
    const header = sheet.getRow(1);
    header.values = titles;
    header.eachCell((cell) => styleHeaderCell(cell));
    header.commit();
    for (const r of rows) sheet.addRow(columns.map((c) => text(r[c]))).commit();
    sheet.commit();
  }
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

export function zip(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date; level: 0 | 6 }]> = {};
  for (const name of ENTRY_ORDER) {
    const data = entries.get(name);
    // An .xlsx is a zip already: stored as it is.
    if (data) files[name] = [data, { mtime: ZIP_TIME, level: name.endsWith('.xlsx') ? 0 : 6 }];
  }
  return zipSync(files);
}

export interface ExportedPackage {
  readonly fileName: string;
  readonly data: Uint8Array;
  readonly view: PackageView;
}

export interface ExportOptions {
  readonly by: string | null;
  readonly now: Date;
  readonly locale: Locale;
  /**
   * Puts the file where it goes (the CLI: a temporary file beside the target, flushed, renamed),
   * last thing before the commit: when it fails, nothing is recorded and the same records wait.
   */
  readonly deliver?: (fileName: string, data: Uint8Array) => Result<void>;
}

/** Writes the next package: every waiting record, signed, chained to the previous package. */
export async function exportPackage(db: Db, options: ExportOptions): Promise<Result<ExportedPackage>> {
  const records = waitingRecords(db).sort((a, b) =>
    a.type === b.type
      ? a.recordId.localeCompare(b.recordId, 'en', { numeric: true })
      : RECORD_TYPES.indexOf(a.type) - RECORD_TYPES.indexOf(b.type),
  );
  if (records.length === 0) return fail('package.nothing');
  const key = installationKey(db);
  const previous = db
    .prepare<[], { sequence: number; file_sha256: string }>(
      'SELECT sequence, file_sha256 FROM packages ORDER BY sequence DESC LIMIT 1',
    )
    .get();
  const sequence = (previous?.sequence ?? 0) + 1;
  const letterhead = readLetterhead(db);
  const jsonl = new TextEncoder().encode(records.map((r) => canonicalJson(r)).join('\n') + '\n');
  const xlsx = await recordsWorkbook(records, options.locale);
  const counts = countsOf(records);
  const packageId = randomUUID();
  const fileName = `goi-cap-nhat-${String(sequence).padStart(4, '0')}.zip`;
  // One transaction: the audit entry of this export, the signed chain head the package carries out
  // of the machine, the package and its records.
  const written = writeTransactionResult(db, writePackage);
  if (!written.ok) return written;
  return ok({ fileName, data: written.value, view: packageViews(db).find((p) => p.sequence === sequence)! });

  function writePackage(): Result<Uint8Array> {
    // Another process exported meanwhile: its package took this number (and maybe these records).
    const latest = db.prepare<[], { n: number | null }>('SELECT max(sequence) AS n FROM packages').get()!.n ?? 0;
    if (latest !== sequence - 1) return fail('package.changedMeanwhile');
    audit(db, 'package.export', `package:${sequence}`, { packageId, ...counts }, options.now);
    recordPackageExport(db, sequence, records, options.now);
    const auditHead = signedHead(db, `package:${sequence}`, options.now);
    const manifest: Manifest = {
      format: PACKAGE_FORMAT,
      formatVersion: PACKAGE_FORMAT_VERSION,
      packageId,
      sequence,
      commune: { name: letterhead.issuingBody, place: letterhead.place },
      createdAt: options.now.toISOString(),
      createdBy: options.by,
      previousPackageHash: previous?.file_sha256 ?? null,
      publicKey: key.publicKey,
      keyFingerprint: key.fingerprint,
      auditHead,
      files: [
        { name: 'records.jsonl', sha256: sha256(jsonl), bytes: jsonl.length, records: records.length },
        { name: 'records.xlsx', sha256: sha256(xlsx), bytes: xlsx.length, records: records.length },
      ],
      counts,
    };
    const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
    const signature = new TextEncoder().encode(`${signBytes(key, manifestBytes)}\n`);
    const data = zip(
      new Map([
        ['manifest.json', manifestBytes],
        ['manifest.sig', signature],
        ['records.jsonl', jsonl],
        ['records.xlsx', xlsx],
      ]),
    );
    db.prepare(
      `INSERT INTO packages (sequence, package_id, created_at, created_by, file_name, file_sha256, data, counts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(sequence, packageId, manifest.createdAt, options.by, fileName, sha256(data), data, JSON.stringify(counts));
    const insert = db.prepare('INSERT INTO package_records (record_id, package_sequence) VALUES (?, ?)');
    for (const r of records) insert.run(r.recordId, sequence);
    db.prepare(
      `UPDATE resident_changes SET status = 'exported' WHERE id IN (SELECT CAST(substr(value, instr(value, '-') + 1) AS INTEGER) FROM json_each(?))`,
    ).run(JSON.stringify(records.filter((r) => r.type === 'correction' || r.type === 'new_resident').map((r) => r.recordId)));
    const delivered = options.deliver?.(fileName, data) ?? ok(undefined);
    return delivered.ok ? ok(data) : delivered;
  }
}

/** Package N exactly as it was written. */
export function storedPackage(db: Db, sequence: number): { fileName: string; data: Uint8Array } | null {
  const row = db
    .prepare<[number], { file_name: string; data: Buffer }>('SELECT file_name, data FROM packages WHERE sequence = ?')
    .get(sequence);
  return row ? { fileName: row.file_name, data: new Uint8Array(row.data) } : null;
}

export function packageViews(db: Db): PackageView[] {
  return db
    .prepare<
      [],
      {
        sequence: number;
        package_id: string;
        file_name: string;
        created_at: string;
        created_by: string | null;
        file_sha256: string;
        bytes: number;
        counts: string;
        acknowledged_at: string | null;
        accepted: number;
        rejected: number;
      }
    >(
      `SELECT p.sequence, p.package_id, p.file_name, p.created_at, p.created_by, p.file_sha256, length(p.data) AS bytes, p.counts,
         p.acknowledged_at,
         (SELECT count(*) FROM package_records r WHERE r.package_sequence = p.sequence AND r.status = 'accepted') AS accepted,
         (SELECT count(*) FROM package_records r WHERE r.package_sequence = p.sequence AND r.status = 'rejected') AS rejected
       FROM packages p ORDER BY p.sequence DESC`,
    )
    .all()
    .map((p) => ({
      sequence: p.sequence,
      packageId: p.package_id,
      fileName: p.file_name,
      createdAt: p.created_at,
      createdBy: p.created_by,
      sha256: p.file_sha256,
      bytes: p.bytes,
      counts: JSON.parse(p.counts) as PackageCounts,
      acknowledgedAt: p.acknowledged_at,
      accepted: p.accepted,
      rejected: p.rejected,
    }));
}

export function packagesState(db: Db): PackagesState {
  return {
    waiting: countsOf(waitingRecords(db)),
    proposals: pendingProposals(db),
    packages: packageViews(db),
    keyFingerprint: installationKey(db).fingerprint,
    registryKeys: registryKeys(db),
  };
}
