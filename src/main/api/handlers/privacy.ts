import type { PRIVACY_CHANNELS } from '../../../shared/api/privacy';
import type { ExportedFile } from '../../../shared/api/define';
import { ok, type Result } from '../../../shared/result';
import { audit } from '../../audit/audit';
import { accessEntries, describeAccessVerification } from '../../privacy/access-log';
import { accessWorkbook } from '../../privacy/access-workbook';
import { citizenReport, deleteVisitsOnRequest } from '../../privacy/citizen-report';
import { processingRecordPdf } from '../../privacy/processing-pdf';
import { processingRecord } from '../../privacy/processing-record';
import { retentionState, runRetention, saveRetention } from '../../privacy/retention';
import { getLocale } from '../../settings/settings';
import type { ApiContext, DomainHandlers } from '../context';

/** The access log, retention, a citizen's request and the processing record (issue 21). */
export function privacyHandlers(ctx: ApiContext): DomainHandlers<typeof PRIVACY_CHANNELS> {
  const { db } = ctx;
  /** The desktop app opens a PDF in the system's viewer (and its print dialog); a browser gets the file. */
  const printed = async (file: ExportedFile) => {
    if (ctx.openFile && (await ctx.openFile(file.fileName, file.data))) return ok({ opened: true, file: null });
    return ok({ opened: false, file });
  };
  return {
    'access-log': (query) => ok(accessEntries(db, query).reverse()),
    'access-export': async (query) => {
      const entries = accessEntries(db, query);
      // Who exported the log for an inspection, and how much of it (never whose entries).
      audit(db, 'access.export', null, { entries: entries.length, filtered: query.residentId !== undefined }, ctx.clock());
      return ok(await accessWorkbook(entries, getLocale(db), ctx.clock()));
    },
    'access-verify': () => ok(describeAccessVerification(db, getLocale(db))),
    'retention-state': () => ok(retentionState(db)),
    'retention-set': (settings) => ok(saveRetention(db, settings, ctx.clock())),
    'retention-run': () => ok(runRetention(db, ctx.clock())),
    'citizen-report': async ({ residentId }) => {
      const report: Result<ExportedFile> = await citizenReport(db, residentId, ctx.clock());
      return report.ok ? printed(report.value) : report;
    },
    'citizen-delete-visits': ({ residentId }) => deleteVisitsOnRequest(db, residentId, ctx.clock()),
    'processing-record': () => ok(processingRecord(db, ctx.clock())),
    'processing-record-pdf': async () => {
      const now = ctx.clock();
      audit(db, 'privacy.print', null, { kind: 'processing-record' }, now);
      const data = await processingRecordPdf(db, processingRecord(db, now), ctx.keys.key !== null);
      return printed({ fileName: `ho-so-xu-ly-du-lieu-ca-nhan-${now.toISOString().slice(0, 10)}.pdf`, data });
    },
  };
}
