import { answerWelcome, expect, test } from './fixtures';

test.use({ signedIn: false });

test('the first run creates the administrator; signing out locks the app until a right password', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const signIn = page.getByTestId('sign-in');
  await expect(signIn).toContainText('Lần chạy đầu: tạo tài khoản quản trị');
  await page.getByLabel('Tên đăng nhập').fill('quantri');
  await page.getByLabel('Họ và tên').fill('Nông Văn Hải');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('ngan');
  await page.getByLabel('Nhập lại mật khẩu').fill('ngan');
  await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
  await expect(signIn).toContainText('Mật khẩu cần ít nhất 8 ký tự.');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-du-dai');
  await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-du-dai');
  await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();

  // The data is encrypted: the recovery code is shown once and must be confirmed as written down.
  const recovery = page.getByTestId('recovery-code');
  await expect(recovery).toContainText('Mã chỉ hiện một lần');
  const code = (await page.getByTestId('recovery-code-text').innerText()).trim();
  expect(code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
  await expect(recovery.getByRole('button', { name: 'Tiếp tục' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/recovery-code.png' });
  await recovery.getByRole('checkbox', { name: 'Tôi đã chép lại mã khôi phục' }).check();
  await recovery.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page.getByTestId('signed-in')).toContainText('Nông Văn Hải (Quản trị)');

  // The administrator adds a police officer.
  await answerWelcome(page, 'empty');
  await page.getByRole('menuitem', { name: 'Cài đặt' }).click();
  const users = page.getByTestId('users');
  await users.getByRole('button', { name: 'Thêm người dùng' }).click();
  const adding = page.getByRole('dialog', { name: 'Thêm người dùng' });
  await adding.getByLabel('Tên đăng nhập').fill('congan');
  await adding.getByLabel('Họ và tên').fill('Hoàng Văn Công');
  await adding.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-cong-an');
  await adding.getByLabel('Nhập lại mật khẩu').fill('mat-khau-cong-an');
  await adding.getByRole('button', { name: 'Thêm người dùng' }).click();
  await expect(users.getByRole('row').filter({ hasText: 'congan' })).toContainText('Công an xã');
  await expect(page.getByTestId('encryption-state')).toContainText('Dữ liệu được mã hóa trên đĩa');

  // Signed out, nothing is reachable; a wrong password is refused; the officer signs in.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(signIn).toContainText('Đăng nhập để làm việc');
  await page.getByLabel('Tên đăng nhập').fill('congan');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(signIn).toContainText('Sai tên đăng nhập hoặc mật khẩu.');
  await page.getByLabel('Mật khẩu').fill('mat-khau-cong-an');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('signed-in')).toContainText('Hoàng Văn Công (Công an xã)');
  // A police officer has no administrator settings.
  await page.getByRole('menuitem', { name: 'Cài đặt' }).click();
  await expect(page.getByTestId('users')).toHaveCount(0);

  // The administrator forgot the password: the recovery code sets a new one.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('button', { name: 'Quên mật khẩu quản trị?' }).click();
  const recover = page.getByTestId('recover');
  await recover.getByLabel('Mã khôi phục').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
  await recover.getByLabel('Tên đăng nhập').fill('quantri');
  await recover.getByLabel('Mật khẩu mới').fill('mat-khau-moi-sau-khi-quen');
  await recover.getByLabel('Nhập lại mật khẩu').fill('mat-khau-moi-sau-khi-quen');
  await recover.getByRole('button', { name: 'Đặt lại mật khẩu và đăng nhập' }).click();
  await expect(recover).toContainText('Mã khôi phục không đúng');
  await recover.getByLabel('Mã khôi phục').fill(code.toLowerCase());
  await recover.getByRole('button', { name: 'Đặt lại mật khẩu và đăng nhập' }).click();
  await expect(page.getByTestId('signed-in')).toContainText('Nông Văn Hải (Quản trị)');
});
