// `npm run test:electron`: the smoke test on the real Electron app (test/electron/smoke.spec.ts).
// It needs the Electron runtime: the packaged app named by DOICHIEU_ELECTRON_APP (CI, after
// `npm run dist`), else node_modules/electron's downloaded runtime (with `npm run build` done).
// Where neither exists (an offline machine: the runtime downloads from the internet on first use),
// it says plainly that the smoke test was SKIPPED, and why, rather than passing silently.
// With DOICHIEU_TEST_REPORT set (scripts/run-tests.mjs), a Playwright JSON report goes to that file,
// counting the smoke tests as skipped when they could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function electronRuntime() {
  if (process.env.DOICHIEU_ELECTRON_APP)
    return existsSync(process.env.DOICHIEU_ELECTRON_APP) ? process.env.DOICHIEU_ELECTRON_APP : null;
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const report = process.env.DOICHIEU_TEST_REPORT;
const playwright = (args, env = {}) =>
  spawnSync('npx', ['playwright', 'test', '-c', 'playwright.electron.config.ts', ...args], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: {
      ...process.env,
      ...(report ? { PLAYWRIGHT_JSON_OUTPUT_FILE: report, PLAYWRIGHT_JSON_OUTPUT_NAME: report } : {}),
      ...env,
    },
  });

/** How many smoke tests there are (Playwright lists them without running anything). */
function countTests() {
  const listed = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.electron.config.ts', '--list', '--reporter=json'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: '', PLAYWRIGHT_JSON_OUTPUT_NAME: '' },
  });
  const count = (suite) =>
    (suite.specs ?? []).reduce((n, spec) => n + (spec.tests ?? []).length, 0) +
    (suite.suites ?? []).reduce((n, inner) => n + count(inner), 0);
  try {
    return count(JSON.parse(listed.stdout));
  } catch {
    return 1;
  }
}

const runtime = electronRuntime();
if (runtime === null) {
  if (report) writeFileSync(report, JSON.stringify({ stats: { expected: 0, unexpected: 0, flaky: 0, skipped: countTests() } }));
  console.log(
    [
      '',
      'KIỂM THỬ KHÓI ELECTRON: BỎ QUA — máy này chưa có Electron runtime (node_modules/electron/dist),',
      'runtime được tải từ Internet ở lần dùng đầu. Các kiểm thử khác đã chạy trên Chromium qua web host.',
      'ELECTRON SMOKE TEST: SKIPPED — no Electron runtime here (node_modules/electron/dist is missing;',
      'it downloads from the internet on first use). Set DOICHIEU_ELECTRON_APP to a packaged app to run it.',
      '',
    ].join('\n'),
  );
  process.exit(0);
}
if (!process.env.DOICHIEU_ELECTRON_APP && !existsSync(join('out', 'main', 'main.cjs'))) {
  console.error('Run "npm run build" first: the smoke test starts out/main/main.cjs.');
  process.exit(1);
}
const result = playwright(report ? ['--reporter=list,json'] : [], { DOICHIEU_ELECTRON_RUNTIME: runtime });
process.exit(result.status ?? 1);
