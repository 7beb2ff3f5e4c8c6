import type { ColumnMapping } from '../../shared/registry/fields';
import type { Db } from '../db/open-database';
import { jobProblem, type JobWork } from '../jobs/jobs';
import type { Logger } from '../log/logger';
import { removeDemo } from '../demo/demo-residents';
import { getLocale } from '../settings/settings';
import { importParsedExtract } from './import-extract';
import type { ParsedExtract } from './prepare-extract';

export interface ExtractImportOptions {
  readonly mapping: ColumnMapping | undefined;
  readonly skipInvalid: boolean;
  /** Remove the demo residents first, so demo and real data never mix. */
  readonly removeDemo?: boolean;
  readonly now: Date;
  readonly logger: Logger;
  /** Called once the rows are written (the preview is no longer needed). */
  readonly onApplied: () => void;
}

/** The work of importing a previewed extract, as a job the page follows (phases, cancel). */
export function extractImportWork(db: Db, parsed: ParsedExtract, options: ExtractImportOptions): JobWork {
  return async (control) => {
    const locale = getLocale(db);
    if (options.removeDemo) removeDemo(db);
    const outcome = await importParsedExtract(db, parsed, {
      mapping: options.mapping,
      skipInvalid: options.skipInvalid,
      locale,
      now: options.now,
      onPhase: control.setPhase,
      // Progress is the file's bytes read, in each pass (validating, then writing).
      onProgress: (bytes) => control.setProgress(bytes, parsed.size),
      isCancelled: control.isCancelled,
    });
    if (!outcome.ok) return jobProblem(locale, outcome.problem);
    if (outcome.value === 'cancelled') {
      options.logger.info('registry-import', { cancelled: true });
      return { ok: true, value: 'cancelled' };
    }
    if (outcome.value.applied) options.onApplied();
    options.logger.info('registry-import', { inserted: outcome.value.inserted, updated: outcome.value.updated });
    return { ok: true, value: { kind: 'registry', registry: outcome.value } };
  };
}
