import { translate } from '../shared/i18n';
import { createHandlers, type ApiContext, type Handlers } from './api/handlers';
import { openDatabase } from './db/open-database';
import { JobRegistry } from './jobs/jobs';
import type { Logger } from './log/logger';
import { nodeHidModule } from './scanner/hid-transport';
import { ScannerService } from './scanner/scanner-service';
import { nodeSerialModule } from './scanner/serial-transport';
import type { Result } from '../shared/result';
import { ok } from '../shared/result';

export interface App {
  readonly ctx: ApiContext;
  readonly handlers: Handlers;
  close(): void;
}

/** Opens the database and wires the services: what every interactive host (Electron, web) starts with. */
export function createApp(
  databaseFile: string,
  version: string,
  logger: Logger,
  host: Pick<ApiContext, 'openFile'> & { readonly key?: string | null } = {},
): Result<App> {
  const { key, ...hostParts } = host;
  const opened = openDatabase(databaseFile, { key });
  if (!opened.ok) return opened;
  const db = opened.value;
  const jobs = new JobRegistry((error) => {
    logger.error('job', error);
    return { type: 'internal', message: translate('vi', 'common.internalError') };
  });
  const clock = () => new Date();
  const hid = nodeHidModule();
  const serial = nodeSerialModule();
  const scanner = new ScannerService({ hid, serial, clock, onError: (error) => logger.error('scanner', error) });
  const ctx: ApiContext = { db, databaseFile, version, clock, jobs, logger, hid, serial, scanner, ...hostParts };
  return ok({
    ctx,
    handlers: createHandlers(ctx),
    close: () => {
      scanner.close();
      db.close();
    },
  });
}
