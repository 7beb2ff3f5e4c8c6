/** The API's handlers, one module per domain (./handlers/<domain>.ts), merged here. */
import type { ApiContext, Handlers } from './context';
import { adminUnitsHandlers } from './handlers/admin-units';
import { appHandlers } from './handlers/app';
import { authHandlers } from './handlers/auth';
import { backupHandlers } from './handlers/backup';
import { chipHandlers } from './handlers/chip';
import { devicesHandlers } from './handlers/devices';
import { documentsHandlers } from './handlers/documents';
import { healthHandlers } from './handlers/health';
import { jobsHandlers } from './handlers/jobs';
import { listsHandlers } from './handlers/lists';
import { lookupHandlers } from './handlers/lookup';
import { packagesHandlers } from './handlers/packages';
import { privacyHandlers } from './handlers/privacy';
import { registryHandlers } from './handlers/registry';
import { residentsHandlers } from './handlers/residents';
import { vaccinationHandlers } from './handlers/vaccination';

export type { ApiContext, Handler, Handlers } from './context';

/** Every channel's handler: each validates nothing itself (dispatch did) and calls a service. */
export function createHandlers(ctx: ApiContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...authHandlers(ctx),
    ...registryHandlers(ctx),
    ...listsHandlers(ctx),
    ...lookupHandlers(ctx),
    ...documentsHandlers(ctx),
    ...devicesHandlers(ctx),
    ...vaccinationHandlers(ctx),
    ...packagesHandlers(ctx),
    ...backupHandlers(ctx),
    ...jobsHandlers(ctx),
    ...adminUnitsHandlers(ctx),
    ...chipHandlers(ctx),
    ...residentsHandlers(ctx),
    ...privacyHandlers(ctx),
    ...healthHandlers(ctx),
  };
}
