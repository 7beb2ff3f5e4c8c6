import { answerWelcome, expect, test } from './fixtures';

test('the demo mode plays a sample card through the scanner path and the lookup screen shows the person', async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  await answerWelcome(page, 'demo');
  await page.getByRole('menuitem', { name: 'Tra cứu' }).click();
  await expect(page.getByTestId('scanner-status')).toContainText('Chưa chọn máy quét');
  await page.getByRole('button', { name: 'Phát một lượt quét mẫu' }).click();
  const notice = page.getByText(/Lượt quét mẫu \(chế độ trình diễn\): thẻ của/);
  await expect(notice).toBeVisible();
  const name = (await notice.textContent())!.replace(/.*thẻ của /, '').trim();
  const result = page.getByTestId('lookup-result');
  await expect(result).toContainText(name);
  await expect(result).toContainText('quét thẻ');
  await expect(result).not.toContainText('Không có trong CSDL');
  await expect(page.getByTestId('visits').getByRole('row').filter({ hasText: name })).toHaveCount(1);
});

test('the devices page lists virtual COM ports and takes a test scan from a keyboard-mode scanner anywhere on the page', async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  await answerWelcome(page, 'empty');
  await page.getByRole('menuitem', { name: 'Thiết bị' }).click();
  await expect(page.getByText('Cổng COM ảo (máy quét đặt ở chế độ USB virtual COM)')).toBeVisible();
  await page.getByRole('heading', { name: 'Thiết bị' }).click();
  await page.keyboard.type('008090012345|070123456|Ma Van Tuong|06081990|Nam|Thon Ba 1|15062021', { delay: 3 });
  await page.keyboard.press('Enter');
  // The test scan stays on the devices page.
  await expect(page.getByTestId('test-scan-result')).toContainText('Đọc được thẻ của Ma Van Tuong.');
  await expect(page.getByRole('heading', { name: 'Thiết bị' })).toBeVisible();
});
