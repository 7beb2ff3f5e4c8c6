import type { JobPhase, RegistryImportResult } from '../../shared/api-contract';
import type { Locale } from '../../shared/i18n';
import type { ColumnMapping } from '../../shared/registry/fields';
import { ok, type Result } from '../../shared/result';
import type { Db } from '../db/open-database';
import { applyExtract } from './apply-extract';
import { checkMapping, prepareExtract, type ParsedExtract } from './prepare-extract';
import { validateExtract } from './validate-extract';

export interface ImportOptions {
  readonly mapping?: ColumnMapping;
  readonly skipInvalid: boolean;
  readonly locale: Locale;
  readonly now: Date;
  readonly onPhase?: (phase: JobPhase) => void;
  readonly isCancelled?: () => boolean;
}

export type ImportOutcome = Result<RegistryImportResult | 'cancelled'>;

/** Validates and writes an already-read extract (the preview's parse is reused). */
export function importParsedExtract(db: Db, parsed: ParsedExtract, options: ImportOptions): ImportOutcome {
  const mapping = checkMapping(parsed, options.mapping ?? parsed.mapping);
  if (!mapping.ok) return mapping;
  options.onPhase?.('validate');
  const validated = validateExtract(parsed, mapping.value, options.locale);
  if (options.isCancelled?.()) return ok('cancelled');
  options.onPhase?.('write');
  return ok(applyExtract(db, parsed, validated, options));
}

/** Reads, validates and writes a registry extract file: the whole `registry import`. */
export async function importExtractFile(
  db: Db,
  data: Uint8Array,
  fileName: string,
  options: ImportOptions,
): Promise<ImportOutcome> {
  options.onPhase?.('read');
  const parsed = await prepareExtract(data, fileName);
  if (!parsed.ok) return parsed;
  if (options.isCancelled?.()) return ok('cancelled');
  return importParsedExtract(db, parsed.value, options);
}
