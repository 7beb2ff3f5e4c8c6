import type { RESIDENTS_CHANNELS } from '../../../shared/api/residents';
import { openResidentCard } from '../../residents/resident-card';
import type { ApiContext, DomainHandlers } from '../context';

/** A resident's card: opening it is a look-up recorded in the access log (issue 21). */
export function residentsHandlers(ctx: ApiContext): DomainHandlers<typeof RESIDENTS_CHANNELS> {
  return {
    'residents-card': (request) => {
      const now = ctx.clock();
      return openResidentCard(ctx.db, request, ctx.session.current(now)?.role ?? null, now);
    },
  };
}
