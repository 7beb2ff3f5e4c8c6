import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { shoot } from './shots';
import { collectDownloads, receiveList, registrationList } from './list-files';

test.use({ seedRegistry: true, viewport: { width: 1366, height: 768 }, locale: 'en-US' });

test('every status has a way forward; a list returned in part stays due until the rest is printed as version 2', async ({
  page,
  appUrl,
  dataDir,
}) => {
  const downloads = collectDownloads(page, dataDir);
  await page.goto(appUrl);
  await receiveList(page, await registrationList(dataDir), 7);
  const worklist = page.getByTestId('worklist');
  const panel = page.getByTestId('entry-panel');

  // A duplicate names the row it repeats, in the worklist and the panel, and leads there.
  await page.getByRole('tab', { name: 'Trùng trong danh sách (1)' }).click();
  await expect(worklist.getByRole('row').filter({ hasText: 'Ma Thị Thoa' })).toContainText('Trùng với dòng 4');
  await worklist.getByRole('row').filter({ hasText: 'Ma Thị Thoa' }).click();
  await expect(panel.getByTestId('entry-guidance')).toContainText('Trùng với dòng 4');
  await expect(panel.getByRole('button', { name: /^\d\./ })).toHaveCount(0);
  await shoot(page, 'duplicate-panel.png', true);
  await panel.getByRole('button', { name: 'Đến dòng 4' }).click();
  await expect(panel).toContainText('Dòng 4');

  // A foreigner: the number is a passport's; not verified, nothing to do.
  await page.getByRole('tab', { name: 'Người nước ngoài (1)' }).click();
  await worklist.getByRole('row').filter({ hasText: 'John Smith' }).click();
  await expect(panel).toContainText('Số hộ chiếu / giấy tờ');
  await expect(panel).not.toContainText('Số định danh');
  await expect(panel.getByTestId('entry-guidance')).toContainText('Không xác minh (không phải công dân Việt Nam)');
  await expect(panel.getByRole('button', { name: /^\d\./ })).toHaveCount(0);
  await shoot(page, 'foreign-panel.png', true);

  // Ambiguous: the candidates side by side.
  await page.getByRole('tab', { name: 'Nhiều người phù hợp (1)' }).click();
  await worklist.getByRole('row').filter({ hasText: 'Bàn Ngọc Chiến' }).click();
  const candidates = panel.getByTestId('candidates');
  await expect(candidates.getByRole('columnheader', { name: 'Người 1' })).toBeVisible();
  await expect(candidates.getByRole('columnheader', { name: 'Người 2' })).toBeVisible();
  await expect(candidates.getByRole('row').filter({ hasText: 'Số định danh' })).toContainText('008036964989');
  await expect(candidates.getByRole('row').filter({ hasText: 'Số định danh' })).toContainText('008036945440');
  await shoot(page, 'candidates.png', true);

  // "Xuất kết quả" with entries open: the counts, and a way back to the worklist.
  const exportButton = page.getByRole('button', { name: 'Xuất kết quả (.xlsx và .pdf)' });
  await exportButton.click();
  const partial = page.getByTestId('partial-return');
  await expect(partial.getByRole('dialog')).toContainText('Danh sách còn 4 dòng cần xử lý');
  const counts = partial.getByTestId('open-by-status');
  await expect(counts).toContainText('Sai lệch: 2');
  await expect(counts).toContainText('Không có trong CSDL: 1');
  await expect(counts).toContainText('Nhiều người phù hợp: 1');
  await shoot(page, 'partial-return-dialog.png');
  await partial.getByRole('button', { name: 'Quay lại xử lý' }).click();
  await expect(partial.getByRole('dialog')).toBeHidden();
  expect(downloads).toHaveLength(0);

  // Returned in part: the signer is asked for at this first print.
  await exportButton.click();
  await partial.getByRole('button', { name: "Trả kết quả một phần (các dòng còn lại ghi 'Đang xác minh')" }).click();
  const signer = page.getByTestId('signer-dialog');
  await expect(signer.getByLabel('Chức vụ người ký')).toHaveValue('CHỦ TỊCH');
  await signer.getByText('KT. (cấp phó ký thay)').click();
  await expect(signer.getByLabel('Chức vụ người ký')).toHaveValue('PHÓ CHỦ TỊCH');
  await expect(signer.getByTestId('signature-preview')).toContainText('KT. CHỦ TỊCH');
  await signer.getByText('Thủ trưởng ký (cơ sở tiêm chủng)').click();
  await expect(signer.getByLabel('Chức vụ người ký')).toHaveValue('THỦ TRƯỞNG CƠ SỞ TIÊM CHỦNG');
  await signer.getByText('TM. (thay mặt tập thể)').click();
  await expect(signer.getByLabel('Chức vụ người ký')).toHaveValue('CHỦ TỊCH');
  await signer.getByRole('button', { name: 'Lưu và xuất kết quả' }).click();
  await expect(signer).toContainText('Hãy nhập thông tin cho trường Họ tên người ký');
  await signer.getByLabel('Họ tên người ký').fill('Hoàng Văn Chủ');
  await expect(signer.getByTestId('signature-preview')).toContainText('TM. ỦY BAN NHÂN DÂNCHỦ TỊCH');
  await shoot(page, 'signer-dialog.png');
  await signer.getByRole('button', { name: 'Lưu và xuất kết quả' }).click();
  await expect(page.getByText('Đã xuất kết quả một phần.')).toBeVisible();
  await expect.poll(() => downloads.length).toBe(2);
  await expect(page.getByText('đã trả một phần', { exact: true })).toBeVisible();

  // The paper: every entry not matched says how it was handled; the signer's name under the signature.
  const pdf = downloads.find((d) => d.name.endsWith('.pdf'))!;
  const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
  expect(text).toContain('Đang xác minh');
  expect(text).toMatch(/Trùng với dòng \d+/);
  // (the handling cell wraps in the PDF)
  expect(text).toContain('Không xác minh');
  expect(text).toContain('(không phải công dân');
  expect(text).toContain('Hoàng Văn Chủ');

  // The overview and the home screen say so; the warning stays.
  await page.getByRole('button', { name: 'Tất cả danh sách' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'dang-ky-tiem.xlsx' })).toContainText('đã trả một phần');
  await expect(page.getByTestId('return-alerts')).toContainText('Có 1 danh sách đã trả một phần');
  await page.getByRole('menuitem', { name: 'Dân cư' }).click();
  await expect(page.getByTestId('return-alerts')).toContainText('Có 1 danh sách đã trả một phần');
  await shoot(page, 'home-partial.png');

  // The rest is handled.
  await page.getByRole('menuitem', { name: 'Danh sách' }).click();
  await page.getByRole('cell', { name: 'dang-ky-tiem.xlsx' }).click();
  await page.getByRole('tab', { name: 'Sai lệch (2)' }).click();
  for (const name of ['Ma Phương Hằn', 'Lộc Văn Huỳnh']) {
    await worklist.getByRole('row').filter({ hasText: name }).click();
    await page.keyboard.press('1');
    await expect(worklist.getByRole('row').filter({ hasText: name })).toContainText('✓');
  }
  await page.getByRole('tab', { name: 'Không có trong CSDL (1)' }).click();
  await worklist.getByRole('row').filter({ hasText: 'Triệu Văn Mới' }).click();
  await page.keyboard.press('3');
  const collect = page.getByTestId('collect-dialog');
  await expect(collect.getByLabel('Họ và tên')).toHaveValue('Triệu Văn Mới');
  await page.keyboard.press('Control+Enter');
  await expect(collect.getByRole('dialog')).toBeHidden();
  await page.getByRole('tab', { name: 'Nhiều người phù hợp (1)' }).click();
  await worklist.getByRole('row').filter({ hasText: 'Bàn Ngọc Chiến' }).click();
  await candidates.getByRole('button', { name: 'Chọn người này' }).first().click();
  await expect(panel.getByTestId('entry-resolved')).toContainText('Đã xử lý: Đã chọn đúng người');
  await expect(page.getByRole('tab', { name: /Nhiều người phù hợp/ })).toHaveCount(0);

  // Printed again, once however fast the button is clicked: version 2, returned whole.
  await exportButton.dblclick();
  await expect(page.getByText('Đã xuất kết quả. Danh sách được đánh dấu đã trả.')).toBeVisible();
  await expect.poll(() => downloads.length).toBe(4);
  const documents = page.getByTestId('documents');
  await expect(documents.getByRole('row').filter({ hasText: '/DS-UBND' })).toHaveCount(2);
  await expect(documents.getByRole('row').filter({ hasText: 'đã có bản mới hơn' })).toHaveCount(1);
  await expect(page.getByText('đã trả', { exact: true })).toBeVisible();

  // "Mở để in" in a browser: the version opens in a new tab, where the browser's print works.
  const tab = page.waitForEvent('popup');
  await documents.getByRole('button', { name: 'Mở để in' }).first().click();
  const opened = await tab;
  expect(opened.url()).toMatch(/^blob:/);
  await expect(page.getByText('Đã mở văn bản trong thẻ mới')).toBeVisible();
  await opened.waitForTimeout(3000);
  await shoot(opened, 'print-tab.png');
  await opened.close();

  await page.getByRole('menuitem', { name: 'Dân cư' }).click();
  await expect(page.getByTestId('return-alerts')).toHaveCount(0);
});
