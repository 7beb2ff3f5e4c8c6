import type { IsoDate } from '../../shared/dates';
import type { ListKind, ListMapping } from '../../shared/lists/fields';
import type { Db } from '../db/open-database';
import { jobProblem, type JobWork } from '../jobs/jobs';
import type { Logger } from '../log/logger';
import { getLocale } from '../settings/settings';
import { checkList } from './check-list';
import { deleteList, importParsedList } from './import-list';
import type { ParsedList } from './prepare-list';

export interface ListImportOptions {
  readonly kind: ListKind;
  readonly source: string;
  readonly title?: string;
  readonly drawnUp: IsoDate | undefined;
  readonly mapping: ListMapping;
  readonly now: Date;
  readonly logger: Logger;
  /** Called once the list is stored and checked (the preview is no longer needed). */
  readonly onDone: () => void;
}

/** The work of receiving a previewed list and checking it at once, as a job (a cancel removes the list whole). */
export function listImportWork(db: Db, parsed: ParsedList, options: ListImportOptions): JobWork {
  return async (control) => {
    const locale = getLocale(db);
    control.setPhase('write');
    const imported = importParsedList(db, parsed, {
      kind: options.kind,
      source: options.source,
      title: options.title,
      drawnUp: options.drawnUp,
      mapping: options.mapping,
      now: options.now,
      locale,
    });
    if (!imported.ok) return jobProblem(locale, imported.problem);
    // Let a cancel request in before the check; a cancelled list is removed whole.
    await new Promise((resolve) => setImmediate(resolve));
    if (control.isCancelled()) {
      deleteList(db, imported.value.listId);
      return { ok: true, value: 'cancelled' };
    }
    control.setPhase('check');
    checkList(db, imported.value.listId, options.now);
    options.onDone();
    options.logger.info('list-import', { rows: imported.value.rows });
    return { ok: true, value: { kind: 'list', list: imported.value } };
  };
}
