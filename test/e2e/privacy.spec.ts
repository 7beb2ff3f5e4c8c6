import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ADMIN, expect, test } from './fixtures';

test.use({ seedRegistry: true });

const THOA = '008198223458';

/** The built CLI on the test's database, as the administrator whose password opens it. */
function cli(dataDir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['out/main/cli.cjs', ...args, '--db', join(dataDir, 'e2e.sqlite')], {
    encoding: 'utf8',
    env: { ...process.env, DOICHIEU_USER: ADMIN.username, DOICHIEU_KEY: ADMIN.password },
  });
}

test('a look-up at the command line and a card opened in the app are both in the access log, which Settings shows', async ({
  page,
  appUrl,
  dataDir,
}) => {
  const found = cli(dataDir, 'registry', 'find', THOA, '--json');
  expect(found.status).toBe(0);

  await page.goto(appUrl);
  await page.getByLabel(/Tìm theo số định danh/).fill(THOA);
  await page.keyboard.press('Enter');
  await page.getByRole('row').filter({ hasText: THOA }).first().click();
  await expect(page.getByTestId('card-name')).toHaveText('Ma Thị Thoa');
  await page.keyboard.press('Escape');

  const log = cli(dataDir, 'access', 'log', '--resident', THOA, '--json');
  expect(log.status).toBe(0);
  const entries = JSON.parse(log.stdout) as { user: string; action: string; residentId: string; context: string }[];
  const user = `${ADMIN.displayName} (${ADMIN.username})`;
  expect(entries.map(({ user: u, action, residentId, context }) => ({ user: u, action, residentId, context }))).toEqual([
    { user, action: 'find', residentId: THOA, context: 'search' },
    { user, action: 'find', residentId: THOA, context: 'search' },
    { user, action: 'open', residentId: THOA, context: 'search' },
  ]);
  expect(JSON.parse(cli(dataDir, 'access', 'verify', '--json').stdout)).toMatchObject({ valid: true });

  // Settings: the administrator's panel shows who looked at her, and the processing record opens.
  await page.getByRole('menuitem', { name: 'Cài đặt' }).click();
  const privacy = page.getByTestId('privacy');
  await privacy.getByLabel('Số định danh cá nhân').fill(THOA);
  await expect(privacy.getByTestId('access-log').getByRole('row').filter({ hasText: 'Mở thông tin' })).toContainText(
    ADMIN.displayName,
  );
  await expect(privacy.getByTestId('citizen-request')).toBeVisible();
  await privacy.getByRole('button', { name: 'Kiểm tra nhật ký' }).click();
  await expect(privacy.getByText(/Nhật ký truy cập còn nguyên vẹn/)).toBeVisible();
  await expect(privacy.getByTestId('retention')).toContainText('Lượt qua chốt');
  await privacy.getByRole('button', { name: 'Hồ sơ xử lý dữ liệu cá nhân' }).click();
  await expect(page.getByTestId('record-users')).toContainText(user);
});
