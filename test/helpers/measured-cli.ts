/**
 * Runs the CLI in a process of its own and reports, as one JSON line on stdout, its exit code, what
 * it printed and the process's peak resident memory (worker threads included).
 */
import { runCli } from '../../src/main/cli';

let stdout = '';
let stderr = '';
const code = await runCli(process.argv.slice(2), {
  stdout: (t) => (stdout += t),
  stderr: (t) => (stderr += t),
  env: process.env as Record<string, string>,
  now: () => new Date(),
});
process.stdout.write(
  `${JSON.stringify({ code, stdout, stderr, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
process.exit(0);
