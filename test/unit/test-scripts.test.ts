/**
 * The scripts around `npm test`: the summary line scripts/run-tests.mjs prints over every runner, and
 * scripts/pretest.mjs's list of system packages and how it decides one is there.
 */
import { describe, expect, it } from 'vitest';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
interface RunTests {
  STEPS: { name: string; script: string; report?: string; needs?: string }[];
  vitestCounts(report: object): Counts;
  playwrightCounts(report: object): Counts;
  summaryLine(counts: Counts): string;
  addRunner(totals: Counts, outcome: { exitCode: number; counts: Counts | null }): Counts;
}
interface Pretest {
  NEEDED_PACKAGES: {
    name: string;
    why: string;
    commands?: string[];
    libraries?: string[];
    files?: string[];
    override?: string;
  }[];
  isPresent(pkg: Pretest['NEEDED_PACKAGES'][number], env?: Record<string, string | undefined>): boolean;
  installCommand(names: string[]): string;
}

const runTests = (await import('../../scripts/run-tests.mjs' as string)) as RunTests;
const pretest = (await import('../../scripts/pretest.mjs' as string)) as Pretest;
const ZERO = { passed: 0, failed: 0, skipped: 0 };

describe('the test summary', () => {
  it('is one plain line, naming skips only when there are some', () => {
    expect(runTests.summaryLine({ passed: 412, failed: 0, skipped: 0 })).toBe('412 passed, 0 failed');
    expect(runTests.summaryLine({ passed: 412, failed: 2, skipped: 1 })).toBe('412 passed, 2 failed, 1 skipped');
  });

  it("reads vitest's and Playwright's JSON reports", () => {
    expect(runTests.vitestCounts({ numPassedTests: 10, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1 })).toEqual({
      passed: 10,
      failed: 1,
      skipped: 3,
    });
    expect(runTests.playwrightCounts({ stats: { expected: 7, unexpected: 1, flaky: 1, skipped: 2 } })).toEqual({
      passed: 8,
      failed: 1,
      skipped: 2,
    });
  });

  it('adds the runners up, and counts a runner that failed without failing a test as one failure', () => {
    let totals = runTests.addRunner(ZERO, { exitCode: 0, counts: { passed: 10, failed: 0, skipped: 0 } });
    totals = runTests.addRunner(totals, { exitCode: 1, counts: { passed: 5, failed: 2, skipped: 0 } });
    totals = runTests.addRunner(totals, { exitCode: 0, counts: { passed: 0, failed: 0, skipped: 1 } });
    expect(totals).toEqual({ passed: 15, failed: 2, skipped: 1 });
    expect(runTests.addRunner(ZERO, { exitCode: 1, counts: null })).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(runTests.addRunner(ZERO, { exitCode: 1, counts: { passed: 3, failed: 0, skipped: 0 } })).toEqual({
      passed: 3,
      failed: 1,
      skipped: 0,
    });
  });

  it('runs every runner: vitest, Playwright and the Electron smoke test, the last two after the build', () => {
    const runners = runTests.STEPS.filter((s) => s.report);
    expect(runners.map((s) => s.script)).toEqual(['test:unit', 'test:e2e', 'test:electron']);
    const build = runTests.STEPS.findIndex((s) => s.name === 'build');
    for (const s of runners.slice(1)) {
      expect(s.needs).toBe('build');
      expect(runTests.STEPS.indexOf(s)).toBeGreaterThan(build);
    }
  });
});

describe('the pretest check', () => {
  it('lists the Debian packages the tests need', () => {
    expect(pretest.NEEDED_PACKAGES.map((p) => p.name)).toEqual(
      expect.arrayContaining(['chromium', 'poppler-utils', 'libusb-1.0-0', 'libudev1', 'bsdutils']),
    );
    for (const p of pretest.NEEDED_PACKAGES) {
      expect(p.why, p.name).not.toBe('');
      expect((p.commands ?? []).length + (p.libraries ?? []).length + (p.files ?? []).length, p.name).toBeGreaterThan(0);
    }
  });

  it('finds a package by its commands, files and an override', () => {
    expect(pretest.isPresent({ name: 'sh', why: 'test', commands: ['sh'] })).toBe(true);
    expect(pretest.isPresent({ name: 'nothing', why: 'test', commands: ['no-such-command-doichieu'] })).toBe(false);
    expect(pretest.isPresent({ name: 'file', why: 'test', files: ['package.json'] })).toBe(true);
    expect(pretest.isPresent({ name: 'file', why: 'test', files: ['no/such/file'] })).toBe(false);
    const browser = { name: 'chromium', why: 'test', files: ['no/such/chromium'], override: 'BROWSER_FOR_TEST' };
    expect(pretest.isPresent(browser, { BROWSER_FOR_TEST: 'package.json' })).toBe(true);
    expect(pretest.isPresent(browser, { BROWSER_FOR_TEST: 'no/such/browser' })).toBe(false);
    expect(pretest.isPresent(browser, {})).toBe(false);
  });

  it('installs with one quiet apt-get command, without recommended packages', () => {
    expect(pretest.installCommand(['chromium', 'bsdutils'])).toBe(
      'apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium bsdutils',
    );
  });
});
