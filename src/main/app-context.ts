import { translate } from '../shared/i18n';
import { createHandlers, type ApiContext, type Handlers } from './api/handlers';
import { openDatabase } from './db/open-database';
import { JobRegistry } from './jobs/jobs';
import type { Logger } from './log/logger';
import { Session } from './auth/users';
import { backupDue, createBackup } from './backup/backup';
import { nodeHidModule } from './scanner/hid-transport';
import { setSetting } from './settings/settings';
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
  const session = new Session();
  const ctx: ApiContext = {
    session,
    db,
    databaseFile,
    version,
    clock,
    jobs,
    logger,
    hid,
    serial,
    scanner,
    databaseKey: key ?? null,
    ...hostParts,
  };
  // The daily backup: checked at start and every hour; written when a folder is set and a day has passed.
  const scheduled = () => {
    const folder = backupDue(db, clock());
    if (folder === null) return;
    const made = createBackup(db, folder, key ?? null, clock());
    if (made.ok) setSetting(db, 'last-backup-file', made.value.file);
    else logger.error('scheduled-backup', new Error(made.problem.key));
  };
  const backupTimer = setInterval(scheduled, 3_600_000);
  backupTimer.unref();
  setTimeout(scheduled, 30_000).unref();
  return ok({
    ctx,
    handlers: createHandlers(ctx),
    close: () => {
      clearInterval(backupTimer);
      scanner.close();
      db.close();
    },
  });
}
