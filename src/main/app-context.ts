import { translate } from '../shared/i18n';
import { createHandlers, type ApiContext, type Handlers } from './api/handlers';
import { openDatabase } from './db/open-database';
import { JobRegistry } from './jobs/jobs';
import type { Logger } from './log/logger';
import { nodeHidModule } from './scanner/hid-transport';
import type { Result } from '../shared/result';
import { ok } from '../shared/result';

export interface App {
  readonly ctx: ApiContext;
  readonly handlers: Handlers;
  close(): void;
}

/** Opens the database and wires the services: what every interactive host (Electron, web) starts with. */
export function createApp(databaseFile: string, version: string, logger: Logger): Result<App> {
  const opened = openDatabase(databaseFile);
  if (!opened.ok) return opened;
  const db = opened.value;
  const jobs = new JobRegistry((error) => {
    logger.error('job', error);
    return { type: 'internal', message: translate('vi', 'common.internalError') };
  });
  const ctx: ApiContext = { db, databaseFile, version, clock: () => new Date(), jobs, logger, hid: nodeHidModule() };
  return ok({ ctx, handlers: createHandlers(ctx), close: () => db.close() });
}
