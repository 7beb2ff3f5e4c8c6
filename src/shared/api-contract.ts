/**
 * The one typed API contract (DESIGN.md §2). Every host (Electron IPC, web host, CLI) and the
 * renderer derive from this map, so a channel without a handler or a client is a compile error.
 * Requests are validated against these schemas in main before any handler runs.
 */
import { z } from 'zod';
import { MAX_FILE_BYTES } from './limits';
import { RESIDENT_FIELDS, type ColumnMapping, type ResidentField } from './registry/fields';
import type { Channel } from './channels';
import type { IsoDate } from './dates';
import type { Letterhead } from './documents/letterhead';
import { ROLES, type Role } from './auth/roles';
import type { VaccineProduct } from './vaccination/rules';
import { LIST_FIELDS, LIST_KINDS, type ListField, type ListKind, type ListMapping } from './lists/fields';
import { RESOLUTIONS, type ComparedField, type EntryStatus, type Resolution } from './verification/vocabulary';
import type { Sex } from './types';
import type { ResidentRecord, RowError } from './types';

export { CHANNELS, type Channel } from './channels';

const bytes = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes expected')
  .refine((b) => b.byteLength <= MAX_FILE_BYTES, 'file too large');
const columnIndex = z.number().int().min(0).max(16_383);
const mappingSchema = z
  .object(
    Object.fromEntries(RESIDENT_FIELDS.map((f) => [f, columnIndex.optional()])) as Record<
      ResidentField,
      z.ZodOptional<typeof columnIndex>
    >,
  )
  .strict();
const id = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const rowId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const listMappingSchema = z
  .object(
    Object.fromEntries(LIST_FIELDS.map((f) => [f, columnIndex.optional()])) as Record<
      ListField,
      z.ZodOptional<typeof columnIndex>
    >,
  )
  .strict();

/** The longest a screen waits in one `scanner-next` call. */
export const SCANNER_WAIT_MAX_MS = 25_000;

const upperLine = z.string().trim().min(1).max(120);
const letterheadSchema = z
  .object({
    parentBody: upperLine,
    issuingBody: upperLine,
    issuingCode: z
      .string()
      .trim()
      .regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/),
    place: z.string().trim().min(1).max(80),
    signForm: z.enum(['TM', 'KT', 'direct']),
    collective: z.string().trim().max(120),
    signerTitle: upperLine,
    signerName: z.string().trim().max(120),
    recipients: z.array(z.string().trim().min(1).max(200)).max(12),
    archive: z.string().trim().min(1).max(80),
  })
  .strict();

const password = z.string().min(1).max(200);
const username = z
  .string()
  .trim()
  .min(2)
  .max(50)
  .regex(/^[\p{L}\p{N}._-]+$/u);

