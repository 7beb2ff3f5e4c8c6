import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { answerWelcome, expect, screenshotPath, test } from './fixtures';

const REGISTRY_CSV = resolve('..', 'shared', 'fixtures', 'verification', 'registry.csv');

test('imports the registry extract through the UI and finds a person', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await expect(page.getByText('Chào mừng đến với Đối chiếu dân cư')).toBeVisible();
  await answerWelcome(page, 'empty');
  await expect(page.getByTestId('resident-count')).toHaveText('Số cư dân trong bản trích: 0');

  await page.getByRole('button', { name: /Nhập bản trích/ }).click();
  await page.locator('input[type=file]').setInputFiles(REGISTRY_CSV);
  await expect(page.getByText(/dòng tiêu đề là dòng 1, có 3.016 dòng dữ liệu/)).toBeVisible();
  // The mapping preview shows each column of the file with the field it was matched to.
  const mapping = page.getByTestId('mapping-table');
  await expect(mapping.getByText('Họ, chữ đệm và tên', { exact: true })).toBeVisible();
  await expect(mapping.getByLabel('Họ, chữ đệm và tên')).toBeVisible();
  await expect(
    mapping.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: 'Họ và tên' }).first(),
  ).toBeVisible();

  await page.getByRole('button', { name: /^Nhập 3\.016 dòng$/ }).click();
  await expect(page.getByText('Đã nhập xong bản trích.')).toBeVisible();
  const result = page.getByTestId('import-result');
  await expect(result.getByText('Thêm mới')).toBeVisible();
  await expect(result).toContainText('3.016');
  await page.getByTestId('import-close').click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId('resident-count')).toHaveText('Số cư dân trong bản trích: 3.016');

  await page.getByLabel(/Tìm theo số định danh/).fill('ma thi thoa');
  await page.keyboard.press('Enter');
  const row = page.getByRole('row').filter({ hasText: '008198223458' });
  await expect(row).toContainText('Ma Thị Thoa');
  await expect(row).toContainText('18/03/1998');
  await expect(row).toContainText('Nữ');
  await page.screenshot({ path: screenshotPath('residents-page.png') });

  await page.getByLabel(/Tìm theo số định danh/).fill('008087993215');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row').filter({ hasText: '008087993215' })).toContainText('Lộc Văn Huỳnh');
});

test('a bad extract is refused with the row named, and nothing is imported', async ({ page, appUrl, dataDir }) => {
  const file = join(dataDir, 'trich-sai.csv');
  writeFileSync(
    file,
    '\ufeffSố định danh cá nhân,Họ và tên,Ngày sinh\r\n008090012345,Ma Văn Tường,06/08/1990\r\n12345,Lường Thị Hưởng,12/03/1995\r\n',
  );
  await page.goto(appUrl);
  await answerWelcome(page, 'empty');
  await page.getByRole('button', { name: /Nhập bản trích/ }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByText('Có 1 dòng lỗi. Các dòng này sẽ không được nhập.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Số định danh "12345" không hợp lệ' })).toContainText('3');
  await page.getByRole('button', { name: 'Quay lại' }).click();

  await page.locator('input[type=file]').setInputFiles({
    name: 'anh.png',
    mimeType: 'image/png',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]),
  });
  await expect(page.getByText('Tệp "anh.png" không phải bảng tính .xlsx hoặc .csv.', { exact: false })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resident-count')).toHaveText('Số cư dân trong bản trích: 0');
});

test('a new user can load clearly marked demo data and remove it', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await answerWelcome(page, 'demo');
  await expect(page.getByText('Đang dùng DỮ LIỆU MẪU')).toBeVisible();
  await expect(page.getByTestId('resident-count')).toHaveText('Số cư dân trong bản trích: 600');
  await page.getByLabel(/Tìm theo số định danh/).fill('nguyen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row').filter({ hasText: 'MẪU' }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Xóa dữ liệu mẫu' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /OK|Đồng ý/ })
    .click();
  await expect(page.getByText('Đang dùng DỮ LIỆU MẪU')).toBeHidden();
  await expect(page.getByTestId('resident-count')).toHaveText('Số cư dân trong bản trích: 0');
});
