import type { ImportPreview, PreviewColumn } from '../../shared/api-contract';
import { RESIDENT_FIELDS, type ColumnMapping } from '../../shared/registry/fields';
import type { ExtractSurvey } from './extract-reading';
import type { ParsedExtract } from './prepare-extract';

/** Data rows shown under the mapping, for the user to see it at work. */
export const PREVIEW_SAMPLE_ROWS = 5;

function fieldAt(mapping: ColumnMapping, column: number): PreviewColumn['field'] {
  return RESIDENT_FIELDS.find((field) => mapping[field] === column) ?? null;
}

/** What the import dialog shows of an extract validated under a mapping: columns, sample rows, rows that would be rejected. */
export function describeExtractPreview(previewId: string, parsed: ParsedExtract, survey: ExtractSurvey): ImportPreview {
  const mapping = survey.mapping;
  return {
    previewId,
    fileName: parsed.fileName,
    sheetName: parsed.sheetName,
    headerRow: parsed.headerRow,
    dataRows: survey.validRows + survey.errors.length,
    columns: parsed.columnTitles.map((title, index) => ({ index, title, field: fieldAt(mapping, index) })),
    mapping,
    sample: survey.sample.slice(0, PREVIEW_SAMPLE_ROWS),
    validRows: survey.validRows,
    errors: survey.errors,
  };
}