export const requestSchemas = {
  'app-info': z.object({}).strict(),
  'auth-status': z.object({}).strict(),
  'auth-setup': z.object({ username, displayName: z.string().trim().min(1).max(120), password }).strict(),
  'auth-login': z.object({ username: z.string().trim().min(1).max(50), password }).strict(),
  'auth-logout': z.object({}).strict(),
  'users-list': z.object({}).strict(),
  'users-add': z.object({ username, displayName: z.string().trim().min(1).max(120), role: z.enum(ROLES), password }).strict(),
  'auth-recover': z.object({ code: z.string().trim().min(16).max(60), username, password }).strict(),
  'users-reset-password': z.object({ username, password }).strict(),
  'keys-new-recovery-code': z.object({}).strict(),
  'settings-set-locale': z.object({ locale: z.enum(['vi', 'en']) }).strict(),
  'settings-set-officer': z.object({ name: z.string().trim().min(1).max(200) }).strict(),
  'demo-load': z.object({}).strict(),
  'demo-dismiss': z.object({}).strict(),
  'demo-remove': z.object({}).strict(),
  'registry-preview': z.object({ fileName: z.string().min(1).max(260), data: bytes }).strict(),
  'registry-revalidate': z.object({ previewId: id, mapping: mappingSchema }).strict(),
  'registry-import-start': z.object({ previewId: id, mapping: mappingSchema.optional(), skipInvalid: z.boolean() }).strict(),
  'registry-find': z.object({ text: z.string().max(200), birthYear: z.number().int().min(1800).max(2200).optional() }).strict(),
  'registry-errors-xlsx': z
    .object({
      fileName: z.string().min(1).max(260),
      errors: z.array(z.object({ row: z.number().int().min(0), message: z.string().max(2000) }).strict()).max(1_100_000),
    })
    .strict(),
  'lists-preview': z.object({ fileName: z.string().min(1).max(260), data: bytes, source: z.string().max(200) }).strict(),
  'lists-revalidate': z.object({ previewId: id, mapping: listMappingSchema }).strict(),
  'lists-import': z
    .object({
      previewId: id,
      mapping: listMappingSchema,
      kind: z.enum(LIST_KINDS),
      source: z.string().trim().min(1).max(200),
      drawnUp: isoDate.optional(),
    })
    .strict(),
  'lists-all': z.object({}).strict(),
  'lists-get': z.object({ listId: rowId }).strict(),
  'lists-check': z.object({ listId: rowId }).strict(),
  'lists-resolve': z
    .object({
      entryId: rowId,
      resolution: z.enum(RESOLUTIONS),
      note: z.string().max(2000).optional(),
      candidateId: rowId.optional(),
      by: z.string().trim().min(1).max(200),
    })
    .strict(),
  'lists-unresolve': z.object({ entryId: rowId }).strict(),
  'lists-export': z.object({ listId: rowId }).strict(),
  'lookup-scan': z
    .object({
      text: z.string().min(1).max(1000),
      place: z.string().trim().min(1).max(200),
      direction: z.enum(['visit', 'in', 'out']),
    })
    .strict(),
  'checkpoint-visits': z
    .object({ place: z.string().max(200).optional(), from: z.string().max(40).optional(), to: z.string().max(40).optional() })
    .strict(),
  'checkpoint-export': z
    .object({ place: z.string().max(200).optional(), from: z.string().max(40).optional(), to: z.string().max(40).optional() })
    .strict(),
  'qr-parse': z.object({ text: z.string().min(1).max(1000) }).strict(),
  'documents-list': z.object({ listId: rowId }).strict(),
  'documents-pdf': z.object({ documentId: rowId }).strict(),
  'documents-open': z.object({ documentId: rowId }).strict(),
  'documents-signoff': z
    .object({ documentId: rowId, by: z.string().trim().min(1).max(200), role: z.enum(['chairman', 'facility_head']) })
    .strict(),
  'documents-verify': z.object({ text: z.string().min(1).max(1000) }).strict(),
  'letterhead-get': z.object({}).strict(),
  'letterhead-set': z.object({ letterhead: letterheadSchema }).strict(),
  'devices-list': z.object({}).strict(),
  'devices-choose': z
    .object({
      vendorId: z.number().int().min(0).max(0xffff),
      productId: z.number().int().min(0).max(0xffff),
      name: z.string().max(200),
    })
    .strict(),
  'devices-choose-serial': z
    .object({
      path: z.string().trim().min(1).max(200),
      name: z.string().max(200),
      baudRate: z.number().int().min(1200).max(921600),
    })
    .strict(),
  'devices-forget': z.object({}).strict(),
  'scanner-next': z.object({ after: z.number().int().min(0), waitMs: z.number().int().min(0).max(SCANNER_WAIT_MAX_MS) }).strict(),
  'scanner-demo': z.object({}).strict(),
  'vaccination-doses': z.object({ listId: rowId }).strict(),
  'vaccination-confirm': z.object({ listId: rowId, by: z.string().trim().min(1).max(200) }).strict(),
  'vaccination-manual': z
    .object({
      rows: z
        .array(
          z
            .object({
              fullName: z.string().trim().min(1).max(200),
              birthDate: z.string().max(20),
              idNumber: z.string().max(20),
              address: z.string().max(300),
              vaccinationDate: isoDate,
              vaccine: z.string().trim().min(1).max(100),
              lot: z.string().max(50),
              dose: z.number().int().min(1).max(6),
              facility: z.string().max(200),
            })
            .strict(),
        )
        .min(1)
        .max(500),
    })
    .strict(),
  'vaccine-products': z.object({}).strict(),
  'vaccine-product-save': z
    .object({
      product: z
        .object({
          code: z.string().regex(/^[A-Z0-9-]{2,20}$/),
          name: z.string().trim().min(1).max(100),
          aliases: z.array(z.string().trim().min(1).max(60)).max(20),
          primaryDoses: z.number().int().min(1).max(5),
          minIntervalDays: z.number().int().min(0).max(365),
          boosterAfterDays: z.number().int().min(0).max(730),
          approvedOn: isoDate,
          mixesWith: z.array(z.string().regex(/^[A-Z0-9-]{2,20}$/)).max(20),
        })
        .strict(),
    })
    .strict(),
  'infections-list': z.object({}).strict(),
  'infections-add': z
    .object({
      personalId: z.string().trim().min(1).max(20),
      confirmedOn: isoDate,
      recoveredOn: isoDate.nullable(),
      test: z.string().max(100).nullable(),
    })
    .strict(),
  'packages-state': z.object({}).strict(),
  'packages-export': z.object({}).strict(),
  'packages-file': z.object({ sequence: z.number().int().min(1).max(1_000_000) }).strict(),
  'packages-verify': z.object({ fileName: z.string().max(260), data: bytes }).strict(),
  'packages-ack': z.object({ fileName: z.string().max(260), text: z.string().max(50_000_000) }).strict(),
  'backup-state': z.object({}).strict(),
  'backup-set-folder': z.object({ folder: z.string().trim().min(1).max(500) }).strict(),
  'backup-now': z.object({}).strict(),
  'backup-list': z.object({}).strict(),
  // A backup is named, not given as a path: only the files in the backup folder can be restored.
  'backup-preview': z.object({ name: z.string().regex(/^doichieu-sao-luu-\d{8}-\d{6}\.sqlite$/) }).strict(),
  'backup-restore': z.object({ name: z.string().regex(/^doichieu-sao-luu-\d{8}-\d{6}\.sqlite$/) }).strict(),
  'job-status': z.object({ jobId: id }).strict(),
  'job-cancel': z.object({ jobId: id }).strict(),
} as const satisfies Record<Channel, z.ZodType>;

