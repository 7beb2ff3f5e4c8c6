import type { Locale } from '../../shared/i18n';
import { RESIDENT_FIELDS, type ColumnMapping } from '../../shared/registry/fields';
import { fail, ok, type Result } from '../../shared/result';
import { runReadTask, type ReadProgress } from '../spreadsheet/read-worker-client';
import { sourceRef, sourceSize, type SourceRef, type SpreadsheetInput } from '../spreadsheet/source';
import type { ExtractSurvey } from './extract-reading';

/**
 * A registry extract read once (in the reading worker): where its header is, how its columns map,
 * and what validating every row under a mapping found. The rows themselves are not kept: the
 * import reads the file again, in batches.
 */
export interface ParsedExtract {
  readonly fileName: string;
  readonly source: SourceRef;
  /** The file's size in bytes. */
  readonly size: number;
  readonly sha256: string;
  readonly sheetName: string;
  readonly headerRow: number;
  readonly columnTitles: readonly string[];
  /** The mapping the titles give. */
  readonly mapping: ColumnMapping;
  /** The latest validating pass (under the mapping it names). */
  readonly survey: ExtractSurvey;
}

export interface SurveyOptions {
  readonly onProgress?: ReadProgress;
  readonly isCancelled?: () => boolean;
}

/** Validates every row of the file under `mapping` (null: the titles' own), off the main thread. */
export async function surveyExtractFile(
  source: SourceRef,
  fileName: string,
  mapping: ColumnMapping | null,
  locale: Locale,
  options: SurveyOptions = {},
): Promise<Result<ExtractSurvey> | 'cancelled'> {
  return runReadTask<ExtractSurvey>({ kind: 'survey-extract', fileName, mapping, locale }, source, options);
}

/** Reads the file, finds its header row (on the first visible sheet that has one) and validates its rows. */
export async function prepareExtract(
  data: SpreadsheetInput,
  fileName: string,
  locale: Locale = 'vi',
  options: SurveyOptions = {},
): Promise<Result<ParsedExtract> | 'cancelled'> {
  const source = sourceRef(data);
  const survey = await surveyExtractFile(source, fileName, null, locale, options);
  if (survey === 'cancelled' || !survey.ok) return survey;
  const { header, sha256 } = survey.value;
  return ok({
    fileName,
    source,
    size: sourceSize(source),
    sha256,
    sheetName: header.sheetName,
    headerRow: header.headerRow,
    columnTitles: header.columnTitles,
    mapping: header.mapping,
    survey: survey.value,
  });
}

/** Checks a (possibly user-edited) mapping: the ID and name columns present, columns that exist, none used twice. */
export function checkMapping(
  parsed: Pick<ParsedExtract, 'fileName' | 'columnTitles'>,
  mapping: ColumnMapping,
): Result<ColumnMapping> {
  const file = parsed.fileName;
  if (mapping.personalId === undefined) return fail('error.noIdColumn', { file });
  if (mapping.fullName === undefined) return fail('error.noNameColumn', { file });
  const seen = new Set<number>();
  for (const field of RESIDENT_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    if (column >= parsed.columnTitles.length) return fail('error.mappingColumn', { file, column: column + 1 });
    if (seen.has(column))
      return fail('error.duplicateColumn', { file, field: parsed.columnTitles[column] ?? String(column + 1) });
    seen.add(column);
  }
  return ok(mapping);
}

/** Whether two mappings send the same columns to the same fields. */
export function sameMapping(a: ColumnMapping, b: ColumnMapping): boolean {
  return RESIDENT_FIELDS.every((field) => a[field] === b[field]);
}
