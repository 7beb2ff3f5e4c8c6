import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium by default; DOICHIEU_CHROMIUM overrides. Nothing is downloaded.
const executablePath = process.env.DOICHIEU_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
