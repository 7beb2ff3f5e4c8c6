import type { APP_CHANNELS } from '../../../shared/api/app';
import { fail, ok } from '../../../shared/result';
import { loadDemo, removeDemo } from '../../demo/demo-residents';
import { appInfo } from '../../settings/app-info';
import { setSetting } from '../../settings/settings';
import { type ApiContext, type DomainHandlers } from '../context';

/** What the shell shows, in the signed-in user's terms. */
export function currentAppInfo(ctx: ApiContext) {
  return appInfo(ctx.db, {
    version: ctx.version,
    databaseFile: ctx.databaseFile,
    encrypted: ctx.keys.encrypted,
    now: ctx.clock(),
  });
}

export function appHandlers(ctx: ApiContext): DomainHandlers<typeof APP_CHANNELS> {
  const { db } = ctx;
  return {
    'app-info': () => ok(currentAppInfo(ctx)),
    'settings-set-locale': ({ locale }) => {
      setSetting(db, 'locale', locale);
      return ok(currentAppInfo(ctx));
    },
    'demo-load': () => {
      const count = loadDemo(db);
      if (count === 'not-empty') return fail('demo.notEmpty');
      setSetting(db, 'demo-choice', 'loaded');
      return ok({ count });
    },
    'demo-dismiss': () => {
      setSetting(db, 'demo-choice', 'dismissed');
      return ok(currentAppInfo(ctx));
    },
    'demo-remove': () => ok({ count: removeDemo(db) }),
  };
}
