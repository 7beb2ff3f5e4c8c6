import { answerWelcome, expect, test } from './fixtures';

test('the devices page explains HID POS mode and tests a scan', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await answerWelcome(page, 'empty');
  await page.getByRole('menuitem', { name: 'Thiết bị' }).click();
  // No USB device on this machine: the page says how to plug one in, and how to set HID POS mode.
  await expect(page.getByText('Không tìm thấy thiết bị HID nào')).toBeVisible();
  await expect(page.getByTestId('hidpos-guide')).toContainText('USB HID POS');
  await page.getByLabel('Quét mã QR trên một thẻ CCCD vào ô này để kiểm tra máy quét').click();
  await page.keyboard.type('008090012345|070123456|Ma Van Tuong|06081990|Nam|Thon Ba 1|15062021', { delay: 3 });
  await page.keyboard.press('Enter');
  const result = page.getByTestId('test-scan-result');
  await expect(result).toContainText('Đọc được thẻ của Ma Van Tuong.');
  await expect(result).toContainText('chế độ bàn phím');
});
