/**
 * `runCli`: finds the command in the arguments, parses its options strictly (node:util parseArgs),
 * runs it, and maps what went wrong to the exit code of DESIGN.md §5: 1 for bad input (the message
 * on stderr), 2 for wrong usage (the message and the usage line).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { translate } from '../../shared/i18n';
import { isDamageError } from '../db/integrity';
import { InputError, UsageError } from './arguments';
import { isBusyError } from '../db/write-transaction';
import { authorize } from './authorize';
import { COMMON_OPTIONS, type CliCommand, type CliIo, type CliOptions } from './command';
import { commandAccess } from './command-access';
import { COMMANDS } from './commands';
import { cliLocale, createContext, type OpenContext } from './context';
import { commandHelp, generalHelp, groupHelp } from './help';

type ParseOptions = NonNullable<ParseArgsConfig['options']>;

const toParseOptions = (options: CliOptions): ParseOptions =>
  Object.fromEntries(Object.entries(options).map(([name, o]) => [name, { type: o.type }]));

/** Every option any command takes, to find the command's words before knowing which it is. */
function allOptions(): ParseOptions {
  const all: ParseOptions = toParseOptions(COMMON_OPTIONS);
  for (const command of COMMANDS) {
    for (const [name, o] of Object.entries(command.options)) {
      const seen = all[name];
      if (seen && seen.type !== o.type) throw new Error(`CLI option --${name} is both a value and a switch`);
      all[name] = { type: o.type };
    }
  }
  return all;
}

const ALL_OPTIONS = allOptions();

/** The first problem strict parsing found, told in the catalogue's words from the lenient tokens. */
function usageProblem(argv: readonly string[], options: CliOptions): UsageError {
  const { tokens } = parseArgs({ args: [...argv], options: ALL_OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (spec === undefined) return new UsageError('cli.badOption', { option: token.rawName });
    if (spec.type === 'boolean' && token.value !== undefined) {
      return new UsageError('cli.badOption', { option: `${token.rawName}=${token.value}` });
    }
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      return new UsageError('cli.missingArgument', { name: token.rawName });
    }
  }
  return new UsageError('cli.badOption', { option: argv.join(' ') });
}

/** Parses a command's arguments strictly: an option it does not take is wrong usage. */
function parseCommandLine(argv: readonly string[], command: CliCommand) {
  const options: CliOptions = { ...COMMON_OPTIONS, ...command.options };
  try {
    const parsed = parseArgs({ args: [...argv], options: toParseOptions(options), strict: true, allowPositionals: true });
    return { args: parsed.positionals.slice(2), values: parsed.values };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) throw usageProblem(argv, options);
    throw error;
  }
}

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const locale = cliLocale(io.env);
  const usage = (message: string) => {
    io.stderr(`${message}\n${translate(locale, 'cli.usage')}\n`);
    return 2;
  };
  const lenient = parseArgs({ args: [...argv], options: ALL_OPTIONS, strict: false, allowPositionals: true });
  const help = lenient.values.help === true;
  const [group, verb] = lenient.positionals;
  if (group === undefined) {
    if (help) io.stdout(generalHelp(locale));
    else io.stderr(generalHelp(locale));
    return help ? 0 : 2;
  }
  const name = `${group} ${verb ?? ''}`.trim();
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    const inGroup = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
    if (help && inGroup.length > 0 && verb === undefined) {
      io.stdout(groupHelp(locale, inGroup));
      return 0;
    }
    return usage(translate(locale, 'cli.unknownCommand', { command: name }));
  }
  if (help) {
    io.stdout(commandHelp(locale, command));
    return 0;
  }

  let ctx: OpenContext | null = null;
  try {
    const access = commandAccess(command.name);
    // The same role table as the app, for the user whose password opened the database: checked when
    // the command first opens it, before it reads or writes anything there.
    ctx = createContext(io, parseCommandLine(argv, command), {
      readOnly: access.kind !== 'no-database' && access.readOnly,
      authorize: (opened) => authorize(opened, command.name, access),
    });
    return await command.run(ctx);
  } catch (error) {
    if (error instanceof UsageError) return usage(translate(locale, error.key, error.params));
    if (error instanceof InputError) {
      io.stderr(`${translate(locale, error.problem.key, error.problem.params)}\n`);
      return 1;
    }
    if (isDamageError(error)) {
      io.stderr(`${translate(locale, 'health.cliDamaged', { detail: (error as Error).message })}\n`);
      return 1;
    }
    // Another process kept the database locked longer than a writer waits: a message, not a stack trace.
    if (isBusyError(error)) {
      io.stderr(`${translate(locale, 'db.busy')}\n`);
      return 1;
    }
    throw error;
  } finally {
    ctx?.close();
  }
}
