/**
 * What the desktop app (and `serve`) runs: the app behind a lock. An encrypted database stays shut
 * until someone signs in — their password unwraps the database key from the keyring — so until
 * then only the sign-in screen's channels answer. A first run (no database yet) makes an encrypted
 * one with a random key when the administrator is created. A plain database (made by the CLI
 * without a key) opens at once, as before.
 */
import { existsSync, rmSync } from 'node:fs';
import {
  CHANNELS,
  requestSchemas,
  type ApiResponse,
  type AppInfo,
  type AuthStatus,
  type BackupPreview,
} from '../shared/api-contract';
import type { Channel } from '../shared/api-contract';
import { translate, type MessageKey, type MessageParams } from '../shared/i18n';
import { fail, ok, type Result } from '../shared/result';
import { wireApp, type ApiHost, type App, type HostParts } from './app-context';
import { audit } from './audit/audit';
import { SignInThrottle } from './auth/throttle';
import { IDLE_MINUTES, MIN_PASSWORD_LENGTH } from './auth/users';
import { restoreBackup } from './backup/backup';
import {
  DatabaseKeys,
  hasRecoveryEntry,
  keyringFile,
  newDatabaseKey,
  readKeyring,
  unlockKeyring,
  writeKeyring,
} from './db/keyring';
import { fileIsEncrypted, openDatabase } from './db/open-database';
import { openWithPassphrase } from './db/open-with-passphrase';
import type { Logger } from './log/logger';

export interface AppHostOptions {
  readonly databaseFile: string;
  readonly version: string;
  readonly logger: Logger;
  readonly openFile?: HostParts['openFile'];
  /** A passphrase given to the host (`DOICHIEU_KEY` for `serve`): the database opens with it at start. */
  readonly passphrase?: string | null;
}

/** The channels the sign-in screen uses; everything else waits for the database to open. */
const BEFORE_OPEN: readonly Channel[] = ['app-info', 'auth-status', 'auth-setup', 'auth-login', 'auth-recover', 'auth-logout'];

export class AppHost implements ApiHost {
  private app: App | null = null;
  /** Wrong passwords tried while the database was shut: written to the audit trail once it opens. */
  private failedWhileLocked: Date[] = [];
  private readonly throttle = new SignInThrottle();
  readonly logger: Logger;

  private constructor(private readonly options: AppHostOptions) {
    this.logger = options.logger;
  }

  /** Opens what can be opened now: a plain database, or any database when given a passphrase. */
  static start(options: AppHostOptions): Result<AppHost> {
    const host = new AppHost(options);
    const file = options.databaseFile;
    if (options.passphrase || (existsSync(file) && !fileIsEncrypted(file))) {
      const opened = openWithPassphrase(file, options.passphrase || null);
      if (!opened.ok) return opened;
      host.app = host.wire(opened.value);
    }
    return ok(host);
  }

  /** The open app, or null while the database is locked. */
  get current(): App | null {
    return this.app;
  }

  async dispatch(channel: string, raw: unknown): Promise<ApiResponse<unknown>> {
    if (channel !== 'auth-login' && channel !== 'auth-recover') return this.answer(channel, raw);
    // Guessing passwords or the recovery code is slowed down, open database or not.
    const wait = this.throttle.waitMs(Date.now());
    if (wait > 0)
      return { ok: false, error: { type: 'user', message: this.text('auth.throttled', { seconds: Math.ceil(wait / 1000) }) } };
    const response = await this.answer(channel, raw);
    if (response.ok) {
      this.throttle.succeeded();
      return response;
    }
    if (response.error.type !== 'user') return response;
    this.throttle.failed(Date.now());
    // The wrong try that starts a wait says so at once, with how long.
    const next = this.throttle.waitMs(Date.now());
    if (next === 0) return response;
    const waitText = this.text('auth.throttled', { seconds: Math.ceil(next / 1000) });
    return { ok: false, error: { type: 'user', message: `${response.error.message} ${waitText}` } };
  }

  private async answer(channel: string, raw: unknown): Promise<ApiResponse<unknown>> {
    if (this.app) return this.app.dispatch(channel, raw);
    if (!(BEFORE_OPEN as readonly string[]).includes(channel) || !(CHANNELS as readonly string[]).includes(channel))
      return { ok: false, error: { type: 'auth', message: this.text('auth.required') } };
    const parsed = requestSchemas[channel as Channel].safeParse(raw ?? {});
    if (!parsed.success)
      return { ok: false, error: { type: 'user', message: this.text('api.badRequest', { detail: 'request' }) } };
    const request = parsed.data as Record<string, string>;
    try {
      const opened = this.unlock(channel as Channel, request);
      if (opened === null) return { ok: true, value: this.lockedValue(channel as Channel) };
      if (!opened.ok)
        return { ok: false, error: { type: 'user', message: this.text(opened.problem.key, opened.problem.params) } };
      const response = await this.app!.dispatch(channel, raw);
      // A first run that did not make its administrator leaves nothing behind: no key would open it.
      if (channel === 'auth-setup' && !response.ok) this.discardNew();
      return response;
    } catch (error) {
      this.logger.error(`locked ${channel}`, error);
      return { ok: false, error: { type: 'internal', message: this.text('common.internalError') } };
    }
  }

