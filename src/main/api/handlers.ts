import { randomUUID } from 'node:crypto';
import type {
  AppInfo,
  AuthStatus,
  BackupPreview,
  Channel,
  DevicesState,
  ImportPreview,
  ListPreview,
  PreviewColumn,
  RequestOf,
  ResponseMap,
  ScannerChoice,
} from '../../shared/api-contract';
import { LIST_COLUMNS, type ListMapping } from '../../shared/lists/fields';
import { checkList } from '../lists/check-list';
import { exportList } from '../lists/export-list';
import { parseDocumentCode } from '../../shared/documents/letterhead';
import {
  documentVersions,
  printMarks,
  readLetterhead,
  saveLetterhead,
  signOff,
  storedDocument,
  verdictMessage,
  verifyCode,
} from '../documents/documents';
import { documentFileName, documentPdf } from '../documents/state-pdf';
import { basename, join } from 'node:path';
import { createBackup, listBackups, previewBackup } from '../backup/backup';
import type { DatabaseKeys } from '../db/keyring';
import { audit } from '../audit/audit';
import { createUser, IDLE_MINUTES, listUsers, login, resetPassword, userCount, userRole, type Session } from '../auth/users';
import { exportPackage, importAck, packagesState, storedPackage, verifyPackage } from '../packages/packages';
import { enterResults } from '../vaccination/manual-entry';
import {
  addInfection,
  confirmList,
  infectionViews,
  isConfirmed,
  listVaccinations,
  readProducts,
  saveProduct,
} from '../vaccination/vaccinations';
import { checkListMapping, deleteList, importParsedList, rememberedMapping } from '../lists/import-list';
import { listEntries, listSummaries } from '../lists/list-views';
import { checkpointVisits, lookupScan } from '../lookup/lookup';
import { describeDevices, type HidModule } from '../scanner/hid-transport';
import { demoCardText, readScannerChoice, saveScannerChoice } from '../scanner/scanner-choice';
import type { ScannerService } from '../scanner/scanner-service';
import { describeSerialPorts, type SerialModule } from '../scanner/serial-transport';
import { parseCccdQr } from '../../shared/identity/cccd-qr';
import { visitsWorkbook } from '../lookup/visits-workbook';
import { prepareList, type ParsedList } from '../lists/prepare-list';
import { resolveEntrySafely, unresolveEntry } from '../lists/resolve-entry';
import { RESIDENT_FIELDS, type ColumnMapping } from '../../shared/registry/fields';
import { translate } from '../../shared/i18n';
import { fail, ok, type Problem, type Result } from '../../shared/result';
import type { Db } from '../db/open-database';
import { loadDemo, removeDemo } from '../demo/demo-residents';
import type { JobRegistry } from '../jobs/jobs';
import type { Logger } from '../log/logger';
import { buildErrorsWorkbook } from '../registry/errors-workbook';
import { findResidents } from '../registry/find-residents';
import { importParsedExtract } from '../registry/import-extract';
import { checkMapping, prepareExtract, type ParsedExtract } from '../registry/prepare-extract';
import { validateExtract } from '../registry/validate-extract';
import { getLocale, getSetting, setSetting } from '../settings/settings';
import { cellText } from '../../shared/registry/validate-row';

export interface ApiContext {
  readonly db: Db;
  readonly databaseFile: string;
  readonly version: string;
  readonly clock: () => Date;
  readonly jobs: JobRegistry;
  readonly logger: Logger;
  /** node-hid in the app; a fake in tests. */
  readonly hid: HidModule;
  /** serialport in the app; serialport's mock binding in tests. */
  readonly serial: SerialModule;
  /** The chosen scanner, read in the background. */
  readonly scanner: ScannerService;
  /** Who is signed in at this computer. */
  readonly session: Session;
  /** The database's key and keyring: backups are checked with it, passwords wrap it. */
  readonly keys: DatabaseKeys;
  /** The host replaces the open database with a backup (closing and reopening it); absent in tests that cannot. */
  readonly restore?: (backupFile: string) => Result<BackupPreview>;
  /** The desktop host opens a file in the system's viewer (a PDF to print); the web host cannot. */
  readonly openFile?: (fileName: string, data: Uint8Array) => Promise<boolean>;
}

