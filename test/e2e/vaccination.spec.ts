import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, expect, screenshotPath, test } from './fixtures';
import { CHAIRMAN, addAccount, signInAs } from './accounts';
import { resultsList } from './list-files';
import { registryKeyPair, signedAck } from '../helpers/ack';

const asAdmin = { ...process.env, DOICHIEU_USER: ADMIN.username, DOICHIEU_KEY: ADMIN.password };

test.use({ seedRegistry: true });

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
  await page.locator('input[type=file]').setInputFiles(await resultsList(dataDir));
  await page.getByRole('button', { name: 'Nhận và đối chiếu 2 người' }).click();
  await expect(page.getByRole('tab', { name: /Tất cả/ })).toBeVisible();

  // The doses with the rule each problem broke; the chairman, signed in, confirms as themself (issue 15).
  await page.getByRole('menuitem', { name: 'Tiêm chủng' }).click();
  await page.getByTestId('results-lists').getByRole('cell', { name: 'ket-qua-tiem.xlsx' }).click();
  const doses = page.getByTestId('doses');
  await expect(doses.getByRole('row').filter({ hasText: 'Ma Thị Thoa' })).toContainText('Hợp lệ');
  await expect(doses.getByRole('row').filter({ hasText: 'Lộc Văn Huỳnh' })).toContainText('[Số lô] Thiếu số lô vắc xin.');
  await expect(page.getByRole('button', { name: 'Xác nhận danh sách' })).toHaveCount(0);
  await addAccount(appUrl, CHAIRMAN);
  await signInAs(page, CHAIRMAN);
  await page.getByRole('menuitem', { name: 'Tiêm chủng' }).click();
  await page.getByTestId('results-lists').getByRole('cell', { name: 'ket-qua-tiem.xlsx' }).click();
  await page.getByRole('button', { name: 'Xác nhận danh sách' }).click();
  await expect(page.getByText('1 mũi tiêm có vấn đề sẽ không được gửi')).toBeVisible();
  await expect(page.getByTestId('confirmer-account')).toContainText('Hoàng Văn Chủ (tài khoản chutich)');
  await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận danh sách' }).click();
  await expect(page.getByTestId('results-lists')).toContainText('Hoàng Văn Chủ');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.screenshot({ path: screenshotPath('vaccination-page.png') });
  await signInAs(page, ADMIN);

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
      // With accounts, the CLI acts as a named user (issue 19).
      { encoding: 'utf8', env: asAdmin },
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
  // The registry's answer is signed with the key the administrator installed (issue 19).
  const registry = registryKeyPair();
  const keyFile = join(dataDir, 'khoa-c06.pem');
  writeFileSync(keyFile, registry.publicPem);
  execFileSync(process.execPath, ['out/main/cli.cjs', 'package', 'key', keyFile, '--db', join(dataDir, 'e2e.sqlite')], {
    env: asAdmin,
  });
  const ack = join(dataDir, 'phan-hoi-1.json');
  writeFileSync(
    ack,
    signedAck(registry.privateKey, {
      packageId: verified.packageId,
      packageSha256: createHash('sha256').update(readFileSync(packageFile)).digest('hex'),
      results: [{ recordId: records[0]!.recordId, status: 'accepted' }],
    }),
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
