import { runCli } from '../../src/main/cli';

export const CLI_NOW = new Date('2026-11-27T08:00:00Z');

/** Runs the CLI in-process with these environment variables and captures what it prints. */
export async function cliWithEnv(
  env: Readonly<Record<string, string>>,
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
    now: () => CLI_NOW,
  });
  return { code, stdout, stderr };
}

/** Runs the CLI in-process and captures what it prints. */
export function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWithEnv({}, ...argv);
}
