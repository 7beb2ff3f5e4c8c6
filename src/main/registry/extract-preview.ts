import type { ImportPreview, PreviewColumn } from '../../shared/api-contract';
import type { Locale } from '../../shared/i18n';
import { RESIDENT_FIELDS, type ColumnMapping } from '../../shared/registry/fields';
import { cellText } from '../../shared/text/cell-text';
import type { ParsedExtract } from './prepare-extract';
import { validateExtract } from './validate-extract';

/** Data rows shown under the mapping, for the user to see it at work. */
export const PREVIEW_SAMPLE_ROWS = 5;

function fieldAt(mapping: ColumnMapping, column: number): PreviewColumn['field'] {
  return RESIDENT_FIELDS.find((field) => mapping[field] === column) ?? null;
}

/** What the import dialog shows of an extract read with a mapping: columns, sample rows, rows that would be rejected. */
export function describeExtractPreview(
  previewId: string,
  parsed: ParsedExtract,
  mapping: ColumnMapping,
  locale: Locale,
): ImportPreview {
  const validated = validateExtract(parsed, mapping, locale);
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
}
