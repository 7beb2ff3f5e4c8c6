import { test as base, expect, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where a test keeps the page images the docs show: test-results/screenshots (untracked) while
 * testing, docs/ when `npm run screenshots` sets DOICHIEU_SCREENSHOTS_DIR, so tests change no tracked file.
 */
export function screenshotPath(fileName: string): string {
  const dir = process.env.DOICHIEU_SCREENSHOTS_DIR ?? join('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, fileName);
}

export const REGISTRY_FIXTURE = join('..', 'shared', 'fixtures', 'verification', 'registry.csv');

/** The app served by the real web host (built output) on a fresh database, per test; `seedRegistry` imports the sample extract first. */
export const ADMIN = { username: 'quantri', password: 'mat-khau-e2e', displayName: 'Nông Văn Hải' };

export const test = base.extend<{ appUrl: string; dataDir: string; seedRegistry: boolean; signedIn: boolean }>({
  seedRegistry: [false, { option: true }],
  // Tests start signed in as the administrator (made with the CLI, signed in through the real API);
  // `signedIn: false` starts at the first-run screen.
  signedIn: [true, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'doichieu-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  appUrl: async ({ dataDir, seedRegistry, signedIn }, use) => {
    if (signedIn) {
      const made = spawnSync(
        process.execPath,
        [
          'out/main/cli.cjs',
          'user',
          'add',
          ADMIN.username,
          '--role',
          'admin',
          '--name',
          ADMIN.displayName,
          '--db',
          join(dataDir, 'e2e.sqlite'),
        ],
        { encoding: 'utf8', env: { ...process.env, DOICHIEU_PASSWORD: ADMIN.password } },
      );
      if (made.status !== 0) throw new Error(`admin not created: ${made.stderr}`);
    }
    if (seedRegistry) {
      const seeded = spawnSync(
        process.execPath,
        ['out/main/cli.cjs', 'registry', 'import', REGISTRY_FIXTURE, '--db', join(dataDir, 'e2e.sqlite')],
        // With accounts, the CLI acts as a named user (issue 19): the administrator imports.
        {
          encoding: 'utf8',
          env: signedIn ? { ...process.env, DOICHIEU_USER: ADMIN.username, DOICHIEU_KEY: ADMIN.password } : process.env,
        },
      );
      if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
    }
    const child: ChildProcess = spawn(
      process.execPath,
      ['out/main/serve.cjs', '--db', join(dataDir, 'e2e.sqlite'), '--port', '0', '--renderer', 'out/renderer'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await new Promise<string>((resolve, reject) => {
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
      child.on('exit', (code) => reject(new Error(`web host exited ${code}: ${output}`)));
    });
    if (signedIn) {
      const token = /#token=(\S+)/.exec(url)![1]!;
      const response = await fetch(new URL('/api/auth-login', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Doichieu-Token': token },
        body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password }),
      });
      const body = (await response.json()) as { ok: boolean };
      if (!body.ok) throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
    }
    await use(url);
    child.kill('SIGTERM');
  },
});

export { expect };

/**
 * Answers the first-run welcome (empty database, or the demo data) and waits until it has closed:
 * a click that lands while the dialog is still opening is tried again.
 */
export async function answerWelcome(page: Page, choice: 'empty' | 'demo'): Promise<void> {
  const name = choice === 'empty' ? 'Bắt đầu với CSDL trống' : 'Nạp dữ liệu mẫu';
  const dialog = page.getByRole('dialog', { name: 'Chào mừng đến với Đối chiếu dân cư' });
  await expect(dialog).toBeVisible();
  await expect(async () => {
    if (await dialog.isVisible()) await dialog.getByRole('button', { name }).click({ timeout: 3000 });
    await expect(dialog).toBeHidden({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
}
