/**
 * The command-line host (DESIGN.md §5): `doichieu <command> [--db FILE] [--json]`.
 * Exit 0 on success, 1 on bad input (Vietnamese message on stderr, nothing written), 2 on wrong usage.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve as resolvePath } from 'node:path';
import { translate, type MessageKey, type MessageParams } from '../shared/i18n';
import { SIGN_ROLES, type ExportedFile, type PackageCounts, type PackageRecordType, type SignRole } from '../shared/api-contract';
import { parseDateText, type IsoDate } from '../shared/dates';
import { parseCccdMrz } from '../shared/identity/cccd-mrz';
import { parseCccdQr } from '../shared/identity/cccd-qr';
import { checkIdNumber } from '../shared/identity/id-check';
import type { Problem } from '../shared/result';
import type { Sex } from '../shared/types';
import { parseCapture } from '../shared/scanner/capture';
import { SCAN_FORMATS, type ScanFormat } from '../shared/scanner/decoders';
import { LIST_KINDS, type ListKind } from '../shared/lists/fields';
import { ENTRY_STATUSES } from '../shared/verification/vocabulary';
import { fileIsEncrypted, type Db } from './db/open-database';
import type { DatabaseKeys } from './db/keyring';
import { keyFromPassphrase, openWithPassphrase } from './db/open-with-passphrase';
import { checkList } from './lists/check-list';
import { exportList } from './lists/export-list';
import { codeInPdf, documentVersions, readLetterhead, signOff, verdictMessage, verifyPdf } from './documents/documents';
import { signPdf } from './documents/sign-pdf';
import { createBackup, previewBackup, restoreBackup } from './backup/backup';
import { createUser } from './auth/users';
import { ROLES, type Role } from '../shared/auth/roles';
import { auditHeadsIn, setActor, verifyAudit } from './audit/audit';
import { exportPackage, importAck, packageViews, storedPackage, verifyPackage } from './packages/packages';
import { addInfection, confirmList, isConfirmed } from './vaccination/vaccinations';
import { importParsedList } from './lists/import-list';
import { prepareList } from './lists/prepare-list';
import { findResidents } from './registry/find-residents';
import { readScans } from './scanner/read-scans';
import { replayTransport } from './scanner/replay-transport';
import { importExtractFile } from './registry/import-extract';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => Date;
}

interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set([
  'db',
  'birth-date',
  'sex',
  'kind',
  'date',
  'source',
  'xlsx',
  'pdf',
  'by',
  'out',
  'sequence',
  'format',
  'birth-year',
  'version',
  'role',
  'p12',
  'passphrase',
  'confirmed',
  'name',
  'recovered',
  'test',
]);
const BOOLEAN_FLAGS = new Set(['json', 'skip-invalid', 'help']);

class UsageError extends Error {}
class InputError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.key);
  }
}

function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (BOOLEAN_FLAGS.has(name)) flags.set(name, true);
      else if (VALUE_FLAGS.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(translate('vi', 'cli.missingArgument', { name: `--${name}` }));
        flags.set(name, value);
      } else throw new UsageError(translate('vi', 'cli.badOption', { option: arg }));
    } else positionals.push(arg);
  }
  return { positionals, flags };
}

function text(key: MessageKey, params?: MessageParams): string {
  return translate('vi', key, params);
}

function problemText(problem: Problem): string {
  return text(problem.key, problem.params);
}

/** Label–value lines for the human-readable output. */
function describe(rows: readonly (readonly [string, string])[]): string {
  return rows.map(([label, value]) => `${label}: ${value}`).join('\n');
}

function optionalDate(value: string | true | undefined): IsoDate | undefined {
  if (value === undefined) return undefined;
  const date = typeof value === 'string' ? parseDateText(value) : null;
  if (date === null) throw new UsageError(text('cli.badDate', { value: String(value) }));
  return date;
}

