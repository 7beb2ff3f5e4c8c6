import type { APP_CHANNELS, AppInfo } from '../../../shared/api/app';
import { fail, ok } from '../../../shared/result';
import { isDamageError } from '../../db/integrity';
import { loadDemo, removeDemo } from '../../demo/demo-residents';
import { appInfo } from '../../settings/app-info';
import { setSetting } from '../../settings/settings';
import { type ApiContext, type DomainHandlers } from '../context';

/**
 * What the shell shows, in the signed-in user's terms. On a damaged file whose counts cannot be read,
 * what can still be said: the shell opens and its banner says the rest (issue 18).
 */
export function currentAppInfo(ctx: ApiContext): AppInfo {
  const facts = { version: ctx.version, databaseFile: ctx.databaseFile, encrypted: ctx.keys.encrypted, now: ctx.clock() };
  try {
    return appInfo(ctx.db, facts);
  } catch (error) {
    if (!isDamageError(error)) throw error;
    ctx.health.markDamaged((error as Error).message);
    const { version, databaseFile, encrypted } = facts;
    return {
      version,
      databaseFile,
      encrypted,
      locale: 'vi',
      residentCount: 0,
      demoResidentCount: 0,
      demoChoiceMade: true,
      overdueLists: 0,
      partialLists: 0,
    };
  }
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
      return ok({ count });
    },
    'demo-dismiss': () => {
      setSetting(db, 'demo-choice', 'dismissed');
      return ok(currentAppInfo(ctx));
    },
    'demo-remove': () => ok({ count: removeDemo(db) }),
  };
}
