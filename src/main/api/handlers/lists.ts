import type { LISTS_CHANNELS } from '../../../shared/api/lists';
import { fail, ok } from '../../../shared/result';
import { PreviewStore } from '../../jobs/preview-store';
import { recheckList } from '../../lists/recheck-list';
import { exportList } from '../../lists/export-list';
import { checkListMapping, rememberedMapping } from '../../lists/import-list';
import { listImportWork } from '../../lists/import-job';
import { describeListPreview } from '../../lists/list-preview';
import { listEntries, listSummaries, listSummary } from '../../lists/list-views';
import { prepareList, type ParsedList } from '../../lists/prepare-list';
import { resolveEntrySafely, unresolveEntry } from '../../lists/resolve-entry';
import { getLocale } from '../../settings/settings';
import { officerName, type ApiContext, type DomainHandlers } from '../context';

export function listsHandlers(ctx: ApiContext): DomainHandlers<typeof LISTS_CHANNELS> {
  const { db } = ctx;
  const previews = new PreviewStore<ParsedList>();
  return {
    'lists-preview': async ({ fileName, data, source }) => {
      const parsed = await prepareList(data, fileName);
      if (!parsed.ok) return parsed;
      const previewId = previews.add(parsed.value);
      const mapping = rememberedMapping(db, source, parsed.value.columnTitles) ?? parsed.value.mapping;
      return ok(describeListPreview(db, previewId, parsed.value, mapping));
    },
    'lists-revalidate': ({ previewId, mapping }) => {
      const parsed = previews.get(previewId);
      if (!parsed) return fail('job.notFound');
      const checked = checkListMapping(parsed, mapping);
      if (!checked.ok) return checked;
      return ok(describeListPreview(db, previewId, parsed, checked.value));
    },
    'lists-import': ({ previewId, mapping, kind, source, title, drawnUp }) => {
      const parsed = previews.get(previewId);
      if (!parsed) return fail('job.notFound');
      const work = listImportWork(db, parsed, {
        kind,
        source,
        title,
        drawnUp,
        mapping,
        now: ctx.clock(),
        logger: ctx.logger,
        onDone: () => previews.delete(previewId),
      });
      return ok({ jobId: ctx.jobs.start(work) });
    },
    'lists-all': () => ok(listSummaries(db, ctx.clock())),
    'lists-get': ({ listId }) => {
      const list = listSummary(db, listId, ctx.clock());
      return list ? ok({ list, entries: listEntries(db, listId) }) : fail('list.notFound', { listId });
    },
    'lists-check': ({ listId }) => {
      const checked = recheckList(db, listId, ctx.clock());
      return checked.ok ? ok(listSummary(db, listId, ctx.clock())!) : checked;
    },
    // Who resolved an entry is the signed-in user.
    'lists-resolve': (request) => resolveEntrySafely(db, { ...request, by: officerName(ctx) ?? '' }, ctx.clock()),
    'lists-unresolve': ({ entryId }) => unresolveEntry(db, entryId),
    'lists-export': ({ listId, partial }) =>
      exportList(db, listId, getLocale(db), ctx.clock(), { by: officerName(ctx), partial }),
  };
}