export type RequestOf<C extends Channel> = z.infer<(typeof requestSchemas)[C]>;

export interface AppInfo {
  readonly version: string;
  readonly databaseFile: string;
  readonly locale: 'vi' | 'en';
  readonly residentCount: number;
  readonly demoResidentCount: number;
  readonly demoChoiceMade: boolean;
  /** The name recorded on resolutions (until user accounts exist). */
  readonly officerName: string | null;
  /** Lists not yet returned whose due date has passed. */
  readonly overdueLists: number;
  /** The database is encrypted at rest. */
  readonly encrypted: boolean;
}

export interface PreviewColumn {
  readonly index: number;
  readonly title: string;
  readonly field: ResidentField | null;
}

export interface ImportPreview {
  readonly previewId: string;
  readonly fileName: string;
  readonly sheetName: string;
  /** Sheet row number of the header. */
  readonly headerRow: number;
  readonly dataRows: number;
  readonly columns: readonly PreviewColumn[];
  readonly mapping: ColumnMapping;
  /** A few data rows as text, for the user to see the mapping at work. */
  readonly sample: readonly (readonly string[])[];
  readonly validRows: number;
  readonly errors: readonly RowError[];
}

export interface RegistryImportResult {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  /** Residents whose new values were held back because local changes await export. */
  readonly held: number;
  readonly errors: readonly RowError[];
  /** False when rows had problems and the import was refused, so nothing was written. */
  readonly applied: boolean;
}

export interface ResidentView extends ResidentRecord {
  readonly isDemo: boolean;
}

export type JobPhase = 'read' | 'validate' | 'write' | 'check';

export interface ListImportDone {
  readonly listId: number;
  readonly rows: number;
  readonly errors: readonly RowError[];
}

/** What a finished job produced: a registry import's counts, or a received and checked list. */
export type JobResult =
  | { readonly kind: 'registry'; readonly registry: RegistryImportResult }
  | { readonly kind: 'list'; readonly list: ListImportDone };

export type JobStatus =
  | { readonly state: 'running'; readonly phase: JobPhase; readonly done: number; readonly total: number }
  | { readonly state: 'done'; readonly result: JobResult }
  | { readonly state: 'failed'; readonly error: ApiError }
  | { readonly state: 'cancelled' };

