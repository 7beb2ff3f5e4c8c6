import type { ADMIN_UNITS_CHANNELS } from '../../../shared/api/admin-units';
import { searchCommunes } from '../../../shared/admin-units/search';
import { ok } from '../../../shared/result';
import { adminUnits } from '../../admin-units/admin-units';
import { communeSetting, setCommune } from '../../admin-units/commune-setting';
import type { ApiContext, DomainHandlers } from '../context';

export function adminUnitsHandlers(ctx: ApiContext): DomainHandlers<typeof ADMIN_UNITS_CHANNELS> {
  const { db } = ctx;
  return {
    'admin-units-search': ({ query, limit }) => ok(searchCommunes(adminUnits(), query, limit)),
    'admin-units-commune': () => ok(communeSetting(db)),
    'admin-units-commune-set': ({ code }) => setCommune(db, code, ctx.clock()),
  };
}
