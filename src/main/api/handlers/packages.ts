import type { PACKAGES_CHANNELS } from '../../../shared/api/packages';
import { fail, ok } from '../../../shared/result';
import { importAck } from '../../packages/import-ack';
import { exportPackage, packagesState, storedPackage } from '../../packages/packages';
import { installRegistryKey } from '../../packages/registry-keys';
import { verifyPackage } from '../../packages/verify-package';
import { getLocale } from '../../settings/settings';
import { officerName, type ApiContext, type DomainHandlers } from '../context';

export function packagesHandlers(ctx: ApiContext): DomainHandlers<typeof PACKAGES_CHANNELS> {
  const { db } = ctx;
  return {
    'packages-state': () => ok(packagesState(db)),
    'packages-export': async () => {
      const exported = await exportPackage(db, { by: officerName(ctx), now: ctx.clock(), locale: getLocale(db) });
      if (!exported.ok) return exported;
      return ok({ file: { fileName: exported.value.fileName, data: exported.value.data }, package: exported.value.view });
    },
    'packages-file': ({ sequence }) => {
      const stored = storedPackage(db, sequence);
      return stored ? ok(stored) : fail('package.notFound', { sequence });
    },
    'packages-verify': ({ data }) => ok(verifyPackage(db, data, getLocale(db))),
    'packages-ack': ({ fileName, text, acceptUnsigned }) =>
      importAck(db, text, fileName, ctx.clock(), { acceptUnsigned: acceptUnsigned === true }),
    'packages-registry-key-set': (request) => installRegistryKey(db, request, ctx.clock()),
  };
}