export interface ListPreview {
  readonly previewId: string;
  readonly fileName: string;
  readonly sheetName: string;
  readonly headerRow: number;
  readonly entries: number;
  readonly columns: readonly { readonly index: number; readonly title: string; readonly field: ListField | null }[];
  readonly mapping: ListMapping;
  readonly sample: readonly (readonly string[])[];
  /** The date the sheet says it was drawn up, if it says. */
  readonly drawnUpInSheet: IsoDate | null;
}

export interface ListSummary {
  readonly id: number;
  readonly kind: ListKind;
  readonly source: string;
  readonly fileName: string;
  readonly drawnUp: IsoDate;
  readonly dueDate: IsoDate;
  /** Days until the due date (negative once overdue). */
  readonly daysLeft: number;
  readonly overdue: boolean;
  readonly createdAt: string;
  readonly checkedAt: string | null;
  readonly returnedAt: string | null;
  /** A results list's confirmation by the chairman or facility head. */
  readonly confirmedAt: string | null;
  readonly confirmedBy: string | null;
  readonly rows: number;
  /** Entries that still need an officer (mismatched, not found, ambiguous, invalid, unresolved). */
  readonly open: number;
  readonly summary: Readonly<Record<EntryStatus, number>>;
}

export interface ResidentRef extends ResidentView {
  readonly id: number;
}

export interface EntryView {
  readonly id: number;
  readonly row: number;
  readonly status: EntryStatus | null;
  readonly fullName: string | null;
  readonly birthDate: IsoDate | null;
  readonly sex: Sex | null;
  readonly idNumber: string | null;
  readonly nationality: string | null;
  readonly address: string | null;
  readonly differences: readonly ComparedField[];
  readonly resident: ResidentRef | null;
  readonly candidates: readonly ResidentRef[];
  readonly resolution: Resolution | null;
  readonly resolutionNote: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
}

export interface ExportedFile {
  readonly fileName: string;
  readonly data: Uint8Array;
}

/** What a card says, read from its QR code (everything) or its MRZ lines (no address, the name without accents). */
export interface LookupCard {
  readonly personalId: string;
  readonly oldId: string | null;
  readonly fullName: string;
  readonly birthDate: IsoDate | null;
  readonly sex: Sex | null;
  readonly address: string | null;
  readonly issueDate: IsoDate | null;
  readonly expiryDate: IsoDate | null;
}

export type LookupSource = 'qr' | 'mrz' | 'typed';

export interface LookupResult {
  readonly source: LookupSource;
  /** What the card says (a typed number has no card). */
  readonly card: LookupCard | null;
  readonly number: string;
  readonly idCheck: {
    readonly valid: boolean;
    readonly kind: 'personal_id' | 'cmnd';
    readonly provinceName: string | null;
    readonly sex: Sex | null;
    readonly birthYear: number | null;
  };
  readonly resident: ResidentView | null;
  readonly differences: readonly ComparedField[];
  readonly warnings: readonly string[];
  readonly openEntries: readonly {
    readonly listId: number;
    readonly fileName: string;
    readonly row: number;
    readonly status: EntryStatus;
  }[];
  readonly visitId: number;
}

export interface CheckpointVisit {
  readonly id: number;
  readonly at: string;
  readonly place: string;
  readonly direction: 'visit' | 'in' | 'out';
  readonly personalId: string | null;
  readonly fullName: string | null;
  readonly source: LookupSource;
}

export interface HidDeviceView {
  readonly vendorId: number;
  readonly productId: number;
  readonly path: string | null;
  readonly name: string;
  readonly usagePage: number | null;
  readonly usage: number | null;
  readonly hidPos: boolean;
  readonly likelyScanner: boolean;
}

export interface SerialPortView {
  readonly path: string;
  readonly name: string;
  readonly vendorId: string | null;
  readonly productId: string | null;
  /** A USB virtual COM port (not a built-in serial port). */
  readonly usb: boolean;
  readonly likelyScanner: boolean;
}

/** The scanner the officer chose: a HID POS device, or a virtual COM port. */
export type ScannerChoice =
  | { readonly kind: 'hid'; readonly vendorId: number; readonly productId: number; readonly name: string }
  | { readonly kind: 'serial'; readonly path: string; readonly name: string; readonly baudRate: number };

