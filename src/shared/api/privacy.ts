/**
 * Personal data protection (issue 21): the access log (who looked at whom), how long each kind of
 * data is kept, a citizen's request, and the processing record.
 */
import { z } from 'zod';
import { ADMIN, POLICE, type Role } from '../auth/roles';
import { channel, isoDate, noFields, type ExportedFile } from './define';

/**
 * What a look-up was: a search (`find`), a resident card opened (`open`), a card scanned or an ID
 * typed at the desk (`scan`), a chip read (`chip`), an export that contains the person (`export`),
 * the citizen's own report printed (`report`), their visits deleted on request (`delete`).
 */
export const ACCESS_ACTIONS = ['find', 'open', 'scan', 'chip', 'export', 'report', 'delete'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** One entry of the access log, as `access log --json` prints it. */
export interface AccessEntry {
  readonly at: string;
  /** The signed-in user, or the CLI's user ("Họ tên (tài khoản)", "CLI: admin"). */
  readonly user: string | null;
  readonly action: AccessAction;
  /** The person's 12-digit ID (or the number looked up); null for a search by name. */
  readonly residentId: string | null;
  /**
   * Where: `search`, `search:<text>` (a name searched), `card`, `list:<id>`, `desk:<place>`,
   * `package:<sequence>`, `visits` (the checkpoint log exported), `citizen-request`.
   */
  readonly context: string;
}

export interface AccessEntryView extends AccessEntry {
  readonly seq: number;
}

export interface AccessVerification {
  readonly valid: boolean;
  readonly entries: number;
  readonly problems: readonly string[];
}

/** How long each kind of data is kept, in days. */
export interface RetentionSettings {
  /** Checkpoint visits, from the visit (30 days: long enough for F1/F2 tracing). */
  readonly visitsDays: number;
  /** A list, its entries and results, from its whole return to the sender. */
  readonly listsDays: number;
  /** An access log entry, from the look-up (2 years). */
  readonly accessDays: number;
}

export interface RetentionCounts {
  readonly visits: number;
  readonly lists: number;
  readonly entries: number;
  readonly accessEntries: number;
}

export interface RetentionState {
  readonly settings: RetentionSettings;
  /** The last run: when, and what it deleted; null before the first. */
  readonly lastRun: { readonly at: string; readonly deleted: RetentionCounts } | null;
}

export const RETENTION_LIMITS = {
  visitsDays: { min: 1, max: 3650 },
  listsDays: { min: 30, max: 3650 },
  accessDays: { min: 365, max: 3650 },
} as const satisfies Readonly<Record<keyof RetentionSettings, { min: number; max: number }>>;

const days = (limits: { min: number; max: number }) => z.number().int().min(limits.min).max(limits.max);

/** The processing record (Hồ sơ xử lý dữ liệu cá nhân), generated from the app's own state. */
export const DATA_KINDS = [
  'residents',
  'lists',
  'vaccinations',
  'infections',
  'visits',
  'changes',
  'documents',
  'packages',
  'access',
  'users',
] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export interface ProcessingRecord {
  readonly generatedAt: string;
  readonly controller: { readonly issuingBody: string; readonly place: string };
  /** What is held, how many, who may see it (roles, from the API contract), how long it is kept (days; null: no period). */
  readonly kinds: readonly {
    readonly kind: DataKind;
    readonly count: number;
    readonly roles: readonly Role[];
    readonly keptDays: number | null;
  }[];
  readonly extracts: readonly { readonly fileName: string; readonly importedAt: string; readonly rows: number }[];
  readonly senders: readonly { readonly source: string; readonly lists: number; readonly lastReceived: string }[];
  readonly usersByRole: readonly { readonly role: Role; readonly users: readonly string[] }[];
  readonly retention: RetentionState;
  readonly backups: { readonly folder: string | null; readonly lastBackupAt: string | null };
  readonly packages: readonly {
    readonly sequence: number;
    readonly createdAt: string;
    readonly createdBy: string | null;
    readonly records: number;
    readonly acknowledgedAt: string | null;
  }[];
  readonly returnedLists: readonly { readonly source: string; readonly lists: number; readonly lastReturned: string }[];
}

/** A PDF: opened in the system's viewer by the desktop app, else handed to the page. */
export interface PrintedFile {
  readonly opened: boolean;
  readonly file: ExportedFile | null;
}

/** A resident by their 12-digit ID. */
export const residentId = z.string().regex(/^\d{12}$/);
// The access log also names numbers looked up at the desk that found no resident (an old 9-digit CMND).
const accessQuery = z
  .object({
    residentId: z
      .string()
      .regex(/^\d{9}(\d{3})?$/)
      .optional(),
    since: isoDate.optional(),
  })
  .strict();

export const PRIVACY_CHANNELS = {
  'access-log': channel<readonly AccessEntryView[]>()({ effect: 'reads', request: accessQuery, roles: ADMIN }),
  'access-export': channel<ExportedFile>()({ effect: 'writes', request: accessQuery, roles: ADMIN }),
  'access-verify': channel<AccessVerification>()({ effect: 'reads', request: noFields, roles: ADMIN }),
  'retention-state': channel<RetentionState>()({ effect: 'reads', request: noFields, roles: ADMIN }),
  'retention-set': channel<RetentionState>()({
    effect: 'writes',
    request: z
      .object({
        visitsDays: days(RETENTION_LIMITS.visitsDays),
        listsDays: days(RETENTION_LIMITS.listsDays),
        accessDays: days(RETENTION_LIMITS.accessDays),
      })
      .strict(),
    roles: ADMIN,
  }),
  'retention-run': channel<RetentionState>()({ effect: 'writes', request: noFields, roles: ADMIN }),
  'citizen-report': channel<PrintedFile>()({ effect: 'writes', request: z.object({ residentId }).strict(), roles: POLICE }),
  'citizen-delete-visits': channel<{ readonly deleted: number }>()({
    effect: 'writes',
    request: z.object({ residentId }).strict(),
    roles: POLICE,
  }),
  'processing-record': channel<ProcessingRecord>()({ effect: 'reads', request: noFields, roles: ADMIN }),
  'processing-record-pdf': channel<PrintedFile>()({ effect: 'reads', request: noFields, roles: ADMIN }),
} as const;
