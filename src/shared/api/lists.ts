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
  /** The title and the sender the sheet's heading rows name, if they do (the dialog offers them, editable). */
  readonly suggestedTitle: string | null;
  readonly suggestedSource: string | null;
  /** The same file (same bytes) was received before: that list. */
  readonly sameAs: { readonly listId: number; readonly title: string; readonly createdAt: string } | null;
}

export interface ListImportDone {
  readonly listId: number;
  readonly rows: number;
  readonly errors: readonly RowError[];
}

/** Not returned yet; returned with entries still being verified ("đã trả một phần"); returned whole. */
export type ReturnState = 'open' | 'partial' | 'returned';

export interface ListSummary {
  readonly id: number;
  readonly kind: ListKind;
  /** The list's own title (from its heading rows, as the officer confirmed it), else its file name. */
  readonly title: string;
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
  /** Returned whole, or with entries still open (the deadline warning stays until the rest is done and printed again). */
  readonly returnState: ReturnState;
  /** A results list's confirmation by the chairman or facility head. */
  readonly confirmedAt: string | null;
  readonly confirmedBy: string | null;
  readonly rows: number;
  /** Entries that still need an officer (mismatched, not found, ambiguous, invalid, unresolved). */
  readonly open: number;
  /** The open entries by status: what "Xuất kết quả" names before a partial return. */
  readonly openByStatus: Readonly<Record<EntryStatus, number>>;
  readonly summary: Readonly<Record<EntryStatus, number>>;
}

/** One field of a proposed registry correction: the registry's value, the list's, and the reviewed value to send. */
export interface FieldProposal {
  readonly field: ComparedField;
  readonly registry: string | null;
  readonly list: string | null;
  readonly proposed: string;
}

/** A person not in the registry, as collected by an officer ("Thu thập thông tin"), awaiting the package. */
export interface NewResidentFields {
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly sex: Sex;
  readonly personalId: string | null;
  readonly ethnicity: string | null;
  readonly nationality: string | null;
  readonly permanentAddress: string;
  readonly currentAddress: string | null;
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
  /** For a duplicate: the sheet row of the entry it repeats. */
  readonly duplicateOfRow: number | null;
  /** For "Đề nghị sửa CSDL": the reviewed values the package will carry. */
  readonly proposals: readonly FieldProposal[];
  /** For "Thu thập bổ sung": the person as collected. */
  readonly collected: NewResidentFields | null;
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
const proposedValue = z.string().trim().min(1).max(300);
const newResident = z
  .object({
    fullName: z.string().trim().min(1).max(200),
    birthDate: isoDate,
    sex: z.enum(['male', 'female']),
    personalId: z
      .string()
      .trim()
      .regex(/^\d{12}$/)
      .nullable(),
    ethnicity: z.string().trim().max(60).nullable(),
    nationality: z.string().trim().max(60).nullable(),
    permanentAddress: z.string().trim().min(1).max(300),
    currentAddress: z.string().trim().max(300).nullable(),
  })
  .strict();

export const LISTS_CHANNELS = {
  'lists-preview': channel<ListPreview>()({
    effect: 'reads',
    request: z.object({ fileName, data: bytes, source: z.string().max(200) }).strict(),
    roles: LISTS,
  }),
  'lists-revalidate': channel<ListPreview>()({
    effect: 'reads',
    request: z.object({ previewId: id, mapping: listMappingSchema }).strict(),
    roles: LISTS,
  }),
  'lists-import': channel<{ readonly jobId: string }>()({
    effect: 'writes',
    request: z
      .object({
        previewId: id,
        mapping: listMappingSchema,
        kind: z.enum(LIST_KINDS),
        source: z.string().trim().min(1).max(200),
        title: z.string().trim().min(1).max(200).optional(),
        drawnUp: isoDate.optional(),
      })
      .strict(),
    roles: LISTS,
  }),
  'lists-all': channel<readonly ListSummary[]>()({ effect: 'reads', request: noFields, roles: EVERYONE }),
  'lists-get': channel<{ readonly list: ListSummary; readonly entries: readonly EntryView[] }>()({
    effect: 'reads',
    request: listId,
    roles: EVERYONE,
  }),
  'lists-check': channel<ListSummary>()({ effect: 'writes', request: listId, roles: LISTS }),
  'lists-resolve': channel<EntryView>()({
    effect: 'writes',
    request: z
      .object({
        entryId: rowId,
        resolution: z.enum(RESOLUTIONS),
        note: z.string().max(2000).optional(),
        candidateId: rowId.optional(),
        /** `registry_corrected`: the value to send per differing field (the list's by default). */
        proposed: z
          .object({
            fullName: proposedValue.optional(),
            birthDate: proposedValue.optional(),
            sex: z.enum(['male', 'female']).optional(),
            personalId: proposedValue.optional(),
            address: proposedValue.optional(),
          })
          .strict()
          .optional(),
        /** `collected`: the person as the officer collected them. */
        newResident: newResident.optional(),
      })
      .strict(),
    roles: POLICE,
  }),
  'lists-unresolve': channel<EntryView>()({ effect: 'writes', request: z.object({ entryId: rowId }).strict(), roles: POLICE }),
  'lists-export': channel<{ readonly files: readonly ExportedFile[]; readonly document: DocumentVersionView }>()({
    effect: 'writes',
    /** `partial`: return now although entries still need action; they are printed as still being verified. */
    request: z.object({ listId: rowId, partial: z.boolean().optional() }).strict(),
    roles: LISTS,
  }),
} as const;