export interface ScannerStatus {
  readonly source: 'none' | 'hid' | 'serial';
  /** `waiting`: chosen but not plugged in (or not yet opened). */
  readonly state: 'off' | 'open' | 'waiting';
  readonly name: string | null;
}

/** One scan read by the chosen scanner (or played by the demo mode). */
export interface ScanEvent {
  readonly seq: number;
  readonly at: string;
  readonly text: string;
  /** False when the scan's last report never came: the officer should scan again. */
  readonly complete: boolean;
  readonly source: 'hid' | 'serial' | 'demo';
}

export interface DevicesState {
  readonly devices: readonly HidDeviceView[];
  readonly serialPorts: readonly SerialPortView[];
  readonly chosen: ScannerChoice | null;
  /** Why the USB devices could not be listed (a missing libusb, no permission), if so. */
  readonly error: string | null;
}

export type SignRole = 'chairman' | 'facility_head';
export const SIGN_ROLES: readonly SignRole[] = ['chairman', 'facility_head'];

/** One printed version of a list's result (the documents registry). */
export interface DocumentVersionView {
  readonly id: number;
  readonly listId: number;
  readonly number: string;
  readonly version: number;
  readonly hash: string;
  readonly issuedOn: IsoDate;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly signedAt: string | null;
  readonly signedBy: string | null;
  readonly signedRole: SignRole | null;
  /** The list's newest version. */
  readonly latest: boolean;
}

/** Whether a paper (its QR code, or its PDF) matches the stored version and the list as it stands. */
export interface DocumentVerification {
  readonly valid: boolean;
  readonly documentNumber: string;
  readonly version: number;
  readonly signed: boolean;
  readonly reason: 'ok' | 'unknown' | 'hashMismatch' | 'changed';
  readonly signedBy?: string | null;
  readonly latestVersion: number | null;
  readonly listId: number | null;
}

/** One dose of a results list, with its problems (each naming its rule). */
export interface VaccinationView {
  readonly id: number;
  readonly row: number;
  /** The entry's match against the registry: only a matched person's dose can leave the machine. */
  readonly status: EntryStatus | null;
  readonly personalId: string | null;
  readonly fullName: string | null;
  readonly vaccinationDate: IsoDate | null;
  readonly productCode: string | null;
  readonly vaccine: string | null;
  readonly lot: string | null;
  readonly dose: number | null;
  readonly facility: string | null;
  readonly problems: readonly string[];
}

export interface ListConfirmation {
  readonly listId: number;
  readonly confirmedBy: string;
  readonly confirmedAt: string;
}

export interface InfectionView {
  readonly id: number;
  readonly personalId: string;
  readonly fullName: string | null;
  readonly confirmedOn: IsoDate;
  readonly recoveredOn: IsoDate | null;
  readonly test: string | null;
  readonly createdAt: string;
}

export type PackageRecordType = 'vaccination' | 'correction' | 'new_resident' | 'infection';
export type PackageCounts = Readonly<Record<PackageRecordType, number>>;

/** One exported update package, and what the national registry answered. */
export interface PackageView {
  readonly sequence: number;
  readonly packageId: string;
  readonly fileName: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly sha256: string;
  readonly bytes: number;
  readonly counts: PackageCounts;
  readonly acknowledgedAt: string | null;
  readonly accepted: number;
  readonly rejected: number;
}

export interface PackagesState {
  readonly waiting: PackageCounts;
  readonly packages: readonly PackageView[];
  /** The installation's signing key, as printed on exported documents. */
  readonly keyFingerprint: string;
}

export interface UserView {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
}

export interface AuthStatus {
  /** No user yet: the first run creates the administrator. */
  readonly needsSetup: boolean;
  readonly user: UserView | null;
  readonly idleMinutes: number;
  /** The database is encrypted at rest. */
  readonly encrypted: boolean;
  /** A recovery code can reset an administrator's password (an encrypted database has one). */
  readonly canRecover: boolean;
  /** Set once, right after the first administrator is made: the code to write down. */
  readonly recoveryCode?: string;
}

