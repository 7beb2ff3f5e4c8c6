import { join } from 'node:path';
import { openWithPassphrase } from '../../src/main/db/open-with-passphrase';
import { CHAIRMAN, addAccount, api, signInAs } from './accounts';
import { ADMIN, expect, test } from './fixtures';
import { shoot } from './shots';
import { collectDownloads, receiveList, resultsList } from './list-files';

test.use({ seedRegistry: true, viewport: { width: 1366, height: 768 }, locale: 'en-US' });

/**
 * The audit trail's entries of one action, read from the database (plain as the fixture's CLI made
 * it, or else opened with the chairman's password).
 */
function auditEntries(dataDir: string, action: string): { actor: string | null; details: Record<string, unknown> }[] {
  const file = join(dataDir, 'e2e.sqlite');
  let opened = openWithPassphrase(file, null);
  if (!opened.ok) opened = openWithPassphrase(file, CHAIRMAN.password);
  if (!opened.ok) throw new Error(`cannot open the database: ${opened.problem.key}`);
  try {
    return opened.value.db
      .prepare<[string], { actor: string | null; details: string }>(
        'SELECT actor, details FROM audit_log WHERE action = ? ORDER BY seq',
      )
      .all(action)
      .map((r) => ({ actor: r.actor, details: JSON.parse(r.details) as Record<string, unknown> }));
  } finally {
    opened.value.db.close();
  }
}

test('only the chairman, signed in, records a signature or confirms results, and the audit trail names the account', async ({
  page,
  appUrl,
  dataDir,
}) => {
  collectDownloads(page, dataDir);
  await page.goto(appUrl);
  // English browser, Vietnamese app: dates stay day first.
  await expect(page.getByRole('menuitem', { name: 'Danh sách' })).toBeVisible();

  // The administrator receives a results list and prints it (the signer is in the settings already).
  const signer = await api(appUrl, 'letterhead-set-signer', {
    signForm: 'TM',
    signerTitle: 'CHỦ TỊCH',
    signerName: CHAIRMAN.displayName,
  });
  expect(signer.ok).toBe(true);
  await receiveList(page, await resultsList(dataDir), 2, 'Kết quả tiêm');
  await page.getByRole('button', { name: 'Xuất kết quả (.xlsx và .pdf)' }).click();
  await expect(page.getByText('Đã xuất kết quả.')).toBeVisible();
  const documents = page.getByTestId('documents');
  const version1 = documents.getByRole('row').filter({ hasText: '/DS-UBND' });
  await expect(version1).toHaveCount(1);
  await expect(version1).toContainText(/\d{2}\/\d{2}\/\d{4}/);

  // The administrator: no "Ghi nhận đã ký", no "Xác nhận danh sách"; the API refuses them too.
  await expect(version1).toContainText('chưa ký');
  await expect(documents.getByRole('button', { name: 'Ghi nhận đã ký' })).toHaveCount(0);
  const lists = await api<{ id: number; fileName: string }[]>(appUrl, 'lists-all', {});
  if (!lists.ok) throw new Error('lists-all failed');
  const listId = lists.value.find((l) => l.fileName === 'ket-qua-tiem.xlsx')!.id;
  const versions = await api<{ id: number }[]>(appUrl, 'documents-list', { listId });
  if (!versions.ok) throw new Error('documents-list failed');
  const documentId = versions.value[0]!.id;
  const adminSigns = await api(appUrl, 'documents-signoff', { documentId, role: 'chairman' });
  expect(adminSigns).toMatchObject({ ok: false, error: { message: 'Tài khoản của bạn không có quyền làm việc này.' } });
  await page.getByRole('menuitem', { name: 'Tiêm chủng' }).click();
  const results = page.getByTestId('results-lists');
  await expect(results.getByRole('row').filter({ hasText: 'ket-qua-tiem.xlsx' })).toContainText('chưa xác nhận');
  await expect(page.getByRole('button', { name: 'Xác nhận danh sách' })).toHaveCount(0);
  const adminConfirms = await api(appUrl, 'vaccination-confirm', { listId });
  expect(adminConfirms).toMatchObject({ ok: false, error: { message: 'Tài khoản của bạn không có quyền làm việc này.' } });

  // The chairman signs in: the signature and the confirmation are theirs, with no name to type.
  await addAccount(appUrl, CHAIRMAN);
  await signInAs(page, CHAIRMAN);
  await page.getByRole('menuitem', { name: 'Danh sách' }).click();
  await page.getByRole('cell', { name: 'ket-qua-tiem.xlsx' }).click();
  await documents.getByRole('button', { name: 'Ghi nhận đã ký' }).click();
  const signOff = page.getByRole('dialog');
  await expect(signOff.getByTestId('signer-account')).toContainText('Người ký: Hoàng Văn Chủ (tài khoản chutich)');
  await expect(signOff.getByRole('textbox')).toHaveCount(0);
  await shoot(page, 'sign-off-dialog.png');
  await signOff.getByRole('button', { name: 'Ghi nhận đã ký' }).click();
  await expect(version1).toContainText('Hoàng Văn Chủ (tài khoản chutich)');

  await page.getByRole('menuitem', { name: 'Tiêm chủng' }).click();
  await results.getByRole('button', { name: 'Xác nhận danh sách' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm.getByTestId('confirmer-account')).toContainText('Hoàng Văn Chủ (tài khoản chutich)');
  await shoot(page, 'confirm-dialog.png');
  await confirm.getByRole('button', { name: 'Xác nhận danh sách' }).click();
  await expect(results.getByRole('row').filter({ hasText: 'ket-qua-tiem.xlsx' })).toContainText('Hoàng Văn Chủ');

  // The audit trail names the chairman's account for both.
  const signoffs = auditEntries(dataDir, 'document.signoff');
  expect(signoffs).toHaveLength(1);
  expect(signoffs[0]!.details).toMatchObject({ account: CHAIRMAN.username });
  expect(signoffs[0]!.actor).toContain(CHAIRMAN.displayName);
  const confirmations = auditEntries(dataDir, 'list.confirm');
  expect(confirmations).toHaveLength(1);
  expect(confirmations[0]!.details).toMatchObject({ account: CHAIRMAN.username });
  expect(confirmations[0]!.actor).toContain(CHAIRMAN.displayName);

  // Back as the administrator: who signed is shown, and still no control to sign.
  await signInAs(page, ADMIN);
  await page.getByRole('menuitem', { name: 'Danh sách' }).click();
  await page.getByRole('cell', { name: 'ket-qua-tiem.xlsx' }).click();
  await expect(version1).toContainText('Hoàng Văn Chủ (tài khoản chutich)');
  await expect(documents.getByRole('button', { name: 'Ghi nhận đã ký' })).toHaveCount(0);
  await shoot(page, 'documents-signed.png');
});
