/**
 * The smoke test of the real desktop app (issue 9): a fresh data folder, the first administrator,
 * the sample extract imported, a person found. Run by `npm run test:electron` where an Electron
 * runtime exists (the Windows CI job runs it on the packaged app).
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { answerWelcome } from '../e2e/fixtures';

const SAMPLE_EXTRACT = resolve('test', 'electron', 'sample-extract.csv');

test('a fresh installation: set up, sign in, import the sample extract, find a person', async () => {
  const runtime = process.env.DOICHIEU_ELECTRON_RUNTIME;
  if (!runtime) throw new Error('Start this test with "npm run test:electron".');
  const packaged = Boolean(process.env.DOICHIEU_ELECTRON_APP);
  const dataDir = mkdtempSync(join(tmpdir(), 'doichieu-smoke-'));
  const app = await electron.launch({
    executablePath: runtime,
    // The packaged app starts itself; the bare runtime is given the project (package.json main).
    args: [...(packaged ? [] : ['.']), ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
    env: { ...process.env, DOICHIEU_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    // The first run: the administrator, then the recovery code, once.
    const signIn = page.getByTestId('sign-in');
    await expect(signIn).toContainText('Lần chạy đầu');
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Họ và tên').fill('Nông Văn Hải');
    await page.getByLabel('Mật khẩu').fill('mat-khau-thu-khoi');
    await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
    await page.getByRole('checkbox', { name: 'Tôi đã chép lại mã khôi phục' }).check();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect(page.getByTestId('signed-in')).toContainText('Nông Văn Hải');

    // Sign out and in again: the encrypted database opens with the password.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill('mat-khau-thu-khoi');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByTestId('signed-in')).toContainText('Nông Văn Hải');

    await answerWelcome(page, 'empty');
    await page.getByRole('button', { name: /Nhập bản trích/ }).click();
    await page.locator('input[type=file]').setInputFiles(SAMPLE_EXTRACT);
    await page.getByRole('button', { name: /^Nhập 40 dòng$/ }).click();
    await expect(page.getByText('Đã nhập xong bản trích.')).toBeVisible();
    await page.getByTestId('import-close').click();
    await expect(page.getByTestId('resident-count')).toHaveText('Số cư dân trong bản trích: 40');

    await page.getByLabel(/Tìm theo số định danh/).fill('ma thi thoa');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('row').filter({ hasText: '008198223458' })).toContainText('Ma Thị Thoa');
    await page.screenshot({ path: join('test-results', 'electron-smoke.png') });
  } finally {
    await app.close();
  }
  // The data folder holds the encrypted database and its keyring, nothing in the clear.
  const files = readdirSync(dataDir);
  expect(files).toEqual(expect.arrayContaining(['doichieu.sqlite', 'doichieu.sqlite.keys.json']));
  expect(readFileSync(join(dataDir, 'doichieu.sqlite')).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  rmSync(dataDir, { recursive: true, force: true });
});
