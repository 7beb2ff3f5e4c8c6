import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api } from './accounts';
import { ADMIN, REGISTRY_FIXTURE, screenshotPath } from './fixtures';

/**
 * Issue 18: a database with bytes overwritten in the middle still opens (no whole-file check at
 * start); the background check finds the damage and the page shows the banner — read-only, what to
 * do, the latest backup — with the way to the restore section in Settings, at 1366×768.
 */
let dir: string;
let server: ChildProcess | null = null;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'doichieu-e2e-health-'));
});
test.afterEach(() => {
  server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

function cli(db: string, ...argv: string[]): void {
  const run = spawnSync(process.execPath, ['out/main/cli.cjs', ...argv, '--db', db], {
    encoding: 'utf8',
    env: { ...process.env, DOICHIEU_PASSWORD: ADMIN.password },
  });
  if (run.status !== 0) throw new Error(`${argv.join(' ')}: ${run.stderr}`);
}

function serve(db: string): Promise<string> {
  server = spawn(process.execPath, ['out/main/serve.cjs', '--db', db, '--port', '0', '--renderer', 'out/renderer'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child = server;
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
}

test('a damaged database opens to a banner, read-only, with the way to the latest backup', async ({ page }) => {
  const db = join(dir, 'xa.sqlite');
  const usb = join(dir, 'usb');
  cli(db, 'registry', 'import', REGISTRY_FIXTURE);
  cli(db, 'backup', 'create', '--out', usb);
  cli(db, 'user', 'add', ADMIN.username, '--role', 'admin', '--name', ADMIN.displayName);
  // Scribble over 8 KB in the middle of the file (a failing disk).
  const middle = Math.floor(statSync(db).size / 2 / 4096) * 4096;
  const fd = openSync(db, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, middle + 100);
  closeSync(fd);

  const url = await serve(db);
  expect(await api(url, 'auth-login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({ ok: true });
  // Choosing where the backups are is allowed on a damaged file: it is how the backup to restore is found.
  expect(await api(url, 'backup-set-folder', { folder: usb })).toMatchObject({ ok: true });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(url);
  const banner = page.getByTestId('db-damaged');
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText('CSDL bị hỏng: ứng dụng chỉ cho xem, không ghi được');
  await expect(banner).toContainText(/Bản sao lưu gần nhất: doichieu-sao-luu-\d{8}-\d{6}\.sqlite/);
  await page.waitForTimeout(400);
  await page.screenshot({ path: screenshotPath('database-damaged-1366.png') });

  // A write is refused with the reason; the button leads to the backups in Settings.
  expect(await api(url, 'settings-set-locale', { locale: 'en' })).toMatchObject({
    ok: false,
    error: { message: expect.stringContaining('chỉ cho xem') },
  });
  await banner.getByRole('button', { name: 'Đến phần khôi phục' }).click();
  await expect(page.getByTestId('backup-list')).toBeInViewport();
  await page.waitForTimeout(400);
  await page.screenshot({ path: screenshotPath('database-damaged-restore-1366.png') });
});
