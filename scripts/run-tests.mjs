// `npm test`: every check and test runner in turn, then one line totalling the tests of every runner
// that ran: `N passed, N failed` (`, N skipped` when some were skipped). Each runner keeps its usual
// console output and also writes a JSON report (into a temporary folder), which is read for the
// totals. A failing step does not stop the later ones (the build excepted: the tests that need it are
// left out when it fails); the exit code is 1 when any step failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The steps, in order. `report` names how a runner's JSON report is read; `needs` a step that must have passed. */
export const STEPS = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'security', script: 'security' },
  {
    name: 'vitest',
    script: 'test:unit',
    report: 'vitest',
    args: (file) => ['--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
  },
  { name: 'build', script: 'build' },
  {
    name: 'playwright',
    script: 'test:e2e',
    report: 'playwright',
    needs: 'build',
    args: () => ['--reporter=list,json'],
    env: (file) => ({ PLAYWRIGHT_JSON_OUTPUT_FILE: file, PLAYWRIGHT_JSON_OUTPUT_NAME: file }),
  },
  {
    // scripts/electron-smoke.mjs writes the same report, with its tests counted as skipped when there is no runtime.
    name: 'electron smoke',
    script: 'test:electron',
    report: 'playwright',
    needs: 'build',
    env: (file) => ({ DOICHIEU_TEST_REPORT: file }),
  },
];

/** Counts from vitest's JSON reporter. */
export function vitestCounts(report) {
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Counts from Playwright's JSON reporter (a flaky test passed on a retry). */
export function playwrightCounts(report) {
  const stats = report.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  };
}

/** The final line. */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

/**
 * Adds one runner's outcome to the totals. A runner that failed without a report, or whose report
 * shows no failed test (it crashed, or failed outside any test), counts as one failed test.
 */
export function addRunner(totals, { exitCode, counts }) {
  const c = counts ?? { passed: 0, failed: 0, skipped: 0 };
  const failed = exitCode !== 0 && c.failed === 0 ? 1 : c.failed;
  return { passed: totals.passed + c.passed, failed: totals.failed + failed, skipped: totals.skipped + c.skipped };
}

function readReport(file, kind) {
  if (!existsSync(file)) return null;
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    return kind === 'vitest' ? vitestCounts(report) : playwrightCounts(report);
  } catch {
    return null;
  }
}

function main() {
  const dir = mkdtempSync(join(tmpdir(), 'doichieu-test-reports-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  let totals = { passed: 0, failed: 0, skipped: 0 };
  const failedSteps = [];
  const notRun = [];
  try {
    for (const [i, step] of STEPS.entries()) {
      if (step.needs && failedSteps.includes(step.needs)) {
        notRun.push(step.name);
        continue;
      }
      const file = join(dir, `${i}-${step.script.replace(/\W/g, '-')}.json`);
      const extra = step.args ? ['--', ...step.args(file)] : [];
      console.log(`\n> npm run ${step.script}`);
      const run = spawnSync(npm, ['run', '-s', step.script, ...extra], {
        stdio: 'inherit',
        shell: process.platform === 'win32',
        env: { ...process.env, ...(step.env ? step.env(file) : {}) },
      });
      const exitCode = run.status ?? 1;
      if (exitCode !== 0) failedSteps.push(step.name);
      // A check without tests of its own (typecheck, lint, security, build) counts as one failed test when it fails.
      totals = addRunner(totals, { exitCode, counts: step.report ? readReport(file, step.report) : null });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('');
  if (notRun.length > 0) console.log(`not run (the build failed): ${notRun.join(', ')}`);
  if (failedSteps.length > 0) console.log(`failed: ${failedSteps.join(', ')}`);
  console.log(summaryLine(totals));
  return failedSteps.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main());
