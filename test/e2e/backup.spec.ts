import { join } from 'node:path';
import { ADMIN, expect, test } from './fixtures';

test.use({ seedRegistry: true });

test('a backup is previewed, then restored after a confirmation; everyone signs in again', async ({ page, appUrl, dataDir }) => {
  await page.goto(appUrl);
  await page.getByRole('menuitem', { name: 'Cài đặt' }).click();
  const backup = page.getByTestId('backup');
  await backup.getByLabel('Thư mục sao lưu (ổ USB hoặc thư mục dùng chung)').fill(join(dataDir, 'usb'));
  await backup.getByRole('button', { name: 'Lưu thư mục' }).click();
  await expect(backup).toContainText('Chưa có bản sao lưu nào');
  await backup.getByRole('button', { name: 'Sao lưu ngay' }).click();
  const item = backup.getByTestId('backup-list').getByRole('listitem').first();
  await expect(item).toContainText('doichieu-sao-luu-');

  // Restoring is offered only once the copy has been checked and its contents shown.
  await expect(item.getByRole('button', { name: 'Khôi phục bản này' })).toBeDisabled();
  await item.getByRole('button', { name: 'Xem trước' }).click();
  await expect(item).toContainText('3.016 nhân khẩu, 0 danh sách');
  await item.getByRole('button', { name: 'Khôi phục bản này' }).click();
  const confirm = page.getByRole('dialog', { name: 'Khôi phục từ bản sao lưu' });
  await expect(confirm).toContainText('Toàn bộ dữ liệu hiện tại sẽ được thay');
  await page.screenshot({ path: 'test-results/backup-restore.png' });
  await confirm.getByRole('button', { name: 'Khôi phục bản này' }).click();

  const signIn = page.getByTestId('sign-in');
  await expect(signIn).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
  await page.getByLabel('Mật khẩu').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('signed-in')).toContainText(ADMIN.displayName);
});
