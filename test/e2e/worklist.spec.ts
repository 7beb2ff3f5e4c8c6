import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { receiveList, registrationList } from './list-files';
import { shoot } from './shots';

// Issue 16: the worklist at 1366×768 in a browser whose language is English.
test.use({ seedRegistry: true, viewport: { width: 1366, height: 768 }, locale: 'en-US' });

/** A list in which everyone matches the registry: it must open on "Khớp", not on an empty tab. */
async function matchedOnly(dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('DS');
  sheet.addRow(['TRẠM Y TẾ XÃ TRUNG HÀ']);
  sheet.addRow(['DANH SÁCH ĐĂNG KÝ TIÊM']);
  sheet.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CMND/CCCD', 'Quốc tịch', 'Địa chỉ']);
  sheet.addRow([1, 'Ma Thị Thoa', '18/03/1998', 'Nữ', '008198223458', 'Việt Nam', 'Thôn Khuôn Hà']);
  sheet.eachRow((row) => row.eachCell((cell) => (cell.numFmt = '@')));
  const file = join(dir, 'khop.xlsx');
  writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return file;
}

test('a list with no mismatches opens on its first tab that has rows', async ({ page, appUrl, dataDir }) => {
  await page.goto(appUrl);
  await receiveList(page, await matchedOnly(dataDir), 1);
  await expect(page.getByRole('tab', { name: 'Khớp (1)' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('worklist')).toContainText('Ma Thị Thoa');
});

test('Ctrl+Z undoes the last decision from another row; a key that needs a reason goes to the note box', async ({
  page,
  appUrl,
  dataDir,
}) => {
  await page.goto(appUrl);
  await receiveList(page, await registrationList(dataDir), 7);
  const worklist = page.getByTestId('worklist');
  const panel = page.getByTestId('entry-panel');
  const row = (name: string) => worklist.getByRole('row').filter({ hasText: name });

  // The mismatched tab comes first; the selected entry's actions are in view at 1366×768.
  await expect(page.getByRole('tab', { name: 'Sai lệch (2)' })).toHaveAttribute('aria-selected', 'true');
  await row('Ma Phương Hằn').click();
  const correctList = panel.getByRole('button', { name: /^1\. / });
  await expect(correctList).toBeInViewport();
  await expect(panel.getByRole('button', { name: /^5\. / })).toBeInViewport();
  await shoot(page, 'worklist-selected.png');

  // Key 1 records "the list corrected from the registry" and moves to the next row.
  await page.keyboard.press('1');
  await expect(row('Ma Phương Hằn')).toContainText('✓');
  await expect(panel).toContainText('Lộc Văn Huỳnh');

  // On another tab and another row, Ctrl+Z takes back that decision and says so.
  await page.getByRole('tab', { name: 'Không có trong CSDL (1)' }).click();
  await row('Triệu Văn Mới').click();
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Đã hoàn tác "Sửa danh sách theo CSDL" ở dòng 5.')).toBeVisible();
  await page.getByRole('tab', { name: 'Sai lệch (2)' }).click();
  await expect(row('Ma Phương Hằn')).not.toContainText('✓');

  // Key 5 needs a reason: the cursor goes to the note box, and the page says how to go on.
  await page.getByRole('tab', { name: 'Không có trong CSDL (1)' }).click();
  await row('Triệu Văn Mới').click();
  await page.keyboard.press('5');
  const note = panel.getByLabel('Ghi chú, căn cứ hoặc lý do');
  await expect(note).toBeFocused();
  await expect(page.getByText(/Cần ghi lý do cho "Chưa xử lý được"/)).toBeVisible();
  await expect(note).toHaveValue('');
  // Esc leaves the box; the key again brings the cursor back.
  await page.keyboard.press('Escape');
  await expect(note).not.toBeFocused();
  await page.keyboard.press('5');
  await expect(note).toBeFocused();
  await page.keyboard.type('Không gặp được người này, hẹn tuần sau');
  await shoot(page, 'worklist-note.png');
  // Ctrl+Enter records it.
  await page.keyboard.press('Control+Enter');
  await expect(row('Triệu Văn Mới')).toContainText('✓');
  await expect(panel).toContainText('Không gặp được người này, hẹn tuần sau');
});

test('a row chosen while a decision is still being saved stays chosen when the save comes back', async ({
  page,
  appUrl,
  dataDir,
}) => {
  await page.goto(appUrl);
  await receiveList(page, await registrationList(dataDir), 7);
  const worklist = page.getByTestId('worklist');
  const panel = page.getByTestId('entry-panel');
  const row = (name: string) => worklist.getByRole('row').filter({ hasText: name });
  await row('Ma Phương Hằn').click();

  // The save answers only once the officer has clicked the row again, to read what was recorded.
  let answer!: () => void;
  const clicked = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/api/lists-resolve', async (route) => {
    await clicked;
    await route.continue();
  });
  await page.keyboard.press('1');
  await row('Ma Phương Hằn').click();
  answer();
  await expect(row('Ma Phương Hằn')).toContainText('✓');
  await expect(panel).toContainText('Đã xử lý: Sửa danh sách theo CSDL');
  await expect(panel).not.toContainText('Lộc Văn Huỳnh');
});
