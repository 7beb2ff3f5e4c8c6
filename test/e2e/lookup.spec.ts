import { expect, screenshotPath, test } from './fixtures';
import { cccdMrz } from '../helpers/mrz';

test.use({ seedRegistry: true });

test('a keyboard-mode scan typed into the lookup screen brings up the person, and is logged', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('menuitem', { name: 'Tra cứu' }).click();
  const input = page.getByLabel('Quét mã QR trên thẻ CCCD hoặc gõ số định danh rồi nhấn Enter');
  await input.click();
  // A keyboard-mode scanner types fast, without Vietnamese accents, and ends with Enter.
  await page.keyboard.type('008198223458|072103444|Ma Thi Thoa|18031998|Nu|Thon Khuon Ha, xa Trung Ha|10052021', { delay: 4 });
  await page.keyboard.press('Enter');
  const result = page.getByTestId('lookup-result');
  await expect(result).toContainText('Ma Thị Thoa');
  await expect(result).toContainText('Dấu tiếng Việt');
  await expect(result.locator('mark').first()).toHaveText('Ma Thi Thoa');
  await expect(input).toBeFocused();
  await page.screenshot({ path: screenshotPath('lookup-page.png'), fullPage: true });

  // A typed ID works the same way.
  await page.keyboard.type('008087993215');
  await page.keyboard.press('Enter');
  await expect(result).toContainText('Lộc Văn Huỳnh');
  const visits = page.getByTestId('visits');
  await expect(visits.getByRole('row').filter({ hasText: '008198223458' })).toContainText('quét thẻ');
  await expect(visits.getByRole('row').filter({ hasText: '008087993215' })).toContainText('gõ tay');
});

test('a control post logs entries and exits, and answers who was there between two times', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('menuitem', { name: 'Tra cứu' }).click();
  await page.getByLabel('Địa điểm').fill('Chốt Km 12');
  await page.getByText('Chốt kiểm soát: vào').click();
  const input = page.getByLabel('Quét mã QR trên thẻ CCCD hoặc gõ số định danh rồi nhấn Enter');
  await input.click();
  await page.keyboard.type('008198223458');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lookup-result')).toContainText('Ma Thị Thoa');
  await page.getByText('Chốt kiểm soát: ra').click();
  await input.click();
  await page.keyboard.type('008198223458');
  await page.keyboard.press('Enter');
  const visits = page.getByTestId('visits');
  await expect(visits.getByRole('row').filter({ hasText: '008198223458' })).toHaveCount(2);
  await expect(visits.getByRole('cell', { name: 'vào', exact: true })).toHaveCount(1);
  await expect(visits.getByRole('cell', { name: 'ra', exact: true })).toHaveCount(1);
  // A window in the past holds nobody; now holds both passages.
  await page.getByLabel('Đến').fill('2021-11-10T12:00');
  await expect(visits.getByRole('row').filter({ hasText: '008198223458' })).toHaveCount(0);
  await page.getByLabel('Đến').fill('');
  await expect(visits.getByRole('row').filter({ hasText: '008198223458' })).toHaveCount(2);
});

test('a card scanned while another page is open brings up the person on the lookup screen', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('menuitem', { name: 'Danh sách' }).click();
  await page.locator('body').click({ position: { x: 600, y: 400 } });
  // No text box has the focus: the keyboard-mode scanner's burst is caught by the app, not by the page.
  await page.keyboard.type('008198223458|072103444|Ma Thi Thoa|18031998|Nu|Thon Khuon Ha, xa Trung Ha|10052021', { delay: 4 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Tra cứu' })).toBeVisible();
  await expect(page.getByTestId('lookup-result')).toContainText('Ma Thị Thoa');
  await expect(page.getByTestId('lookup-result')).toContainText('Dấu tiếng Việt');
});

test("an ID-card reader's three MRZ lines, one after another, bring up the person", async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('menuitem', { name: 'Tra cứu' }).click();
  await page.getByLabel('Quét mã QR trên thẻ CCCD hoặc gõ số định danh rồi nhấn Enter').click();
  const lines = cccdMrz({ personalId: '008198223458', birth: '980318', sex: 'F', expiry: '380318', name: 'MA<<THI<THOA' });
  await page.keyboard.type(lines[0]!, { delay: 2 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mrz-pending')).toContainText('1/3');
  await page.keyboard.type(lines[1]!, { delay: 2 });
  await page.keyboard.press('Enter');
  await page.keyboard.type(lines[2]!, { delay: 2 });
  await page.keyboard.press('Enter');
  const result = page.getByTestId('lookup-result');
  await expect(result).toContainText('Ma Thị Thoa');
  await expect(result).toContainText('đọc MRZ');
  await expect(result).toContainText('18/03/2038');
  await expect(page.getByTestId('mrz-pending')).toHaveCount(0);
});