function optionalSex(value: string | true | undefined): Sex | undefined {
  if (value === undefined) return undefined;
  if (value === 'male' || value === 'female') return value;
  throw new UsageError(text('cli.badSex', { value: String(value) }));
}

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${text('cli.usage')}\n`);
    return 2;
  }
  const json = args.flags.get('json') === true;
  const [group, verb, ...rest] = args.positionals;
  const print = (value: unknown, human: string) => io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : `${human}\n`);
  let db: Db | null = null;
  let keys: DatabaseKeys | null = null;
  const passphrase = io.env.DOICHIEU_KEY || null;
  const database = (): Db => {
    if (db !== null) return db;
    const file = (args.flags.get('db') as string | undefined) ?? io.env.DOICHIEU_DB;
    if (!file) throw new UsageError(text('cli.noDatabase'));
    const opened = openWithPassphrase(file, passphrase);
    if (!opened.ok) throw new InputError(opened.problem);
    // A file made without a key stays unencrypted: say so, once, where the officer sees it.
    if (opened.value.created && passphrase === null) io.stderr(`${text('db.unencrypted', { file })}\n`);
    db = opened.value.db;
    keys = opened.value.keys;
    const by = args.flags.get('by');
    setActor(db, `CLI${typeof by === 'string' ? `: ${by}` : ''}`);
    return db;
  };
  const need = (value: string | undefined, name: string): string => {
    if (value === undefined || value === '') throw new UsageError(text('cli.missingArgument', { name }));
    return value;
  };

  try {
    const command = `${group ?? ''} ${verb ?? ''}`.trim();
    switch (command) {
      case 'registry import': {
        const file = need(rest[0], '<tệp>');
        if (!existsSync(file)) throw new InputError({ key: 'cli.fileNotFound', params: { file } });
        const data = readFileSync(file);
        const outcome = await importExtractFile(
          database(),
          new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
          basename(file),
          {
            skipInvalid: args.flags.get('skip-invalid') === true,
            locale: 'vi',
            now: io.now(),
          },
        );
        if (!outcome.ok) throw new InputError(outcome.problem);
        if (outcome.value === 'cancelled') return 1;
        const r = outcome.value;
        const report = {
          inserted: r.inserted,
          updated: r.updated,
          unchanged: r.unchanged,
          rejected: r.rejected,
          held: r.held,
          errors: r.errors,
        };
        const summary = text('cli.importSummary', {
          inserted: r.inserted,
          updated: r.updated,
          unchanged: r.unchanged,
          rejected: r.rejected,
        });
        print(report, [summary, ...r.errors.map((e) => `  ${text('col.row')} ${e.row}: ${e.message}`)].join('\n'));
        if (!r.applied) {
          const first = r.errors[0]!;
          io.stderr(
            `${text('error.rowsRejected', { file: basename(file), count: r.rejected, row: first.row, message: first.message })}\n`,
          );
          return 1;
        }
        return 0;
      }
      case 'registry find': {
        const query = need(rest.join(' ').trim() || undefined, '<nội dung tìm>');
        const yearFlag = args.flags.get('birth-year') as string | undefined;
        const birthYear = yearFlag === undefined ? undefined : Number(yearFlag);
        if (birthYear !== undefined && (!Number.isInteger(birthYear) || birthYear < 1800 || birthYear > 2200)) {
          throw new InputError({ key: 'search.invalidYear', params: { value: yearFlag! } });
        }
        const found = findResidents(database(), { text: query, birthYear }).map((r) => ({
          personalId: r.personalId,
          oldId: r.oldId,
          fullName: r.fullName,
          birthDate: r.birthDate,
          sex: r.sex,
          address: r.permanentAddress,
        }));
        print(
          found,
          found.length === 0
            ? text('residents.noResult')
            : found
                .map(
                  (r) =>
                    `${r.personalId}  ${r.fullName}  ${r.birthDate ?? ''}  ${r.sex ? text(`sex.${r.sex}`) : ''}  ${r.address ?? ''}`,
                )
                .join('\n'),
        );
        return 0;
      }
      case 'list import': {
        const file = need(rest[0], '<tệp>');
        if (!existsSync(file)) throw new InputError({ key: 'cli.fileNotFound', params: { file } });
        const kindFlag = (args.flags.get('kind') as string | undefined) ?? 'registration';
        if (!(LIST_KINDS as readonly string[]).includes(kindFlag))
          throw new UsageError(text('list.badKind', { value: kindFlag }));
        const drawnUpFlag = args.flags.get('date');
        const drawnUp = drawnUpFlag === undefined ? undefined : optionalDate(drawnUpFlag);
        const db = database();
        const data = readFileSync(file);
        const parsed = await prepareList(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), basename(file));
        if (!parsed.ok) throw new InputError(parsed.problem);
        const imported = importParsedList(db, parsed.value, {
          kind: kindFlag as ListKind,
          source: (args.flags.get('source') as string | undefined) ?? basename(file),
          drawnUp,
          now: io.now(),
          locale: 'vi',
        });
        if (!imported.ok) throw new InputError(imported.problem);
        const r = imported.value;
        print(
          r,
          [
            text('list.importSummary', { listId: r.listId, rows: r.rows }),
            ...r.errors.map((e) => `  ${text('col.row')} ${e.row}: ${e.message}`),
          ].join('\n'),
        );
        return 0;
      }
      case 'list check': {
        const listId = Number(need(rest[0], '<số danh sách>'));
        if (!Number.isInteger(listId) || listId < 1) throw new UsageError(text('list.notFound', { listId: rest[0]! }));
        if (isConfirmed(database(), listId)) throw new InputError({ key: 'list.confirmedNoCheck', params: { listId } });
        const result = checkList(database(), listId, io.now());
        if (result === null) throw new InputError({ key: 'list.notFound', params: { listId } });
        print(
          result,
          [
            ...ENTRY_STATUSES.map((s) => `${text(`status.${s}`)}: ${result.summary[s]}`),
            ...result.entries
              .filter((e) => e.status !== 'matched')
              .map(
                (e) =>
                  `  ${text('col.row')} ${e.row}: ${text(`status.${e.status}`)}${e.differences.length ? ` (${e.differences.map((d) => text(`field.${d}`)).join(', ')})` : ''}`,
              ),
          ].join('\n'),
        );
        return 0;
      }
      case 'list export': {
        const listId = Number(need(rest[0], '<số danh sách>'));
        if (!Number.isInteger(listId) || listId < 1) throw new UsageError(text('list.notFound', { listId: rest[0]! }));
        const by = args.flags.get('by');
        const exported = await exportList(database(), listId, 'vi', io.now(), typeof by === 'string' ? by : null);
        if (exported === null) throw new InputError({ key: 'list.notFound', params: { listId } });
        const xlsxPath = args.flags.get('xlsx') as string | undefined;
        const pdfPath = args.flags.get('pdf') as string | undefined;
        const targets: [string, Uint8Array][] = [];
        const [xlsx, pdf] = exported.files as [ExportedFile, ExportedFile];
        if (xlsxPath !== undefined || pdfPath === undefined) targets.push([xlsxPath ?? xlsx.fileName, xlsx.data]);
        if (pdfPath !== undefined || xlsxPath === undefined) targets.push([pdfPath ?? pdf.fileName, pdf.data]);
        for (const [path, data] of targets) writeFileSync(path, data);
        const written = targets.map(([path]) => resolvePath(path));
        const { number, version, hash } = exported.document;
        print(
          { files: written, documentNumber: number, version, hash },
          [...written, text('doc.footer', { number, version, hash })].join('\n'),
        );
        return 0;
      }
      case 'list confirm': {
        const listId = Number(need(rest[0], '<số danh sách>'));
        if (!Number.isInteger(listId) || listId < 1) throw new UsageError(text('list.notFound', { listId: rest[0]! }));
        const by = need(args.flags.get('by') as string | undefined, '--by').trim();
        if (by === '') throw new UsageError(text('cli.missingArgument', { name: '--by' }));
        const confirmed = confirmList(database(), listId, by, io.now());
        if (!confirmed.ok) throw new InputError(confirmed.problem);
        print(confirmed.value, text('list.confirmedBy', { listId, by, at: confirmed.value.confirmedAt }));
        return 0;
      }
      case 'infection add': {
        const personalId = need(rest[0], '<số định danh>');
        const confirmedOn = optionalDate(args.flags.get('confirmed'));
        if (confirmedOn === undefined) throw new UsageError(text('cli.missingArgument', { name: '--confirmed' }));
        const recoveredOn = optionalDate(args.flags.get('recovered'));
        const test = args.flags.get('test');
        const added = addInfection(
          database(),
          { personalId, confirmedOn, recoveredOn: recoveredOn ?? null, test: typeof test === 'string' ? test : null },
          typeof args.flags.get('by') === 'string' ? (args.flags.get('by') as string) : null,
          io.now(),
        );
        if (!added.ok) throw new InputError(added.problem);
        print(added.value, `F0: ${added.value.personalId} ${added.value.fullName ?? ''} (${added.value.confirmedOn})`);
        return 0;
      }
      case 'package export': {
        const out = need(args.flags.get('out') as string | undefined, '--out');
        const sequenceFlag = args.flags.get('sequence') as string | undefined;
        const db_ = database();
        let file: { fileName: string; data: Uint8Array };
        let report: { file: string; packageId: string; sequence: number; counts: PackageCounts };
        if (sequenceFlag !== undefined) {
          const sequence = Number(sequenceFlag);
          if (!Number.isInteger(sequence) || sequence < 1)
            throw new UsageError(text('cli.badOption', { option: `--sequence ${sequenceFlag}` }));
          const stored = storedPackage(db_, sequence);
          if (!stored) throw new InputError({ key: 'package.notFound', params: { sequence } });
          file = stored;
          const view = packageViews(db_).find((p) => p.sequence === sequence)!;
          report = { file: '', packageId: view.packageId, sequence, counts: view.counts };
        } else {
          const by = args.flags.get('by');
          const exported = await exportPackage(db_, { by: typeof by === 'string' ? by : null, now: io.now(), locale: 'vi' });
          if (!exported.ok) throw new InputError(exported.problem);
          file = exported.value;
          const v = exported.value.view;
          report = { file: '', packageId: v.packageId, sequence: v.sequence, counts: v.counts };
        }
        mkdirSync(out, { recursive: true });
        const path = resolvePath(join(out, file.fileName));
        writeFileSync(path, file.data);
        report = { ...report, file: path };
        print(
          report,
          [
            path,
            ...Object.entries(report.counts).map(([k, n]) => `${text(`package.type.${k as PackageRecordType}`)}: ${n}`),
          ].join('\n'),
        );
        return 0;
      }
      case 'package verify': {
        const file = need(rest[0], '<tệp gói>');
        if (!existsSync(file)) throw new InputError({ key: 'cli.fileNotFound', params: { file } });
        const verified = verifyPackage(database(), new Uint8Array(readFileSync(file)), 'vi');
        print(
          verified,
          verified.valid ? text('package.valid', { sequence: verified.sequence ?? '' }) : verified.problems.join('\n'),
        );
        if (!verified.valid) {
          io.stderr(`${text('package.invalid', { file: basename(file), problem: verified.problems[0] ?? '' })}\n`);
          return 1;
        }
        return 0;
      }
      case 'package ack': {
        const file = need(rest[0], '<tệp phản hồi>');
        if (!existsSync(file)) throw new InputError({ key: 'cli.fileNotFound', params: { file } });
        const acked = importAck(database(), readFileSync(file, 'utf8'), basename(file), io.now());
        if (!acked.ok) throw new InputError(acked.problem);
        print(acked.value, text('package.acked', acked.value));
        return 0;
      }
      case 'audit verify': {
        const anchors = rest.flatMap((file) => {
          if (!existsSync(file)) throw new InputError({ key: 'cli.fileNotFound', params: { file } });
          return auditHeadsIn(new Uint8Array(readFileSync(file)));
        });
        const verified = verifyAudit(database(), anchors);
        const problems = verified.problems.map((p) => text(p.key, { seq: p.seq }));
        print(
          { valid: verified.valid, entries: verified.entries, problems },
          verified.valid ? text('audit.valid', { entries: verified.entries }) : problems.join('\n'),
        );
        return verified.valid ? 0 : 1;
      }
      case 'user add': {
        const username = need(rest[0], '<tên đăng nhập>');
        const role = (args.flags.get('role') as string | undefined) ?? '';
        if (!(ROLES as readonly string[]).includes(role))
          throw new UsageError(text('cli.badOption', { option: `--role ${role}` }));
        // The password comes from the environment, never from the command line (shell history, process list).
        const password = io.env.DOICHIEU_PASSWORD ?? '';
        const displayName = (args.flags.get('name') as string | undefined) ?? username;
        const created = createUser(database(), { username, displayName, role: role as Role, password }, io.now());
        if (!created.ok) throw new InputError(created.problem);
        // On an encrypted database, the new user's password opens it too.
        const granted = keys!.grant('user', username, password);
        if (!granted.ok) throw new InputError(granted.problem);
        print(created.value, `${created.value.username} (${created.value.role})`);
        return 0;
      }
      case 'backup create': {
        const out = need(args.flags.get('out') as string | undefined, '--out');
        const source = database();
        const made = createBackup(source, out, keys!, io.now());
        if (!made.ok) throw new InputError(made.problem);
        print(made.value, text('backup.done', { file: made.value.file, bytes: made.value.bytes }));
        return 0;
      }
      case 'backup check': {
        const file = need(rest[0], '<tệp sao lưu>');
        const key = keyFromPassphrase(file, passphrase);
        if (!key.ok) throw new InputError(key.problem);
        const preview = previewBackup(file, key.value);
        if (!preview.ok) throw new InputError(preview.problem);
        print(preview.value, text('backup.preview', { ...preview.value, lastChange: preview.value.lastChange ?? '—' }));
        return 0;
      }
      case 'backup restore': {
        const file = need(rest[0], '<tệp sao lưu>');
        const target = (args.flags.get('db') as string | undefined) ?? io.env.DOICHIEU_DB;
        if (!target) throw new UsageError(text('cli.noDatabase'));
        const key = keyFromPassphrase(file, passphrase);
        if (!key.ok) throw new InputError(key.problem);
        const restored = restoreBackup(target, file, key.value, io.now());
        if (!restored.ok) throw new InputError(restored.problem);
        print(restored.value, text('backup.restored', { file }));
        return 0;
      }
      case 'doc verify': {
        const file = need(rest[0], '<tệp pdf>');
        if (!existsSync(file)) throw new InputError({ key: 'cli.fileNotFound', params: { file } });
        const verified = verifyPdf(database(), new Uint8Array(readFileSync(file)), io.now());
        if (!verified.ok) throw new InputError(verified.problem);
        const v = verified.value;
        print(
          {
            valid: v.valid,
            documentNumber: v.documentNumber,
            version: v.version,
            signed: v.signed,
            reason: v.reason,
            latestVersion: v.latestVersion,
            digitalSignature: v.digitalSignature,
          },
          verdictMessage(v, 'vi'),
        );
        return 0;
      }
      case 'doc list': {
        const listId = Number(need(rest[0], '<số danh sách>'));
        if (!Number.isInteger(listId) || listId < 1) throw new UsageError(text('list.notFound', { listId: rest[0]! }));
        const versions = documentVersions(database(), listId);
        print(
          versions,
          versions
            .map(
              (d) =>
                `${d.number} bản ${d.version} (${d.issuedOn})${d.signedBy ? ` — ${text('doc.signedBy', { by: d.signedBy })}` : ''}`,
            )
            .join('\n'),
        );
        return 0;
      }
      case 'doc sign': {
        const number = need(rest[0], '<số văn bản>');
        const version = Number(need(args.flags.get('version') as string | undefined, '--version'));
        const by = need(args.flags.get('by') as string | undefined, '--by');
        const role = (args.flags.get('role') as string | undefined) ?? 'chairman';
        if (!Number.isInteger(version) || version < 1) throw new UsageError(text('cli.missingArgument', { name: '--version' }));
        if (!(SIGN_ROLES as readonly string[]).includes(role)) throw new UsageError(text('cli.badOption', { option: role }));
        const signed = signOff(database(), { documentNumber: number, version, by, role: role as SignRole }, io.now());
        if (!signed.ok) throw new InputError(signed.problem);
        const d = signed.value;
        print(
          { documentNumber: d.number, version: d.version, signedBy: d.signedBy, signedAt: d.signedAt, role: d.signedRole },
          text('doc.signedBy', { by: `${d.signedBy} (${text(`doc.role.${role as SignRole}`)})` }),
        );
        return 0;
      }
      case 'doc sign-pdf': {
        const file = need(rest[0], '<tệp pdf>');
        const p12File = need(args.flags.get('p12') as string | undefined, '--p12');
        const out = need(args.flags.get('out') as string | undefined, '--out');
        for (const f of [file, p12File])
          if (!existsSync(f)) throw new InputError({ key: 'cli.fileNotFound', params: { file: f } });
        const pdf = new Uint8Array(readFileSync(file));
        const code = codeInPdf(pdf);
        if (code === null) throw new InputError({ key: 'doc.noCode' });
        const passphrase = (args.flags.get('passphrase') as string | undefined) ?? io.env.DOICHIEU_P12_PASSPHRASE ?? '';
        const letterhead = readLetterhead(database());
        const signedPdf = await signPdf(pdf, {
          p12: new Uint8Array(readFileSync(p12File)),
          passphrase,
          fileName: basename(p12File),
          reason: text('doc.footer', { number: code.number, version: code.version, hash: code.hash.slice(0, 16) }),
          signerName: letterhead.signerName,
          location: letterhead.place,
        });
        if (!signedPdf.ok) throw new InputError(signedPdf.problem);
        writeFileSync(out, signedPdf.value);
        print({ file: resolvePath(out) }, resolvePath(out));
        return 0;
      }
      case 'scanner replay': {
        const file = need(rest[0], '<tệp ghi>');
        const format = args.flags.get('format');
        if (typeof format !== 'string' || !(SCAN_FORMATS as readonly string[]).includes(format)) {
          throw new UsageError(text('scanner.badFormat', { value: String(format ?? '') }));
        }
        if (!existsSync(file)) throw new InputError({ key: 'cli.fileNotFound', params: { file } });
        const capture = parseCapture(readFileSync(file, 'utf8'));
        if (!capture.ok)
          throw new InputError({ key: 'scanner.badCapture', params: { file: basename(file), line: capture.line } });
        const scans = await readScans(replayTransport(capture.reports, format as ScanFormat));
        print({ scans }, scans.map((s) => `${s.complete ? '' : `[${text('scanner.incomplete')}] `}${s.text}`).join('\n'));
        return 0;
      }
      case 'qr parse': {
        const payload = need(rest.join(' ') || undefined, '<nội dung mã QR>');
        const parsed = parseCccdQr(payload);
        if (!parsed.ok) throw new InputError(parsed.problem);
        const qr = { ...parsed.value, warnings: parsed.value.warnings.map(problemText) };
        print(
          qr,
          describe([
            [text('col.personalId'), qr.personalId],
            [text('col.oldId'), qr.oldId ?? ''],
            [text('col.fullName'), qr.fullName],
            [text('col.birthDate'), qr.birthDate],
            [text('col.sex'), qr.sex ? text(`sex.${qr.sex}`) : ''],
            [text('col.permanentAddress'), qr.address],
            [text('col.issueDate'), qr.issueDate],
            ...qr.warnings.map((w): [string, string] => [text('common.warning'), w]),
          ]),
        );
        return 0;
      }
      case 'id check': {
        const number = need(rest[0], '<số>');
        const birthDate = optionalDate(args.flags.get('birth-date'));
        const sex = optionalSex(args.flags.get('sex'));
        const checked = checkIdNumber(number, { birthDate, sex });
        if (checked === null) throw new InputError({ key: 'id.notANumber', params: { value: number } });
        const { birthYear: _year, ...shape } = checked;
        const result = { ...shape, problems: checked.problems.map(problemText) };
        print(
          result,
          describe([
            [text('col.personalId'), `${result.normalized} (${result.kind === 'cmnd' ? 'CMND' : 'CCCD'})`],
            [text('id.province'), result.provinceName ?? result.provinceCode ?? ''],
            [text('col.sex'), result.sex ? text(`sex.${result.sex}`) : ''],
            [text('id.valid'), result.valid ? text('common.yes') : text('common.no')],
            ...result.problems.map((p): [string, string] => [text('common.warning'), p]),
          ]),
        );
        return 0;
      }
      case 'mrz parse': {
        if (rest.length !== 3) throw new UsageError(text('cli.missingArgument', { name: '<dòng 1> <dòng 2> <dòng 3>' }));
        const parsed = parseCccdMrz(rest, io.now());
        if (!parsed.ok) throw new InputError(parsed.problem);
        const mrz = { ...parsed.value, problems: parsed.value.problems.map(problemText) };
        print(
          mrz,
          describe([
            [text('col.personalId'), mrz.personalId ?? ''],
            [text('col.documentNumber'), mrz.documentNumber ?? ''],
            [text('col.fullName'), mrz.fullName],
            [text('col.birthDate'), mrz.birthDate ?? ''],
            [text('col.sex'), mrz.sex ? text(`sex.${mrz.sex}`) : ''],
            [text('col.expiryDate'), mrz.expiryDate ?? ''],
            [text('id.valid'), mrz.valid ? text('common.yes') : text('common.no')],
            ...mrz.problems.map((p): [string, string] => [text('common.warning'), p]),
          ]),
        );
        return 0;
      }
      default:
        throw new UsageError(command === '' ? text('cli.usage') : text('cli.unknownCommand', { command }));
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n${text('cli.usage')}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`${text(error.problem.key, error.problem.params)}\n`);
      return 1;
    }
    throw error;
  } finally {
    (db as Db | null)?.close();
  }
}

/** The database file an invocation names (`--db F`, `--db=F`, or DOICHIEU_DB). */
function databaseArgument(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const i = argv.indexOf('--db');
  if (i >= 0) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith('--db='));
  return inline ? inline.slice('--db='.length) : env.DOICHIEU_DB;
}

/** Asks for the database passphrase on the terminal without echoing it. */
async function promptPassphrase(question: string): Promise<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  const write = output._writeToOutput.bind(rl);
  let asked = false;
  output._writeToOutput = (s: string) => {
    if (!asked) {
      asked = true;
      write(s);
    }
  };
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    }),
  );
}

/** Runs the CLI on this process's arguments and sets its exit code. */
export async function runFromProcess(): Promise<void> {
  const argv = process.argv.slice(2);
  const env = { ...process.env };
  // An encrypted database and no DOICHIEU_KEY: at a terminal, ask for the passphrase (never echoed).
  const file = databaseArgument(argv, env);
  if (!env.DOICHIEU_KEY && file && process.stdin.isTTY && existsSync(file)) {
    if (fileIsEncrypted(file)) env.DOICHIEU_KEY = await promptPassphrase(text('cli.passphrase', { file }));
  }
  await runCli(argv, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env,
    now: () => new Date(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${text('common.internalError')}\n${(error as Error)?.stack ?? ''}\n`);
      process.exitCode = 1;
    },
  );
}

// Run when started as a program (`tsx src/main/cli.ts`, `node out/main/cli.cjs`), not when imported.
const startedDirectly = typeof require !== 'undefined' ? require.main === module : /cli\.[cm]?[jt]s$/.test(process.argv[1] ?? '');
if (startedDirectly) void runFromProcess();
