/**
 * The context a command runs in: its parsed arguments, its text in the chosen language, its output,
 * and the database, opened once on first use (DOICHIEU_KEY) and closed by `close`.
 */
import { translate, type Locale, type MessageKey, type MessageParams } from '../../shared/i18n';
import type { Result } from '../../shared/result';
import { existsSync } from 'node:fs';
import { setActor } from '../audit/audit';
import type { DatabaseKeys } from '../db/keyring';
import type { Db } from '../db/open-database';
import { soundFile } from '../db/integrity';
import { openWithPassphrase } from '../db/open-with-passphrase';
import { onBusyWait } from '../db/write-transaction';
import { flushPendingAuditHead } from '../audit/head-file';

/** Closes a database after writing the audit head its last transaction left waiting. */
function closeDatabase(db: Db): void {
  flushPendingAuditHead(db);
  db.close();
}
import { actorName, identify, type Actor } from '../auth/identify';
import { InputError, UsageError, unwrap } from './arguments';
import type { CliContext, CliIo } from './command';

export interface ParsedCommandLine {
  readonly args: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
}

/** The language of the CLI's text: Vietnamese, or English with DOICHIEU_LANG=en. */
export function cliLocale(env: CliIo['env']): Locale {
  return env.DOICHIEU_LANG?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export interface OpenContext extends CliContext {
  /** Closes the database if the command opened it. */
  close(): void;
}

export interface ContextOptions {
  /** The command writes nothing: a database file that does not exist is not made, it is refused. */
  readonly readOnly?: boolean;
  /**
   * The role check, run once when the command first opens the database — before it can read or
   * write anything in it, and after its arguments were checked (bad input writes nothing).
   */
  readonly authorize?: (ctx: OpenContext) => void;
}

/** Closes the database and stops the command when a check of it failed. */
function closeUnless(db: Db, checked: Result<void>): void {
  if (checked.ok) return;
  db.close();
  throw new InputError(checked.problem);
}

export function createContext(io: CliIo, parsed: ParsedCommandLine, options: ContextOptions = {}): OpenContext {
  const locale = cliLocale(io.env);
  const passphrase = io.env.DOICHIEU_KEY || null;
  const json = parsed.values.json === true;
  let opened: { db: Db; keys: DatabaseKeys } | null = null;
  let actor: Actor | null = null;
  let authorized = false;

  const option = (name: string): string | undefined => {
    const value = parsed.values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const text = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const databaseFile = (): string => {
    const file = option('db') ?? io.env.DOICHIEU_DB;
    if (!file) throw new UsageError('cli.noDatabase');
    return file;
  };
  const open = (): { db: Db; keys: DatabaseKeys } => {
    if (opened !== null) return opened;
    const file = databaseFile();
    if (options.readOnly && file !== ':memory:' && !existsSync(file))
      throw new InputError({ key: 'db.missing', params: { file } });
    const result = openWithPassphrase(file, passphrase);
    if (!result.ok) throw new InputError(result.problem);
    // --check: the whole file before the command touches it (the start path checks nothing, issue 18).
    if (parsed.values.check === true) closeUnless(result.value.db, soundFile(file, result.value.keys.key));
    // Waiting for another process's write is said on stderr, not silently (it may last up to a minute).
    onBusyWait(result.value.db, () => io.stderr(`${text('db.waiting')}\n`));
    // A file made without a key stays unencrypted: say so, once, where the officer sees it.
    if (result.value.created && passphrase === null) io.stderr(`${text('db.unencrypted', { file })}\n`);
    opened = { db: result.value.db, keys: result.value.keys };
    const by = option('by');
    setActor(opened.db, `CLI${by === undefined ? '' : `: ${by}`}`);
    if (!authorized) {
      authorized = true;
      options.authorize?.(context);
    }
    return opened;
  };

  const context: OpenContext = {
    args: parsed.args,
    io,
    locale,
    passphrase,
    option,
    flag: (name) => parsed.values[name] === true,
    text,
    print: (value, human) => io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : `${human}\n`),
    warn: (line) => io.stderr(`${line}\n`),
    databaseFile,
    database: () => open().db,
    keys: () => open().keys,
    actor: () => {
      if (actor !== null) return actor;
      const { db, keys } = open();
      actor = unwrap(identify(db, keys, passphrase, io.env.DOICHIEU_USER || undefined));
      setActor(db, actorName(actor, option('by')));
      return actor;
    },
    release: () => {
      if (opened) closeDatabase(opened.db);
      opened = null;
    },
    close: () => {
      if (opened) closeDatabase(opened.db);
    },
  };
  return context;
}