export type Handler<C extends Channel> = (request: RequestOf<C>) => Promise<Result<ResponseMap[C]>> | Result<ResponseMap[C]>;
export type Handlers = { readonly [C in Channel]: Handler<C> };

const PREVIEW_SAMPLE_ROWS = 5;

function fieldAt(mapping: ColumnMapping, column: number): PreviewColumn['field'] {
  return RESIDENT_FIELDS.find((field) => mapping[field] === column) ?? null;
}
const PREVIEWS_KEPT = 2;

/** The API's handlers: each validates nothing itself (dispatch did) and calls a service. */
export function createHandlers(ctx: ApiContext): Handlers {
  const { db } = ctx;
  const previews = new Map<string, ParsedExtract>();
  const listPreviews = new Map<string, ParsedList>();

  const describeListPreview = (previewId: string, parsed: ParsedList, mapping: ListMapping): ListPreview => ({
    previewId,
    fileName: parsed.fileName,
    sheetName: parsed.sheetName,
    headerRow: parsed.headerRow,
    entries: parsed.entries.length,
    columns: parsed.columnTitles.map((title, index) => ({ index, title, field: LIST_COLUMNS.fieldAt(mapping, index) })),
    mapping,
    sample: parsed.entries.slice(0, PREVIEW_SAMPLE_ROWS).map((e) => e.cells.map((c) => cellText(c))),
    drawnUpInSheet: parsed.drawnUpInSheet,
  });

  ctx.scanner.choose(readScannerChoice(db));
  const devicesState = async (): Promise<Result<DevicesState>> => {
    const chosen = readScannerChoice(db);
    const [devices, serialPorts] = await Promise.all([
      ctx.hid.devicesAsync().then(describeDevices, (error: unknown) => {
        ctx.logger.error('devices-list', error);
        return null;
      }),
      ctx.serial.list().then(describeSerialPorts, (error: unknown) => {
        ctx.logger.error('serial-list', error);
        return [];
      }),
    ]);
    return ok({
      devices: devices ?? [],
      serialPorts,
      chosen,
      error: devices === null ? translate(getLocale(db), 'devices.unavailable') : null,
    });
  };
  const chooseScanner = (choice: ScannerChoice | null) => {
    saveScannerChoice(db, choice);
    ctx.scanner.choose(choice);
    return devicesState();
  };

  /** The name recorded on resolutions, prints and exports: the signed-in user's (the setting before accounts existed). */
  const officer = (): string | null => ctx.session.current(ctx.clock())?.displayName ?? getSetting(db, 'officer-name');

  const authStatus = (): AuthStatus => ({
    needsSetup: userCount(db) === 0,
    user: ctx.session.current(ctx.clock()),
    idleMinutes: IDLE_MINUTES,
    encrypted: ctx.keys.encrypted,
    canRecover: ctx.keys.hasRecovery(),
  });
  /** Lets a user's new password open the encrypted database too. */
  const setPassword = (username: string, password: string) => ctx.keys.grant('user', username, password);
  const backupFolder = (): Result<string> => {
    const folder = getSetting(db, 'backup-folder');
    return folder ? ok(folder) : fail('backup.noFolder');
  };

  const backupState = () => ({
    folder: getSetting(db, 'backup-folder'),
    lastBackupAt: getSetting(db, 'last-backup'),
    lastFile: getSetting(db, 'last-backup-file'),
  });

  const appInfo = (): AppInfo => {
    const counts = db
      .prepare<[], { total: number; demo: number }>('SELECT count(*) AS total, coalesce(sum(is_demo), 0) AS demo FROM residents')
      .get()!;
    return {
      version: ctx.version,
      databaseFile: ctx.databaseFile,
      locale: getLocale(db),
      residentCount: counts.total,
      demoResidentCount: counts.demo,
      demoChoiceMade: getSetting(db, 'demo-choice') !== null,
      officerName: officer(),
      overdueLists: listSummaries(db, ctx.clock()).filter((l) => l.overdue).length,
      encrypted: ctx.keys.encrypted,
    };
  };

  const describePreview = (previewId: string, parsed: ParsedExtract, mapping: ColumnMapping): ImportPreview => {
    const validated = validateExtract(parsed, mapping, getLocale(db));
    return {
      previewId,
      fileName: parsed.fileName,
      sheetName: parsed.sheetName,
      headerRow: parsed.headerRow,
      dataRows: validated.residents.length + validated.errors.length,
      columns: parsed.columnTitles.map((title, index) => ({ index, title, field: fieldAt(mapping, index) })),
      mapping,
      sample: parsed.table.rows
        .slice(parsed.dataStart, parsed.dataStart + PREVIEW_SAMPLE_ROWS)
        .map((cells) => cells.map((c) => cellText(c))),
      validRows: validated.residents.length,
      errors: validated.errors,
    };
  };

  return {
    'app-info': () => ok(appInfo()),
    'settings-set-locale': ({ locale }) => {
      setSetting(db, 'locale', locale);
      return ok(appInfo());
    },
    'demo-load': () => {
      const count = loadDemo(db);
      if (count === 'not-empty') return fail('demo.notEmpty');
      setSetting(db, 'demo-choice', 'loaded');
      return ok({ count });
    },
    'demo-dismiss': () => {
      setSetting(db, 'demo-choice', 'dismissed');
      return ok(appInfo());
    },
    'demo-remove': () => ok({ count: removeDemo(db) }),
    'registry-preview': async ({ fileName, data }) => {
      const parsed = await prepareExtract(data, fileName);
      if (!parsed.ok) return parsed;
      const previewId = randomUUID();
      previews.set(previewId, parsed.value);
      while (previews.size > PREVIEWS_KEPT) previews.delete(previews.keys().next().value!);
      return ok(describePreview(previewId, parsed.value, parsed.value.mapping));
    },
    'registry-revalidate': ({ previewId, mapping }) => {
      const parsed = previews.get(previewId);
      if (!parsed) return fail('job.notFound');
      const checked = checkMapping(parsed, mapping);
      if (!checked.ok) return checked;
      return ok(describePreview(previewId, parsed, checked.value));
    },
    'registry-import-start': ({ previewId, mapping, skipInvalid }) => {
      const parsed = previews.get(previewId);
      if (!parsed) return fail('job.notFound');
      const jobId = ctx.jobs.start(async (control) => {
        const outcome = importParsedExtract(db, parsed, {
          mapping,
          skipInvalid,
          locale: getLocale(db),
          now: ctx.clock(),
          onPhase: control.setPhase,
          isCancelled: control.isCancelled,
        });
        if (!outcome.ok) {
          return {
            ok: false,
            error: { type: 'user', message: translate(getLocale(db), outcome.problem.key, outcome.problem.params) },
          };
        }
        if (outcome.value !== 'cancelled' && outcome.value.applied) previews.delete(previewId);
        ctx.logger.info(
          'registry-import',
          outcome.value === 'cancelled'
            ? { cancelled: true }
            : { inserted: outcome.value.inserted, updated: outcome.value.updated },
        );
        return { ok: true, value: outcome.value === 'cancelled' ? 'cancelled' : { kind: 'registry', registry: outcome.value } };
      });
      return ok({ jobId });
    },
    'registry-find': ({ text, birthYear }) => ok(findResidents(db, { text, birthYear })),
    'registry-errors-xlsx': async ({ fileName, errors }) => {
      const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
      const data = await buildErrorsWorkbook(fileName, errors, getLocale(db));
      return ok({ fileName: `${base}-loi.xlsx`, data });
    },
    'lists-preview': async ({ fileName, data, source }) => {
      const parsed = await prepareList(data, fileName);
      if (!parsed.ok) return parsed;
      const previewId = randomUUID();
      listPreviews.set(previewId, parsed.value);
      while (listPreviews.size > PREVIEWS_KEPT) listPreviews.delete(listPreviews.keys().next().value!);
      const mapping = rememberedMapping(db, source, parsed.value.columnTitles) ?? parsed.value.mapping;
      return ok(describeListPreview(previewId, parsed.value, mapping));
    },
    'lists-revalidate': ({ previewId, mapping }) => {
      const parsed = listPreviews.get(previewId);
      if (!parsed) return fail('job.notFound');
      const checked = checkListMapping(parsed, mapping);
      if (!checked.ok) return checked;
      return ok(describeListPreview(previewId, parsed, checked.value));
    },
    'lists-import': ({ previewId, mapping, kind, source, drawnUp }) => {
      const parsed = listPreviews.get(previewId);
      if (!parsed) return fail('job.notFound');
      const jobId = ctx.jobs.start(async (control) => {
        const userError = (problem: Problem) => ({
          ok: false as const,
          error: { type: 'user' as const, message: translate(getLocale(db), problem.key, problem.params) },
        });
        control.setPhase('write');
        const imported = importParsedList(db, parsed, {
          kind,
          source,
          drawnUp,
          mapping,
          now: ctx.clock(),
          locale: getLocale(db),
        });
        if (!imported.ok) return userError(imported.problem);
        // Let a cancel request in before the check; a cancelled list is removed whole.
        await new Promise((resolve) => setImmediate(resolve));
        if (control.isCancelled()) {
          deleteList(db, imported.value.listId);
          return { ok: true, value: 'cancelled' };
        }
        control.setPhase('check');
        checkList(db, imported.value.listId, ctx.clock());
        listPreviews.delete(previewId);
        ctx.logger.info('list-import', { rows: imported.value.rows });
        return { ok: true, value: { kind: 'list', list: imported.value } };
      });
      return ok({ jobId });
    },
    'lists-all': () => ok(listSummaries(db, ctx.clock())),
    'lists-get': ({ listId }) => {
      const list = listSummaries(db, ctx.clock()).find((l) => l.id === listId);
      if (!list) return fail('list.notFound', { listId });
      return ok({ list, entries: listEntries(db, listId) });
    },
    'lists-check': ({ listId }) => {
      if (isConfirmed(db, listId)) return fail('list.confirmedNoCheck', { listId });
      if (checkList(db, listId, ctx.clock()) === null) return fail('list.notFound', { listId });
      return ok(listSummaries(db, ctx.clock()).find((l) => l.id === listId)!);
    },
    // Who resolved an entry is the signed-in user, whatever the page sent.
    'lists-resolve': (request) => resolveEntrySafely(db, { ...request, by: officer() ?? request.by }, ctx.clock()),
    'lists-unresolve': ({ entryId }) => unresolveEntry(db, entryId),
    'lists-export': async ({ listId }) => {
      const exported = await exportList(db, listId, getLocale(db), ctx.clock(), officer());
      return exported ? ok(exported) : fail('list.notFound', { listId });
    },
    'documents-list': ({ listId }) => ok(documentVersions(db, listId)),
    'documents-pdf': async ({ documentId }) => {
      const document = storedDocument(db, documentId);
      if (!document) return fail('doc.notFound', { number: String(documentId), version: '' });
      return ok({
        fileName: documentFileName(document),
        data: await documentPdf(document, printMarks(db, document, ctx.clock())),
      });
    },
    'documents-open': async ({ documentId }) => {
      const document = storedDocument(db, documentId);
      if (!document) return fail('doc.notFound', { number: String(documentId), version: '' });
      const file = {
        fileName: documentFileName(document),
        data: await documentPdf(document, printMarks(db, document, ctx.clock())),
      };
      // The desktop app opens the system's PDF viewer (and its print dialog); a browser downloads.
      if (ctx.openFile && (await ctx.openFile(file.fileName, file.data))) return ok({ opened: true, file: null });
      return ok({ opened: false, file });
    },
    'documents-signoff': ({ documentId, by, role }) => {
      const document = storedDocument(db, documentId);
      if (!document) return fail('doc.notFound', { number: String(documentId), version: '' });
      return signOff(db, { documentNumber: document.number, version: document.version, by, role }, ctx.clock());
    },
    'documents-verify': ({ text }) => {
      const code = parseDocumentCode(text);
      if (!code) return fail('doc.noCode');
      const verdict = verifyCode(db, code, ctx.clock());
      return ok({ ...verdict, message: verdictMessage(verdict, getLocale(db)) });
    },
    'letterhead-get': () => ok(readLetterhead(db)),
    'letterhead-set': ({ letterhead }) => {
      saveLetterhead(db, letterhead);
      return ok(readLetterhead(db));
    },
    'settings-set-officer': ({ name }) => {
      setSetting(db, 'officer-name', name);
      return ok(appInfo());
    },
    'lookup-scan': (request) => lookupScan(db, request, ctx.clock(), getLocale(db)),
    'checkpoint-visits': (query) => ok(checkpointVisits(db, query)),
    'checkpoint-export': async (query) =>
      ok(await visitsWorkbook(checkpointVisits(db, { ...query, limit: 1_000_000 }), getLocale(db))),
    'qr-parse': ({ text }) => {
      const parsed = parseCccdQr(text);
      if (!parsed.ok) return parsed;
      const t = (p: Problem) => translate(getLocale(db), p.key, p.params);
      return ok({ fullName: parsed.value.fullName, personalId: parsed.value.personalId, warnings: parsed.value.warnings.map(t) });
    },
    'devices-list': () => devicesState(),
    'devices-choose': ({ vendorId, productId, name }) => chooseScanner({ kind: 'hid', vendorId, productId, name }),
    'devices-choose-serial': ({ path, name, baudRate }) => chooseScanner({ kind: 'serial', path, name, baudRate }),
    'devices-forget': () => chooseScanner(null),
    'scanner-next': ({ after, waitMs }) => ctx.scanner.next(after, waitMs).then(ok),
    'scanner-demo': async () => {
      const card = demoCardText(db, ctx.clock());
      if (!card.ok) return card;
      await ctx.scanner.playDemo(card.value.text);
      return ok({ fullName: card.value.fullName });
    },
    'vaccination-doses': ({ listId }) => ok(listVaccinations(db, listId, getLocale(db))),
    'vaccination-confirm': ({ listId, by }) => confirmList(db, listId, by, ctx.clock()),
    'vaccination-manual': ({ rows }) => enterResults(db, rows, ctx.clock()),
    'vaccine-products': () => ok(readProducts(db)),
    'vaccine-product-save': ({ product }) => {
      saveProduct(db, product);
      return ok(readProducts(db));
    },
    'infections-list': () => ok(infectionViews(db)),
    'infections-add': (request) => addInfection(db, request, officer(), ctx.clock()),
    'packages-state': () => ok(packagesState(db)),
    'packages-export': async () => {
      const exported = await exportPackage(db, { by: officer(), now: ctx.clock(), locale: getLocale(db) });
      if (!exported.ok) return exported;
      return ok({ file: { fileName: exported.value.fileName, data: exported.value.data }, package: exported.value.view });
    },
    'packages-file': ({ sequence }) => {
      const stored = storedPackage(db, sequence);
      return stored ? ok(stored) : fail('package.notFound', { sequence });
    },
    'packages-verify': ({ data }) => ok(verifyPackage(db, data, getLocale(db))),
    'packages-ack': ({ fileName, text }) => importAck(db, text, fileName, ctx.clock()),
    'auth-status': () => ok(authStatus()),
    'auth-setup': ({ username, displayName, password }) => {
      if (userCount(db) > 0) return fail('auth.setupDone');
      const created = createUser(db, { username, displayName, role: 'admin', password }, ctx.clock());
      if (!created.ok) return created;
      const granted = setPassword(username, password);
      if (!granted.ok) return granted;
      // An encrypted database gets its recovery code now, shown this once for the administrator to keep.
      let recoveryCode: string | undefined;
      if (ctx.keys.encrypted && !ctx.keys.hasRecovery()) {
        const made = ctx.keys.newRecoveryCode();
        if (!made.ok) return made;
        recoveryCode = made.value;
      }
      const signedIn = login(db, ctx.session, username, password, ctx.clock());
      return signedIn.ok ? ok({ ...authStatus(), ...(recoveryCode ? { recoveryCode } : {}) }) : signedIn;
    },
    'auth-recover': ({ code, username, password }) => {
      if (!ctx.keys.hasRecovery()) return fail('auth.noRecovery');
      if (!ctx.keys.opens('recovery', '', code)) {
        audit(db, 'auth.failed', null, { recovery: true }, ctx.clock());
        return fail('auth.wrongCode');
      }
      // The recovery code is the administrator's: it resets an administrator's password, no one else's.
      if (userRole(db, username) !== 'admin') return fail('auth.recoverAdminOnly', { username });
      const reset = resetPassword(db, username, password, ctx.clock());
      if (!reset.ok) return reset;
      const granted = setPassword(username, password);
      if (!granted.ok) return granted;
      audit(db, 'auth.recover', `user:${reset.value.id}`, {}, ctx.clock());
      const signedIn = login(db, ctx.session, username, password, ctx.clock());
      return signedIn.ok ? ok(authStatus()) : signedIn;
    },
    'auth-login': ({ username, password }) => {
      const signedIn = login(db, ctx.session, username, password, ctx.clock());
      return signedIn.ok ? ok(authStatus()) : signedIn;
    },
    'auth-logout': () => {
      if (ctx.session.current(ctx.clock())) audit(db, 'auth.logout', null, {}, ctx.clock());
      ctx.session.signOut();
      return ok(authStatus());
    },
    'users-list': () => ok(listUsers(db)),
    'users-add': (request) => {
      const created = createUser(db, request, ctx.clock());
      if (!created.ok) return created;
      const granted = setPassword(request.username, request.password);
      return granted.ok ? ok(listUsers(db)) : granted;
    },
    'users-reset-password': ({ username, password }) => {
      const reset = resetPassword(db, username, password, ctx.clock());
      if (!reset.ok) return reset;
      const granted = setPassword(username, password);
      return granted.ok ? ok(listUsers(db)) : granted;
    },
    'keys-new-recovery-code': () => {
      if (!ctx.keys.encrypted) return fail('keys.notEncrypted');
      const made = ctx.keys.newRecoveryCode();
      if (!made.ok) return made;
      audit(db, 'keys.recovery', null, {}, ctx.clock());
      return ok({ recoveryCode: made.value });
    },
    'backup-state': () => ok(backupState()),
    'backup-set-folder': ({ folder }) => {
      setSetting(db, 'backup-folder', folder);
      return ok(backupState());
    },
    'backup-now': () => {
      const folder = backupFolder();
      if (!folder.ok) return folder;
      const made = createBackup(db, folder.value, ctx.keys, ctx.clock());
      if (!made.ok) return made;
      setSetting(db, 'last-backup-file', made.value.file);
      return ok(backupState());
    },
    'backup-list': () => {
      const folder = backupFolder();
      if (!folder.ok) return folder;
      return ok(listBackups(folder.value).map((b) => ({ name: basename(b.file), bytes: b.bytes, createdAt: b.createdAt })));
    },
    'backup-preview': ({ name }) => {
      const folder = backupFolder();
      if (!folder.ok) return folder;
      return previewBackup(join(folder.value, name), ctx.keys.key);
    },
    'backup-restore': ({ name }) => {
      const folder = backupFolder();
      if (!folder.ok) return folder;
      if (!ctx.restore) return fail('backup.restoreHere');
      return ctx.restore(join(folder.value, name));
    },
    'job-status': ({ jobId }) => {
      const status = ctx.jobs.status(jobId);
      return status ? ok(status) : fail('job.notFound');
    },
    'job-cancel': ({ jobId }) => {
      const status = ctx.jobs.cancel(jobId);
      return status ? ok(status) : fail('job.notFound');
    },
  };
}
