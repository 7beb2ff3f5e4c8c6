import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { api } from './accounts';
import { expect, test } from './fixtures';
import { shoot } from './shots';
import { collectDownloads, receiveList, registrationList } from './list-files';

test.use({ seedRegistry: true, viewport: { width: 1366, height: 768 }, locale: 'en-US' });
const BASIS = 'Giấy khai sinh số 15/1959 và thẻ CCCD của công dân';

interface PackageRecord {
  readonly type: string;
  readonly personalId: string | null;
  readonly fields: Record<string, string>;
  readonly evidence: string | null;
}

test('a registry correction carries the reviewed value and its basis to the package; the registry value itself is refused', async ({
  page,
  appUrl,
  dataDir,
}) => {
  const downloads = collectDownloads(page, dataDir);
  await page.goto(appUrl);
  await receiveList(page, await registrationList(dataDir), 7);
  const worklist = page.getByTestId('worklist');
  const panel = page.getByTestId('entry-panel');

  // "2" on the misspelt name: the registry's value, the list's, and the proposal (the list's by default).
  await page.getByRole('tab', { name: 'Sai lệch (2)' }).click();
  await worklist.getByRole('row').filter({ hasText: 'Ma Phương Hằn' }).click();
  await expect(panel).toContainText('Dòng 5');
  await page.keyboard.press('2');
  const dialog = page.getByTestId('correction-dialog');
  await expect(dialog.getByRole('dialog')).toBeVisible();
  const fullName = dialog.getByRole('row').filter({ hasText: 'Họ và tên' });
  await expect(fullName).toContainText('Ma Phương Hằng');
  const proposed = dialog.getByLabel('Đề nghị sửa thành: Họ và tên');
  await expect(proposed).toHaveValue('Ma Phương Hằn');
  await shoot(page, 'correction-dialog.png');

  // The basis is required; the registry's own value is no correction.
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toContainText('Hãy nhập thông tin cho trường Căn cứ: giấy tờ đã xem');
  await dialog.getByLabel('Căn cứ: giấy tờ đã xem').fill(BASIS);
  await proposed.fill('Ma Phương Hằng');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toContainText('Giống giá trị trong CSDL: không có gì để sửa.');
  await shoot(page, 'correction-refused.png');
  // Main refuses it as well, whatever the page does.
  const listId = await listIdOf(appUrl, 'dang-ky-tiem.xlsx');
  const detail = await api<{ entries: { id: number; row: number }[] }>(appUrl, 'lists-get', { listId });
  if (!detail.ok) throw new Error('lists-get failed');
  const entryId = detail.value.entries.find((e) => e.row === 5)!.id;
  const same = await api(appUrl, 'lists-resolve', {
    entryId,
    resolution: 'registry_corrected',
    note: BASIS,
    proposed: { fullName: 'Ma Phương Hằng' },
  });
  expect(same).toMatchObject({ ok: false, error: { type: 'user' } });
  if (!same.ok) expect(same.error.message).toContain('giống CSDL');

  // The officer's reviewed value, as the papers show it.
  await proposed.fill('Ma Phương Hạnh');
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByRole('dialog')).toBeHidden();
  await worklist.getByRole('row').filter({ hasText: 'Ma Phương Hằn' }).click();
  const resolved = panel.getByTestId('entry-resolved');
  await expect(resolved).toContainText('Đã xử lý: Đề nghị sửa CSDL — Nông Văn Hải');
  await expect(resolved).toContainText(BASIS);
  await expect(resolved).toContainText('Ma Phương Hằng → Ma Phương Hạnh');

  // Not found: the person's details are collected for the package.
  await page.getByRole('tab', { name: 'Không có trong CSDL (1)' }).click();
  await worklist.getByRole('row').filter({ hasText: 'Triệu Văn Mới' }).click();
  await panel.getByRole('button', { name: '3. Thu thập thông tin…' }).click();
  const collect = page.getByTestId('collect-dialog');
  await expect(collect.getByLabel('Họ và tên')).toHaveValue('Triệu Văn Mới');
  await expect(collect.getByLabel('Ngày sinh')).toHaveValue('01/01/2001');
  await collect.getByLabel('Số định danh cá nhân').fill('12345');
  await collect.getByLabel('Dân tộc').fill('Tày');
  await page.keyboard.press('Control+Enter');
  await expect(collect).toContainText('Số định danh cần đúng 12 chữ số.');
  await collect.getByLabel('Số định danh cá nhân').fill('');
  await collect.getByLabel('Nơi thường trú').fill('Thôn Khuôn Hà, xã Trung Hà');
  await shoot(page, 'collect-dialog.png');
  await page.keyboard.press('Control+Enter');
  await expect(collect.getByRole('dialog')).toBeHidden();
  await worklist.getByRole('row').filter({ hasText: 'Triệu Văn Mới' }).click();
  await expect(panel.getByTestId('entry-resolved')).toContainText('Thông tin đã thu thập');

  // The package page shows each proposal before export.
  await page.getByRole('menuitem', { name: 'Gói cập nhật' }).click();
  const proposals = page.getByTestId('proposals');
  const correction = proposals.getByRole('row').filter({ hasText: 'Ma Phương Hằng' });
  await expect(correction).toContainText('Họ và tên: Ma Phương Hằng → Ma Phương Hạnh');
  await expect(correction).toContainText(BASIS);
  await expect(correction).toContainText('Nông Văn Hải');
  await expect(correction).toContainText(`danh sách số ${listId}, dòng 5`);
  await expect(proposals.getByRole('row').filter({ hasText: 'Triệu Văn Mới' })).toContainText('Thôn Khuôn Hà, xã Trung Hà');
  await shoot(page, 'package-proposals.png', true);

  await page.getByRole('button', { name: 'Xuất gói cập nhật' }).click();
  await expect(page.getByText('Đã xuất gói số 1.')).toBeVisible();
  await expect.poll(() => downloads.length).toBe(1);
  const records = new TextDecoder()
    .decode(unzipSync(new Uint8Array(readFileSync(downloads[0]!.path)))['records.jsonl'])
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as PackageRecord);
  const sent = records.find((r) => r.type === 'correction');
  expect(sent).toMatchObject({ personalId: '008159684079', fields: { fullName: 'Ma Phương Hạnh' }, evidence: BASIS });
  const added = records.find((r) => r.type === 'new_resident');
  expect(added?.fields).toMatchObject({ fullName: 'Triệu Văn Mới', birthDate: '2001-01-01', sex: 'male', ethnicity: 'Tày' });
});

async function listIdOf(appUrl: string, fileName: string): Promise<number> {
  const lists = await api<{ id: number; fileName: string }[]>(appUrl, 'lists-all', {});
  if (!lists.ok) throw new Error('lists-all failed');
  return lists.value.find((l) => l.fileName === fileName)!.id;
}
