/** Lists received from the health station: preview, import, the check, resolutions, the returned result. */
import { z } from 'zod';
import { EVERYONE, LISTS, POLICE } from '../auth/roles';
import type { IsoDate } from '../dates';
import { LIST_FIELDS, LIST_KINDS, type ListField, type ListKind, type ListMapping } from '../lists/fields';
import type { RowError, Sex } from '../types';
import type { AddressNote } from '../verification/address';
import { RESOLUTIONS, type ComparedField, type EntryStatus, type Resolution } from '../verification/vocabulary';
import { bytes, channel, columnIndex, fileName, id, isoDate, noFields, rowId, type ExportedFile } from './define';
import type { DocumentVersionView } from './documents';
import type { ResidentView } from './registry';

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

export interface ListImportDone {
  readonly listId: number;
  readonly rows: number;
  readonly errors: readonly RowError[];
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
  /**
   * Why the address agrees though it names another unit (the 1 July 2025 reform): "xã Phúc Thịnh
   * cũ, nay thuộc xã Chiêm Hóa" (message `address.formerUnit`). Absent when there is nothing to say.
   */
  readonly addressNotes?: readonly AddressNote[];
}

const listMappingSchema = z
  .object(
    Object.fromEntries(LIST_FIELDS.map((f) => [f, columnIndex.optional()])) as Record<
      ListField,
      z.ZodOptional<typeof columnIndex>
    >,
  )
  .strict();
const listId = z.object({ listId: rowId }).strict();

export const LISTS_CHANNELS = {
  'lists-preview': channel<ListPreview>()({
    request: z.object({ fileName, data: bytes, source: z.string().max(200) }).strict(),
    roles: LISTS,
  }),
  'lists-revalidate': channel<ListPreview>()({
    request: z.object({ previewId: id, mapping: listMappingSchema }).strict(),
    roles: LISTS,
  }),
  'lists-import': channel<{ readonly jobId: string }>()({
    request: z
      .object({
        previewId: id,
        mapping: listMappingSchema,
        kind: z.enum(LIST_KINDS),
        source: z.string().trim().min(1).max(200),
        drawnUp: isoDate.optional(),
      })
      .strict(),
    roles: LISTS,
  }),
  'lists-all': channel<readonly ListSummary[]>()({ request: noFields, roles: EVERYONE }),
  'lists-get': channel<{ readonly list: ListSummary; readonly entries: readonly EntryView[] }>()({
    request: listId,
    roles: EVERYONE,
  }),
  'lists-check': channel<ListSummary>()({ request: listId, roles: LISTS }),
  'lists-resolve': channel<EntryView>()({
    request: z
      .object({
        entryId: rowId,
        resolution: z.enum(RESOLUTIONS),
        note: z.string().max(2000).optional(),
        candidateId: rowId.optional(),
      })
      .strict(),
    roles: POLICE,
  }),
  'lists-unresolve': channel<EntryView>()({ request: z.object({ entryId: rowId }).strict(), roles: POLICE }),
  'lists-export': channel<{ readonly files: readonly ExportedFile[]; readonly document: DocumentVersionView }>()({
    request: listId,
    roles: LISTS,
  }),
} as const;
