import { basename } from 'node:path';
import type { HEALTH_CHANNELS } from '../../../shared/api/health';
import type { DatabaseHealthView } from '../../../shared/api-contract';
import { ok } from '../../../shared/result';
import { listBackups } from '../../backup/backup';
import type { Db } from '../../db/open-database';
import { getSetting } from '../../settings/settings';
import type { ApiContext, DomainHandlers } from '../context';

/** The newest backup in the chosen folder; null when there is none (or the damaged file hides the setting). */
function lastBackup(db: Db): DatabaseHealthView['lastBackup'] {
  try {
    const folder = getSetting(db, 'backup-folder');
    const newest = folder ? listBackups(folder)[0] : undefined;
    return newest ? { name: basename(newest.file), createdAt: newest.createdAt } : null;
  } catch {
    return null;
  }
}

export function healthHandlers(ctx: ApiContext): DomainHandlers<typeof HEALTH_CHANNELS> {
  return {
    'db-health': () => {
      const { state, detail } = ctx.health;
      return ok({ state, detail, lastBackup: state === 'damaged' ? lastBackup(ctx.db) : null });
    },
  };
}
