/** The registry extract: import with a preview, search, the errors workbook. */
import { z } from 'zod';
import { EVERYONE, POLICE } from '../auth/roles';
import { RESIDENT_FIELDS, type ColumnMapping, type ResidentField } from '../registry/fields';
import type { ResidentRecord, RowError } from '../types';
import { bytes, channel, columnIndex, fileName, id, type ExportedFile } from './define';

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

const mappingSchema = z
  .object(
    Object.fromEntries(RESIDENT_FIELDS.map((f) => [f, columnIndex.optional()])) as Record<
      ResidentField,
      z.ZodOptional<typeof columnIndex>
    >,
  )
  .strict();

export const REGISTRY_CHANNELS = {
  'registry-preview': channel<ImportPreview>()({
    effect: 'reads',
    request: z.object({ fileName, data: bytes }).strict(),
    roles: POLICE,
  }),
  'registry-revalidate': channel<ImportPreview>()({
    effect: 'reads',
    request: z.object({ previewId: id, mapping: mappingSchema }).strict(),
    roles: POLICE,
  }),
  'registry-import-start': channel<{ readonly jobId: string }>()({
    effect: 'writes',
    request: z
      .object({
        previewId: id,
        mapping: mappingSchema.optional(),
        skipInvalid: z.boolean(),
        /** Demo and real data never mix: the demo residents go first (what the dialog offers by default). */
        removeDemo: z.boolean().optional(),
      })
      .strict(),
    roles: POLICE,
  }),
  'registry-find': channel<readonly ResidentView[]>()({
    effect: 'writes',
    request: z.object({ text: z.string().max(200), birthYear: z.number().int().min(1800).max(2200).optional() }).strict(),
    roles: EVERYONE,
  }),
  // The search screen: one page of every match, and how many there are.
  'registry-search': channel<{ readonly residents: readonly ResidentView[]; readonly total: number }>()({
    effect: 'writes',
    request: z
      .object({
        text: z.string().max(200),
        birthYear: z.number().int().min(1800).max(2200).optional(),
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(200),
      })
      .strict(),
    roles: EVERYONE,
  }),
  'registry-errors-xlsx': channel<ExportedFile>()({
    effect: 'reads',
    request: z
      .object({
        fileName,
        errors: z.array(z.object({ row: z.number().int().min(0), message: z.string().max(2000) }).strict()).max(1_100_000),
      })
      .strict(),
    roles: POLICE,
  }),
} as const;
