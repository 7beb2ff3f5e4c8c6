import type { REGISTRY_CHANNELS } from '../../../shared/api/registry';
import { fail, ok } from '../../../shared/result';
import { PreviewStore } from '../../jobs/preview-store';
import { buildErrorsWorkbook, errorsWorkbookName } from '../../registry/errors-workbook';
import { describeExtractPreview } from '../../registry/extract-preview';
import { findResidents } from '../../registry/find-residents';
import { extractImportWork } from '../../registry/import-job';
import { checkMapping, prepareExtract, type ParsedExtract } from '../../registry/prepare-extract';
import { getLocale } from '../../settings/settings';
import type { ApiContext, DomainHandlers } from '../context';

export function registryHandlers(ctx: ApiContext): DomainHandlers<typeof REGISTRY_CHANNELS> {
  const { db } = ctx;
  const previews = new PreviewStore<ParsedExtract>();
  return {
    'registry-preview': async ({ fileName, data }) => {
      const parsed = await prepareExtract(data, fileName);
      if (!parsed.ok) return parsed;
      const previewId = previews.add(parsed.value);
      return ok(describeExtractPreview(previewId, parsed.value, parsed.value.mapping, getLocale(db)));
    },
    'registry-revalidate': ({ previewId, mapping }) => {
      const parsed = previews.get(previewId);
      if (!parsed) return fail('job.notFound');
      const checked = checkMapping(parsed, mapping);
      if (!checked.ok) return checked;
      return ok(describeExtractPreview(previewId, parsed, checked.value, getLocale(db)));
    },
    'registry-import-start': ({ previewId, mapping, skipInvalid }) => {
      const parsed = previews.get(previewId);
      if (!parsed) return fail('job.notFound');
      const work = extractImportWork(db, parsed, {
        mapping,
        skipInvalid,
        now: ctx.clock(),
        logger: ctx.logger,
        onApplied: () => previews.delete(previewId),
      });
      return ok({ jobId: ctx.jobs.start(work) });
    },
    'registry-find': ({ text, birthYear }) => ok(findResidents(db, { text, birthYear })),
    'registry-errors-xlsx': async ({ fileName, errors }) =>
      ok({ fileName: errorsWorkbookName(fileName), data: await buildErrorsWorkbook(fileName, errors, getLocale(db)) }),
  };
}
