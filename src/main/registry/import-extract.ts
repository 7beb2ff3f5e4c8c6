import type { JobPhase, RegistryImportResult } from '../../shared/api-contract';
import type { Locale } from '../../shared/i18n';
import type { ColumnMapping } from '../../shared/registry/fields';
import { ok, type Result } from '../../shared/result';
import type { Db } from '../db/open-database';
import { pullResidents, type ReadProgress } from '../spreadsheet/read-worker-client';
import { sourceRef, type SpreadsheetInput } from '../spreadsheet/source';
import { applyExtract, refused, REPEATED_IDS, type ExtractFoundWhileWriting } from './apply-extract';
import { checkMapping, prepareExtract, sameMapping, surveyExtractFile, type ParsedExtract } from './prepare-extract';

export interface ImportOptions {
  readonly mapping?: ColumnMapping;
  readonly skipInvalid: boolean;
  readonly locale: Locale;
  readonly now: Date;
  readonly onPhase?: (phase: JobPhase) => void;
  readonly onProgress?: ReadProgress;
  readonly isCancelled?: () => boolean;
}

export type ImportOutcome = Result<RegistryImportResult | 'cancelled'>;

/**
 * Validates and writes an already-read extract. All or nothing, as before streaming: a validating
 * pass first (reused from the preview when the mapping is the same), nothing written when a row is
 * rejected (unless `skipInvalid`), then the file read again and written in one transaction.
 */
export async function importParsedExtract(db: Db, parsed: ParsedExtract, options: ImportOptions): Promise<ImportOutcome> {
  const mapping = checkMapping(parsed, options.mapping ?? parsed.mapping);
  if (!mapping.ok) return mapping;
  options.onPhase?.('validate');
  let survey = parsed.survey;
  if (!sameMapping(survey.mapping, mapping.value)) {
    const again = await surveyExtractFile(parsed.source, parsed.fileName, mapping.value, options.locale, options);
    if (again === 'cancelled') return ok('cancelled');
    if (!again.ok) return again;
    survey = again.value;
  }
  if (options.isCancelled?.()) return ok('cancelled');
  if (survey.errors.length > 0 && !options.skipInvalid) return ok(refused(survey.errors));
  options.onPhase?.('write');
  const batches = await pullResidents<void>(
    { kind: 'extract-rows', fileName: parsed.fileName, mapping: mapping.value, skipIds: survey.repeatedIds },
    parsed.source,
    options.onProgress,
  );
  if (!batches.ok) return batches;
  return applyExtract(
    db,
    { fileName: parsed.fileName, sha256: parsed.sha256, dataRows: survey.dataRows, errors: survey.errors },
    batches.value,
    options,
  );
}

/**
 * Reads, validates and writes a registry extract (bytes, or a file read as a stream): the whole
 * `registry import`. With no preview before it, the file is read once, validated and written in
 * the same pass, and the transaction undone if the pass finds a rejected row (unless
 * `skipInvalid`). An ID repeated inside the file (every row carrying it is rejected) is known only
 * at the end: then the file is read twice, a validating pass first, as after a preview.
 */
export async function importExtractFile(
  db: Db,
  data: SpreadsheetInput,
  fileName: string,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const source = sourceRef(data);
  if (options.mapping === undefined) {
    options.onPhase?.('write');
    const batches = await pullResidents<ExtractFoundWhileWriting>(
      { kind: 'import-extract', fileName, locale: options.locale },
      source,
      options.onProgress,
    );
    if (!batches.ok) return batches;
    const once = applyExtract(db, fileName, batches.value, options);
    if (!once.ok || once.value !== REPEATED_IDS) return once as ImportOutcome;
  }
  options.onPhase?.('read');
  const parsed = await prepareExtract(data, fileName, options.locale, options);
  if (parsed === 'cancelled') return ok('cancelled');
  if (!parsed.ok) return parsed;
  if (options.isCancelled?.()) return ok('cancelled');
  return importParsedExtract(db, parsed.value, options);
}
