// `npm run screenshots`: refreshes the page images under docs/ (README and architecture notes show
// them). The end-to-end tests that take them run with DOICHIEU_SCREENSHOTS_DIR=docs; during
// `npm test` the same images go to test-results/screenshots, so testing changes no tracked file.
import { spawnSync } from 'node:child_process';
import { ensureBuilt } from './ensure-built.mjs';

/** The spec files that take the docs' screenshots. */
const SPECS = [
  'test/e2e/lists.spec.ts',
  'test/e2e/lookup.spec.ts',
  'test/e2e/residents.spec.ts',
  'test/e2e/vaccination.spec.ts',
  // The help page's pictures (src/renderer/public/help), taken at 1366×768 and scaled down.
  'test/e2e/clerk-day.spec.ts',
];

ensureBuilt();
const run = spawnSync('npx', ['playwright', 'test', ...SPECS], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, DOICHIEU_SCREENSHOTS_DIR: 'docs' },
});
process.exit(run.status ?? 1);
