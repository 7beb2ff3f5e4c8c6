import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, screenshotPath, test } from './fixtures';

test.use({ seedRegistry: true });

async function resultsFile(dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kết quả tiêm');
  sheet.addRow(['TRẠM Y TẾ XÃ TRUNG HÀ']);
  sheet.addRow(['DANH SÁCH NGƯỜI ĐÃ TIÊM VẮC XIN PHÒNG COVID-19']);
  sheet.addRow([
    'STT',
    'Họ và tên',
    'Ngày sinh',
    'Số CMND/CCCD',
    'Địa chỉ',
    'Ngày tiêm',
    'Loại vắc xin',
    'Số lô',
    'Mũi tiêm',
    'Cơ sở tiêm chủng',
  ]);
  sheet.addRow([
    1,
    'Ma Thị Thoa',
    '18/03/1998',
    '008198223458',
    'Thôn Khuôn Hà',
    '02/11/2021',
    'AstraZeneca',
    'NJ0342',
    '1',
    'Trạm Y tế xã',
  ]);
  sheet.addRow([
    2,
    'Lộc Văn Huỳnh',
    '27/08/1987',
    '008087993215',
    'Thôn Khuổi Hoa',
    '02/11/2021',
    'Pfizer',
    '',
    '1',
    'Trạm Y tế xã',
  ]);
  sheet.eachRow((row) => row.eachCell((cell) => (cell.numFmt = '@')));
  const file = join(dir, 'ket-qua-tiem.xlsx');
  writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return file;
}

test('a results list goes through import, check, confirmation, package export, verification and acknowledgement', async ({
  page,
  appUrl,
  dataDir,
}) => {
  const downloads: string[] = [];
  page.on('download', async (download) => {
    const path = join(dataDir, download.suggestedFilename());
    await download.saveAs(path);
    downloads.push(path);
  });
  await page.goto(appUrl);
  // Receive the station's results list.
  await page.getByRole('menuitem', { name: 'Danh sách' }).click();
  await page.getByRole('button', { name: 'Nhận danh sách' }).click();
  await page.getByLabel('Loại danh sách').click();
  await page.getByTitle('Kết quả tiêm').click();
  await page.getByLabel('Nơi gửi (Trạm Y tế, cơ sở tiêm chủng…)').fill('Trạm Y tế xã Trung Hà');
  await page.locator('input[type=file]').setInputFiles(await resultsFile(dataDir));
  await page.getByRole('button', { name: 'Nhận và đối chiếu 2 người' }).click();
  await expect(page.getByRole('tab', { name: /Tất cả/ })).toBeVisible();

  // The doses with the rule each problem broke; the chairman confirms.
  await page.getByRole('menuitem', { name: 'Tiêm chủng' }).click();
  await page.getByTestId('results-lists').getByRole('cell', { name: 'ket-qua-tiem.xlsx' }).click();
  const doses = page.getByTestId('doses');
  await expect(doses.getByRole('row').filter({ hasText: 'Ma Thị Thoa' })).toContainText('Hợp lệ');
  await expect(doses.getByRole('row').filter({ hasText: 'Lộc Văn Huỳnh' })).toContainText('[Số lô] Thiếu số lô vắc xin.');
  await page.getByRole('button', { name: 'Xác nhận danh sách' }).click();
  await expect(page.getByText('1 mũi tiêm có vấn đề sẽ không được gửi')).toBeVisible();
  await page.getByLabel('Người xác nhận').fill('Hoàng Văn Chủ');
  await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận danh sách' }).click();
  await expect(page.getByTestId('results-lists')).toContainText('Hoàng Văn Chủ');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.screenshot({ path: screenshotPath('vaccination-page.png') });

  // The package: one dose waits; it is exported, verified and acknowledged.
  await page.getByRole('menuitem', { name: 'Gói cập nhật' }).click();
  await expect(page.getByTestId('waiting')).toContainText('Tiêm chủng1');
  await page.getByRole('button', { name: 'Xuất gói cập nhật' }).click();
  await expect(page.getByText('Đã xuất gói số 1.')).toBeVisible();
  await expect.poll(() => downloads.length).toBe(1);
  const packageFile = downloads[0]!;
  const verified = JSON.parse(
    execFileSync(
      process.execPath,
      ['out/main/cli.cjs', 'package', 'verify', packageFile, '--db', join(dataDir, 'e2e.sqlite'), '--json'],
      {
        encoding: 'utf8',
      },
    ),
  ) as { valid: boolean; packageId: string; sequence: number };
  expect(verified).toMatchObject({ valid: true, sequence: 1 });
  await page
    .getByRole('button', { name: 'Kiểm tra một tệp gói' })
    .locator('..')
    .locator('input[type=file]')
    .setInputFiles(packageFile);
  await expect(page.getByTestId('package-verdict')).toContainText('Gói số 1 hợp lệ');

  const records = new TextDecoder()
    .decode(unzipSync(new Uint8Array(readFileSync(packageFile)))['records.jsonl'])
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { recordId: string; personalId: string });
  expect(records.map((r) => r.personalId)).toEqual(['008198223458']);
  const ack = join(dataDir, 'phan-hoi-1.json');
  writeFileSync(
    ack,
    JSON.stringify({ packageId: verified.packageId, results: [{ recordId: records[0]!.recordId, status: 'accepted' }] }),
  );
  await page
    .getByRole('button', { name: 'Nhập tệp phản hồi (.json)' })
    .locator('..')
    .locator('input[type=file]')
    .setInputFiles(ack);
  await expect(page.getByTestId('packages').getByRole('row').filter({ hasText: 'Tiêm chủng: 1' })).toContainText(
    '1 chấp nhận, 0 từ chối',
  );
  await page.screenshot({ path: screenshotPath('packages-page.png') });
});
