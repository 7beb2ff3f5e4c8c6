/**
 * The app's log. It records what happened and error kinds and stacks, never request or row
 * content: names, IDs and addresses must not reach a log file.
 */
export interface Logger {
  info(event: string, detail?: Readonly<Record<string, number | string | boolean>>): void;
  error(event: string, error: unknown): void;
}

/** A logger writing single lines to stderr. */
export function consoleLogger(): Logger {
  return {
    info(event, detail) {
      process.stderr.write(`[doichieu] ${event}${detail ? ' ' + JSON.stringify(detail) : ''}\n`);
    },
    error(event, error) {
      const stack = error instanceof Error ? (error.stack ?? error.name) : typeof error;
      process.stderr.write(`[doichieu] ${event}: ${stack}\n`);
    },
  };
}

/** A logger that drops everything (tests, CLI --json). */
export const silentLogger: Logger = { info() {}, error() {} };