export interface ResponseMap {
  'app-info': AppInfo;
  'auth-status': AuthStatus;
  'auth-setup': AuthStatus;
  'auth-login': AuthStatus;
  'auth-logout': AuthStatus;
  'users-list': readonly UserView[];
  'users-add': readonly UserView[];
  'auth-recover': AuthStatus;
  'users-reset-password': readonly UserView[];
  'keys-new-recovery-code': { readonly recoveryCode: string };
  'settings-set-locale': AppInfo;
  'settings-set-officer': AppInfo;
  'demo-load': { readonly count: number };
  'demo-dismiss': AppInfo;
  'demo-remove': { readonly count: number };
  'registry-preview': ImportPreview;
  'registry-revalidate': ImportPreview;
  'registry-import-start': { readonly jobId: string };
  'registry-find': readonly ResidentView[];
  'registry-errors-xlsx': { readonly fileName: string; readonly data: Uint8Array };
  'lists-preview': ListPreview;
  'lists-revalidate': ListPreview;
  'lists-import': { readonly jobId: string };
  'lists-all': readonly ListSummary[];
  'lists-get': { readonly list: ListSummary; readonly entries: readonly EntryView[] };
  'lists-check': ListSummary;
  'lists-resolve': EntryView;
  'lists-unresolve': EntryView;
  'lists-export': { readonly files: readonly ExportedFile[]; readonly document: DocumentVersionView };
  'lookup-scan': LookupResult;
  'checkpoint-visits': readonly CheckpointVisit[];
  'checkpoint-export': ExportedFile;
  'documents-list': readonly DocumentVersionView[];
  'documents-pdf': ExportedFile;
  'documents-open': { readonly opened: boolean; readonly file: ExportedFile | null };
  'documents-signoff': DocumentVersionView;
  'documents-verify': DocumentVerification & { readonly message: string };
  'letterhead-get': Letterhead;
  'letterhead-set': Letterhead;
  'qr-parse': { readonly fullName: string; readonly personalId: string; readonly warnings: readonly string[] };
  'devices-list': DevicesState;
  'devices-choose': DevicesState;
  'devices-choose-serial': DevicesState;
  'devices-forget': DevicesState;
  'scanner-next': { readonly scans: readonly ScanEvent[]; readonly status: ScannerStatus };
  'scanner-demo': { readonly fullName: string };
  'vaccination-doses': readonly VaccinationView[];
  'vaccination-confirm': ListConfirmation;
  'vaccination-manual': { readonly listId: number };
  'vaccine-products': readonly VaccineProduct[];
  'vaccine-product-save': readonly VaccineProduct[];
  'infections-list': readonly InfectionView[];
  'infections-add': InfectionView;
  'packages-state': PackagesState;
  'packages-export': { readonly file: ExportedFile; readonly package: PackageView };
  'packages-file': ExportedFile;
  'packages-verify': {
    readonly valid: boolean;
    readonly packageId: string | null;
    readonly sequence: number | null;
    readonly problems: readonly string[];
  };
  'packages-ack': { readonly packageId: string; readonly accepted: number; readonly rejected: number };
  'backup-state': BackupState;
  'backup-set-folder': BackupState;
  'backup-now': BackupState;
  'backup-list': readonly BackupFile[];
  'backup-preview': BackupPreview;
  'backup-restore': BackupPreview;
  'job-status': JobStatus;
  'job-cancel': JobStatus;
}

export interface BackupState {
  /** Where the daily backup goes (a USB drive, a shared folder); null until chosen. */
  readonly folder: string | null;
  readonly lastBackupAt: string | null;
  readonly lastFile: string | null;
}

export interface BackupFile {
  readonly name: string;
  readonly bytes: number;
  readonly createdAt: string;
}

/** What a backup holds, read from the checked copy before anything is replaced. */
export interface BackupPreview {
  readonly file: string;
  readonly schemaVersion: number;
  readonly residents: number;
  readonly lists: number;
  readonly documents: number;
  readonly packages: number;
  readonly lastChange: string | null;
}

/** How an error crosses a host boundary: user errors carry their message, internal ones a generic one. */
export interface ApiError {
  /** `auth`: not signed in (or locked after idling): the page shows the sign-in screen. */
  readonly type: 'user' | 'internal' | 'auth';
  readonly message: string;
}

export type ApiResponse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** The client view every host gives the renderer: one named async method per channel. */
export type DoichieuApi = { readonly [C in Channel]: (request: RequestOf<C>) => Promise<ApiResponse<ResponseMap[C]>> };
