import type { BackupPreview, Channel, RequestOf, ResponseMap } from '../../shared/api-contract';
import type { Result } from '../../shared/result';
import type { Session } from '../auth/users';
import type { ChipDesk } from '../chip/chip-desk';
import type { DatabaseHealth } from '../db/database-health';
import type { DatabaseKeys } from '../db/keyring';
import type { Db } from '../db/open-database';
import type { JobRegistry } from '../jobs/jobs';
import type { Logger } from '../log/logger';
import type { HidModule } from '../scanner/hid-transport';
import type { ScannerService } from '../scanner/scanner-service';
import type { SerialModule } from '../scanner/serial-transport';

/** What every handler may use: the open database and the host's devices, clock and session. */
export interface ApiContext {
  readonly db: Db;
  readonly databaseFile: string;
  readonly version: string;
  readonly clock: () => Date;
  readonly jobs: JobRegistry;
  readonly logger: Logger;
  /** node-hid in the app; a fake in tests. */
  readonly hid: HidModule;
  /** serialport in the app; serialport's mock binding in tests. */
  readonly serial: SerialModule;
  /** The chosen scanner, read in the background. */
  readonly scanner: ScannerService;
  /** The chip reader: readers, reads, and the chosen reader watched in the background. */
  readonly chip: ChipDesk;
  /** Who is signed in at this computer. */
  readonly session: Session;
  /** The database's key and keyring: backups are checked with it, passwords wrap it. */
  readonly keys: DatabaseKeys;
  /** Whether the database file is sound (checked in the background); damaged: read-only. */
  readonly health: DatabaseHealth;
  /** The host replaces the open database with a backup (closing and reopening it); absent in tests that cannot. */
  readonly restore?: (backupFile: string) => Result<BackupPreview>;
  /** The desktop host opens a file in the system's viewer (a PDF to print); the web host cannot. */
  readonly openFile?: (fileName: string, data: Uint8Array) => Promise<boolean>;
}

export type Handler<C extends Channel> = (request: RequestOf<C>) => Promise<Result<ResponseMap[C]>> | Result<ResponseMap[C]>;
export type Handlers = { readonly [C in Channel]: Handler<C> };
/** The handlers of one domain: exactly the channels of its contract module. */
export type DomainHandlers<Channels> = { readonly [C in keyof Channels & Channel]: Handler<C> };

/** The name recorded on resolutions, prints and exports: the signed-in user's. */
export function officerName(ctx: ApiContext): string | null {
  return ctx.session.current(ctx.clock())?.displayName ?? null;
}
