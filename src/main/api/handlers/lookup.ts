import type { LOOKUP_CHANNELS } from '../../../shared/api/lookup';
import { translate } from '../../../shared/i18n';
import { parseCccdQr } from '../../../shared/identity/cccd-qr';
import { ok } from '../../../shared/result';
import { checkpointVisits, lookupScan } from '../../lookup/lookup';
import { visitsWorkbook } from '../../lookup/visits-workbook';
import { getLocale } from '../../settings/settings';
import type { ApiContext, DomainHandlers } from '../context';

export function lookupHandlers(ctx: ApiContext): DomainHandlers<typeof LOOKUP_CHANNELS> {
  const { db } = ctx;
  return {
    'lookup-scan': (request) => lookupScan(db, request, ctx.clock(), getLocale(db)),
    'checkpoint-visits': (query) => ok(checkpointVisits(db, query)),
    'checkpoint-export': async (query) =>
      ok(await visitsWorkbook(checkpointVisits(db, { ...query, limit: 1_000_000 }), getLocale(db))),
    'qr-parse': ({ text }) => {
      const parsed = parseCccdQr(text);
      if (!parsed.ok) return parsed;
      const locale = getLocale(db);
      const warnings = parsed.value.warnings.map((p) => translate(locale, p.key, p.params));
      return ok({ fullName: parsed.value.fullName, personalId: parsed.value.personalId, warnings });
    },
  };
}
