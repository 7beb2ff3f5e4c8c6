/**
 * The shape of one CLI command (`doichieu <group> <verb> …`): its name, a one-line summary, its
 * options (given to `node:util` parseArgs, strict), an example, and what it does with a context.
 */
import type { Locale, MessageKey, MessageParams } from '../../shared/i18n';
import type { Actor } from '../auth/identify';
import type { DatabaseKeys } from '../db/keyring';
import type { Db } from '../db/open-database';

/** What a CLI run may touch of the world: output streams, environment and clock. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => Date;
}

/** One option of a command: a value (`--out DIR`) or a switch (`--json`). */
export interface CliOption {
  readonly type: 'string' | 'boolean';
  /** The placeholder of the value in help (`TỆP`, `N`). */
  readonly value?: MessageKey;
  /** One line saying what the option does. */
  readonly help: MessageKey;
}

export type CliOptions = Readonly<Record<string, CliOption>>;

/** What a command sees: its arguments, the database (opened on first use), output and text. */
export interface CliContext {
  /** Positional arguments after the command's two words. */
  readonly args: readonly string[];
  readonly io: CliIo;
  readonly locale: Locale;
  /** The passphrase from DOICHIEU_KEY (or asked at the terminal), or null. */
  readonly passphrase: string | null;
  /** The value of a string option, or undefined when not given. */
  option(name: string): string | undefined;
  /** Whether a switch was given. */
  flag(name: string): boolean;
  text(key: MessageKey, params?: MessageParams): string;
  /** Prints one JSON document with --json, else the human text. */
  print(value: unknown, human: string): void;
  /** One line on stderr. */
  warn(line: string): void;
  /** The database file named by --db or DOICHIEU_DB (not opened). */
  databaseFile(): string;
  /** The database, opened on first use with DOICHIEU_KEY; closed when the command ends. */
  database(): Db;
  /** The key and keyring of the database (opens it first). */
  keys(): DatabaseKeys;
  /** Who acts: the user whose password opened the database (DOICHIEU_USER), the administrator, or no account. */
  actor(): Actor;
  /** Closes the database now (a restore replaces its file); a later `database()` opens it again. */
  release(): void;
}

export interface CliCommand {
  /** The two words that name it: `list export`. */
  readonly name: string;
  readonly summary: MessageKey;
  /** The positional arguments as help shows them (`<số danh sách>`), or null when none. */
  readonly synopsis: MessageKey | null;
  readonly options: CliOptions;
  /** One example invocation, without the leading `doichieu` (a command line: the same in every language). */
  readonly example: string;
  /** Runs the command; returns the exit code (0, or 1 for a refusal already reported). */
  readonly run: (ctx: CliContext) => number | Promise<number>;
}

/** Options every command takes. */
export const COMMON_OPTIONS: CliOptions = {
  db: { type: 'string', value: 'cli.value.file', help: 'cli.opt.db' },
  json: { type: 'boolean', help: 'cli.opt.json' },
  check: { type: 'boolean', help: 'cli.opt.check' },
  help: { type: 'boolean', help: 'cli.opt.help' },
};

/** `--by NAME`: who did it, recorded in the audit trail (and on prints, where the command says so). */
export const BY_OPTION: CliOption = { type: 'string', value: 'cli.value.name', help: 'cli.opt.by' };