  close(): void {
    this.app?.close();
    this.app = null;
  }

  private text(key: MessageKey, params?: MessageParams): string {
    return translate('vi', key, params);
  }

  private wire(opened: Parameters<typeof wireApp>[0]): App {
    return wireApp(opened, this.options.version, this.logger, {
      openFile: this.options.openFile,
      restore: (file) => this.restore(file),
    });
  }

  /** What a locked host answers on the channels that do not open the database. */
  private lockedValue(channel: Channel): AppInfo | AuthStatus {
    if (channel === 'app-info')
      return {
        version: this.options.version,
        databaseFile: this.options.databaseFile,
        locale: 'vi',
        residentCount: 0,
        demoResidentCount: 0,
        demoChoiceMade: true,
        overdueLists: 0,
        partialLists: 0,
        encrypted: true,
      };
    const ring = readKeyring(this.options.databaseFile);
    return {
      needsSetup: !existsSync(this.options.databaseFile),
      user: null,
      idleMinutes: IDLE_MINUTES,
      encrypted: true,
      canRecover: ring.ok && hasRecoveryEntry(ring.value),
    };
  }

  /**
   * Opens the database for a sign-in, a recovery or the first administrator; null when the channel
   * only reads the lock's state. The open app then answers the request itself (checking the
   * password against the users table, writing the audit trail).
   */
  private unlock(channel: Channel, request: Record<string, string>): Result<void> | null {
    const file = this.options.databaseFile;
    if (channel === 'auth-setup') {
      if (existsSync(file)) return fail('auth.setupDone');
      if ((request.password ?? '').length < MIN_PASSWORD_LENGTH) return fail('auth.shortPassword', { min: MIN_PASSWORD_LENGTH });
      return this.createEncrypted();
    }
    if (channel !== 'auth-login' && channel !== 'auth-recover') return null;
    if (!existsSync(file)) return fail('auth.wrong');
    const ring = readKeyring(file);
    if (!ring.ok) return ring;
    if (ring.value === null) return fail('keys.missing', { file, keys: keyringFile(file) });
    const key =
      channel === 'auth-login'
        ? unlockKeyring(ring.value, 'user', request.username!, request.password!)
        : unlockKeyring(ring.value, 'recovery', '', request.code!);
    if (key === null) {
      this.failedWhileLocked.push(new Date());
      return fail(channel === 'auth-login' ? 'auth.wrong' : 'auth.wrongCode');
    }
    const opened = openDatabase(file, { key });
    if (!opened.ok) return opened;
    for (const at of this.failedWhileLocked.splice(0)) audit(opened.value, 'auth.failed', null, { whileLocked: true }, at);
    this.app = this.wire({ db: opened.value, keys: new DatabaseKeys(file, key), created: false });
    return ok(undefined);
  }

  /** The first run: a random key, its keyring, and the encrypted database (the setup handler adds the rest). */
  private createEncrypted(): Result<void> {
    const file = this.options.databaseFile;
    const key = newDatabaseKey();
    const opened = openDatabase(file, { key });
    if (!opened.ok) return opened;
    writeKeyring(file, { format: 'doichieu-keyring', version: 1, entries: [] });
    this.app = this.wire({ db: opened.value, keys: new DatabaseKeys(file, key), created: true });
    return ok(undefined);
  }

  private discardNew(): void {
    this.close();
    const file = this.options.databaseFile;
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    rmSync(keyringFile(file), { force: true });
  }

  /**
   * Replaces the database with a checked backup: the app closes, the files are swapped, and the
   * database reopens with the same key when the backup shares it (else it waits, locked, for a
   * sign-in with a password the backup knows). Everyone signs in again either way.
   */
  private restore(backupFile: string): Result<BackupPreview> {
    const app = this.app;
    if (app === null) return fail('auth.required');
    if (app.ctx.jobs.running()) return fail('backup.busy');
    const key = app.ctx.keys.key;
    const file = this.options.databaseFile;
    app.close();
    this.app = null;
    const restored = restoreBackup(file, backupFile, key, new Date());
    // Reopen whatever is now in place: the restored copy, or the old database put back.
    const reopened = openDatabase(file, { key });
    if (reopened.ok) this.app = this.wire({ db: reopened.value, keys: new DatabaseKeys(file, key), created: false });
    return restored;
  }
}
