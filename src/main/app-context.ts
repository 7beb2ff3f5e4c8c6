import { translate } from '../shared/i18n';
import { createHandlers, type ApiContext, type Handlers } from './api/handlers';
import { dispatch } from './api/dispatch';
import type { ApiResponse } from '../shared/api-contract';
import { openWithPassphrase, type OpenedDatabase } from './db/open-with-passphrase';
import { JobRegistry } from './jobs/jobs';
import type { Logger } from './log/logger';
import { onBusyWait } from './db/write-transaction';
import { Session } from './auth/users';
import { backupDue, createBackup } from './backup/backup';
import { runRetentionIfDue } from './privacy/retention';
import { DatabaseHealth } from './db/database-health';
import { ChipDesk } from './chip/chip-desk';
import { ChipService } from './chip/chip-service';
import { nodeHidModule } from './scanner/hid-transport';
import { setSetting } from './settings/settings';
import { ScannerService } from './scanner/scanner-service';
import { nodeSerialModule } from './scanner/serial-transport';
import type { Result } from '../shared/result';
import { ok } from '../shared/result';

/** What a host (Electron's IPC, the web host) hands each request to. */
export interface ApiHost {
  readonly logger: Logger;
  dispatch(channel: string, request: unknown): Promise<ApiResponse<unknown>>;
}

export interface App extends ApiHost {
  readonly ctx: ApiContext;
  readonly handlers: Handlers;
  close(): void;
}

export type HostParts = Pick<ApiContext, 'openFile' | 'restore'>;

/** Opens the database (with a passphrase, as the CLI does) and wires the services: tests and `serve`. */
export function createApp(
  databaseFile: string,
  version: string,
  logger: Logger,
  host: HostParts & { readonly key?: string | null } = {},
): Result<App> {
  const { key, ...hostParts } = host;
  const opened = openWithPassphrase(databaseFile, key ?? null);
  if (!opened.ok) return opened;
  return ok(wireApp(opened.value, version, logger, hostParts));
}

/** Wires the services around an open database. */
export function wireApp(opened: OpenedDatabase, version: string, logger: Logger, hostParts: HostParts = {}): App {
  const { db, keys } = opened;
  // A write waiting for another process (a CLI import on the same file) is logged once it has waited a few seconds.
  onBusyWait(db, () => logger.info('db.waiting'));
  const databaseFile = keys.databaseFile;
  const jobs = new JobRegistry((error) => {
    logger.error('job', error);
    return { type: 'internal', message: translate('vi', 'common.internalError') };
  });
  const clock = () => new Date();
  const hid = nodeHidModule();
  const serial = nodeSerialModule();
  const scanner = new ScannerService({ hid, serial, clock, onError: (error) => logger.error('scanner', error) });
  const session = new Session();
  // The file opened without a whole-file check: the quick check runs in a worker once the first screen is up.
  const health = new DatabaseHealth(databaseFile, keys.key, logger);
  health.scheduleQuickCheck();
  const chip = new ChipDesk({
    service: new ChipService(db),
    publish: (scan) => scanner.publishChip(scan),
    clock,
    active: () => session.current(clock()) !== null,
    onError: (error) => logger.error('chip', error),
  });
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
    chip,
    keys,
    health,
    ...hostParts,
  };
  // The daily retention run and backup: checked at start and every hour; a backup is written when a folder
  // is set and a day has passed.
  const scheduled = () => {
    if (health.readOnly) return;
    // Expired data goes first (issue 21), so the backup made next no longer holds it.
    runRetentionIfDue(db, clock(), (error) => logger.error('retention', error));
    const folder = backupDue(db, clock());
    if (folder === null) return;
    const made = createBackup(db, folder, keys, clock());
    if (!made.ok) return logger.error('scheduled-backup', new Error(made.problem.key));
    setSetting(db, 'last-backup-file', made.value.file);
    // The copy was checked whole; the file itself is too, in the background (indexes against tables).
    void health.check('full');
  };
  const backupTimer = setInterval(scheduled, 3_600_000);
  backupTimer.unref();
  const firstRun = setTimeout(scheduled, 30_000);
  firstRun.unref();
  const handlers = createHandlers(ctx);
  return {
    ctx,
    handlers,
    logger,
    dispatch: (channel, request) => dispatch(ctx, handlers, channel, request),
    close: () => {
      clearInterval(backupTimer);
      clearTimeout(firstRun);
      health.close();
      scanner.close();
      chip.close();
      void chip.service.close();
      db.close();
    },
  };
}
