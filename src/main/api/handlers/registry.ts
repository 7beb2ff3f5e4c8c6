import type { REGISTRY_CHANNELS } from '../../../shared/api/registry';
import { fail, ok } from '../../../shared/result';
import { PreviewStore } from '../../jobs/preview-store';
import { buildErrorsWorkbook, errorsWorkbookName } from '../../registry/errors-workbook';
import { describeExtractPreview } from '../../registry/extract-preview';
import { findResidentsRecorded, searchResidentsRecorded } from '../../privacy/find-recorded';
import { extractImportWork } from '../../registry/import-job';
import { checkMapping, prepareExtract, surveyExtractFile, type ParsedExtract } from '../../registry/prepare-extract';
import { getLocale } from '../../settings/settings';
import type { ApiContext, DomainHandlers } from '../context';

export function registryHandlers(ctx: ApiContext): DomainHandlers<typeof REGISTRY_CHANNELS> {
  const { db } = ctx;
  const previews = new PreviewStore<ParsedExtract>();
  return {
    // Read in the reading worker: the app keeps answering while a file is parsed.
    'registry-preview': async ({ fileName, data }) => {
      const parsed = await prepareExtract(data, fileName, getLocale(db));
      if (parsed === 'cancelled') return fail('job.notFound');
      if (!parsed.ok) return parsed;
      const previewId = previews.add(parsed.value);
      return ok(describeExtractPreview(previewId, parsed.value, parsed.value.survey));
    },
    'registry-revalidate': async ({ previewId, mapping }) => {
      const parsed = previews.get(previewId);
      if (!parsed) return fail('job.notFound');
      const checked = checkMapping(parsed, mapping);
      if (!checked.ok) return checked;
      const survey = await surveyExtractFile(parsed.source, parsed.fileName, checked.value, getLocale(db));
      if (survey === 'cancelled') return fail('job.notFound');
      if (!survey.ok) return survey;
      // The import reuses this pass while the mapping stays the same.
      const surveyed = { ...parsed, survey: survey.value };
      previews.replace(previewId, surveyed);
      return ok(describeExtractPreview(previewId, surveyed, survey.value));
    },
    'registry-import-start': ({ previewId, mapping, skipInvalid, removeDemo }) => {
      const parsed = previews.get(previewId);
      if (!parsed) return fail('job.notFound');
      const work = extractImportWork(db, parsed, {
        mapping,
        skipInvalid,
        removeDemo: removeDemo ?? false,
        now: ctx.clock(),
        logger: ctx.logger,
        onApplied: () => previews.delete(previewId),
      });
      return ok({ jobId: ctx.jobs.start(work) });
    },
    'registry-find': ({ text, birthYear }) => ok(findResidentsRecorded(db, { text, birthYear }, ctx.clock())),
    'registry-search': ({ text, birthYear, offset, limit }) =>
      ok(searchResidentsRecorded(db, { text, birthYear }, { offset, limit }, ctx.clock())),
    'registry-errors-xlsx': async ({ fileName, errors }) =>
      ok({ fileName: errorsWorkbookName(fileName), data: await buildErrorsWorkbook(fileName, errors, getLocale(db)) }),
  };
}
