/**
 * The command-line host (DESIGN.md §5): `doichieu <command> [--db FILE] [--json]`.
 * Exit 0 on success, 1 on bad input (Vietnamese message on stderr, nothing written), 2 on wrong usage.
 * The commands live by domain in `./cli/`; this file is the program's entry (npm run cli, bin/doichieu.cjs,
 * the esbuild bundle out/main/cli.cjs).
 */
import { existsSync } from 'node:fs';
import { translate } from '../shared/i18n';
import { fileIsEncrypted } from './db/open-database';
import { cliLocale } from './cli/context';
import { runCli } from './cli/run-cli';

export type { CliIo } from './cli/command';
export { runCli } from './cli/run-cli';

/** The database file an invocation names (`--db F`, `--db=F`, or DOICHIEU_DB). */
function databaseArgument(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const i = argv.indexOf('--db');
  if (i >= 0) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith('--db='));
  return inline ? inline.slice('--db='.length) : env.DOICHIEU_DB;
}

/** Asks for the database passphrase on the terminal without echoing it. */
async function promptPassphrase(question: string): Promise<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  const write = output._writeToOutput.bind(rl);
  let asked = false;
  output._writeToOutput = (s: string) => {
    if (!asked) {
      asked = true;
      write(s);
    }
  };
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    }),
  );
}

/** Runs the CLI on this process's arguments and sets its exit code. */
export async function runFromProcess(): Promise<void> {
  const argv = process.argv.slice(2);
  const env = { ...process.env };
  const locale = cliLocale(env);
  // An encrypted database and no DOICHIEU_KEY: at a terminal, ask for the passphrase (never echoed).
  const file = databaseArgument(argv, env);
  if (!env.DOICHIEU_KEY && file && process.stdin.isTTY && existsSync(file)) {
    if (fileIsEncrypted(file)) env.DOICHIEU_KEY = await promptPassphrase(translate(locale, 'cli.passphrase', { file }));
  }
  await runCli(argv, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env,
    now: () => new Date(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${translate(locale, 'common.internalError')}\n${(error as Error)?.stack ?? ''}\n`);
      process.exitCode = 1;
    },
  );
}

// Run when started as a program (`tsx src/main/cli.ts`, `node out/main/cli.cjs`), not when imported.
const startedDirectly = typeof require !== 'undefined' ? require.main === module : /cli\.[cm]?[jt]s$/.test(process.argv[1] ?? '');
if (startedDirectly) void runFromProcess();
