import type { VACCINATION_CHANNELS } from '../../../shared/api/vaccination';
import { fail, ok } from '../../../shared/result';
import { getLocale } from '../../settings/settings';
import { enterResults } from '../../vaccination/manual-entry';
import {
  addInfection,
  confirmList,
  infectionViews,
  listVaccinations,
  readProducts,
  saveProduct,
} from '../../vaccination/vaccinations';
import { officerName, type ApiContext, type DomainHandlers } from '../context';

export function vaccinationHandlers(ctx: ApiContext): DomainHandlers<typeof VACCINATION_CHANNELS> {
  const { db } = ctx;
  return {
    'vaccination-doses': ({ listId }) => ok(listVaccinations(db, listId, getLocale(db))),
    // Recorded as the signed-in chairman (dispatch let no one else through).
    'vaccination-confirm': ({ listId }) => {
      const user = ctx.session.current(ctx.clock());
      if (!user) return fail('doc.signerOnly');
      return confirmList(db, listId, user.displayName, user.username, ctx.clock());
    },
    'vaccination-manual': ({ rows }) => enterResults(db, rows, ctx.clock()),
    'vaccine-products': () => ok(readProducts(db)),
    'vaccine-product-save': ({ product }) => {
      saveProduct(db, product);
      return ok(readProducts(db));
    },
    'infections-list': () => ok(infectionViews(db)),
    'infections-add': (request) => addInfection(db, request, officerName(ctx), ctx.clock()),
  };
}
