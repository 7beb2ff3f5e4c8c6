import { defineConfig } from '@playwright/test';

// The Electron smoke test (test/electron): the real desktop app, started by Playwright's `_electron`.
// Run it with `npm run test:electron`, which says so and stops when no Electron runtime is present.
export default defineConfig({
  testDir: 'test/electron',
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
});
