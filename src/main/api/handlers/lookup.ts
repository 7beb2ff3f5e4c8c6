import type { LOOKUP_CHANNELS } from '../../../shared/api/lookup';
import { translate } from '../../../shared/i18n';
import { parseCccdQr } from '../../../shared/identity/cccd-qr';
import { ok } from '../../../shared/result';
import { checkpointVisits } from '../../lookup/lookup';
import { lookupAtDesk, lookupChipRead } from '../../lookup/lookup-chip';
import { visitsWorkbook } from '../../lookup/visits-workbook';
import { recordVisitsExport } from '../../privacy/export-access';
import { getLocale } from '../../settings/settings';
import type { ApiContext, DomainHandlers } from '../context';

export function lookupHandlers(ctx: ApiContext): DomainHandlers<typeof LOOKUP_CHANNELS> {
  const { db } = ctx;
  return {
    'lookup-scan': (request) => lookupAtDesk(db, ctx.chip, request, ctx.clock(), getLocale(db)),
    'lookup-chip': (request) => lookupChipRead(db, ctx.chip, request, ctx.clock(), getLocale(db)),
    'checkpoint-visits': (query) => ok(checkpointVisits(db, query)),
    'checkpoint-export': async (query) => {
      const visits = checkpointVisits(db, { ...query, limit: 1_000_000 });
      recordVisitsExport(db, visits, ctx.clock());
      return ok(await visitsWorkbook(visits, getLocale(db)));
    },
    'qr-parse': ({ text }) => {
      const parsed = parseCccdQr(text);
      if (!parsed.ok) return parsed;
      const locale = getLocale(db);
      const warnings = parsed.value.warnings.map((p) => translate(locale, p.key, p.params));
      return ok({ fullName: parsed.value.fullName, personalId: parsed.value.personalId, warnings });
    },
  };
}
