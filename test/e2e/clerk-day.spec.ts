/**
 * A clerk's day at 1366×768 in a browser whose language is English (issue 16, the screens outside
 * the worklist): search through every match and the resident card, the receive dialog's title,
 * sender, date and duplicate warning, the demo removal offer, accounts and passwords, the help page.
 * Each screen is photographed into test-results/clerk-day for a person to look at; the help page's
 * pictures are taken here too (into src/renderer/public/help under `npm run screenshots`).
 */
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { api } from './accounts';
import { REGISTRY_FIXTURE, answerWelcome, expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
// Each screen is photographed once its messages have gone: the walks take longer than the default minute.
test.describe.configure({ timeout: 180_000 });

const LIST_FIXTURE = resolve('..', 'shared', 'fixtures', 'verification', 'list.xlsx');
const NGUYEN = 373;
const OTHERS = 27;

/** A picture of the screen for review (test-results/clerk-day), once animations and toasts have settled. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'hidden', timeout: 9000 })
    .catch(() => undefined);
  await page
    .waitForFunction("document.getAnimations().every((a) => a.playState !== 'running')", undefined, { timeout: 3000 })
    .catch(() => undefined);
  await page.screenshot({ path: join('test-results', 'clerk-day', name) });
}

/**
 * A picture for the help page: the screen (or part of it) scaled down to `scale`, as a PNG. Under
 * `npm run screenshots` it goes beside the page (src/renderer/public/help), else to test-results.
 */
async function helpShot(page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }, scale = 0.6) {
  await page.waitForTimeout(300);
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'hidden', timeout: 9000 })
    .catch(() => undefined);
  const png = await page.screenshot({ clip });
  const scratch = await page.context().newPage();
  const dataUrl = await scratch.evaluate<string>(`(${SCALE_PNG})(${JSON.stringify(png.toString('base64'))}, ${scale})`);
  await scratch.close();
  const dir = process.env.DOICHIEU_SCREENSHOTS_DIR
    ? join('src', 'renderer', 'public', 'help')
    : join('test-results', 'clerk-day', 'help');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
}

// Runs in a blank page (the test's own code has no DOM types): a PNG drawn at `scale` onto a canvas.
const SCALE_PNG = `async (b64, scale) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + b64;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.width * scale);
  canvas.height = Math.round(image.height * scale);
  const context = canvas.getContext('2d');
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}`;

/** Imports the sample registry through the API, as the signed-in administrator. */
async function importRegistry(appUrl: string): Promise<void> {
  const data = { $bytes: readFileSync(REGISTRY_FIXTURE).toString('base64') };
  const preview = await api<{ previewId: string }>(appUrl, 'registry-preview', { fileName: 'registry.csv', data });
  if (!preview.ok) throw new Error(JSON.stringify(preview));
  const started = await api<{ jobId: string }>(appUrl, 'registry-import-start', {
    previewId: preview.value.previewId,
    skipInvalid: false,
  });
  if (!started.ok) throw new Error(JSON.stringify(started));
  for (;;) {
    const status = await api<{ state: string }>(appUrl, 'job-status', { jobId: started.value.jobId });
    if (!status.ok || status.value.state !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const CONTENT = { x: 210, y: 0, width: 1156, height: 768 };

/** An extract with 373 Nguyễn among 400 residents, every ID valid (province 008, century and sex digit, year). */
function extractWithNguyens(dir: string): string {
  const middles = ['Văn', 'Thị', 'Đức', 'Thu', 'Minh', 'Hồng', 'Quang'];
  const givens = [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Hà',
    'Hải',
    'Hòa',
    'Lan',
    'Mai',
    'Nam',
    'Phúc',
    'Quân',
    'Sơn',
    'Tâm',
    'Thảo',
    'Trang',
  ];
  const others = ['Ma Văn Tường', 'Hoàng Thị Lụa', 'Lộc Văn Khải', 'Triệu Thị Hiền', 'Bàn Văn Sinh'];
  const rows = ['STT,Số định danh cá nhân,Họ và tên,Ngày sinh,Giới tính,Nơi thường trú'];
  for (let i = 0; i < NGUYEN + OTHERS; i++) {
    const female = i % 2 === 1;
    const year = 1950 + (i % 50);
    const id = `008${female ? 1 : 0}${String(year).slice(2)}${String(100000 + i).slice(-6)}`;
    const name =
      i < NGUYEN
        ? `Nguyễn ${middles[i % middles.length]} ${givens[Math.floor(i / middles.length) % givens.length]}`
        : others[i % others.length];
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    rows.push(`${i + 1},${id},${name},${day}/${month}/${year},${female ? 'Nữ' : 'Nam'},"Thôn Khuôn Hà, xã Trung Hà"`);
  }
  const file = join(dir, 'trich-xa-trung-ha.csv');
  writeFileSync(file, '\ufeff' + rows.join('\r\n') + '\r\n');
  return file;
}

test('over demo data, a real extract removes the demo first; search pages through 373 Nguyễn and opens a card', async ({
  page,
  appUrl,
  dataDir,
}) => {
  await page.goto(appUrl);
  await answerWelcome(page, 'demo');
  const banner = page.getByTestId('demo-banner');
  await expect(banner).toContainText('Để thoát chế độ mẫu: bấm "Xóa dữ liệu mẫu", hoặc nhập bản trích thật');
  await shoot(page, 'demo-banner.png');

  await page.getByRole('button', { name: /Nhập bản trích/ }).click();
  await page.locator('input[type=file]').setInputFiles(extractWithNguyens(dataDir));
  const offer = page.getByTestId('remove-demo');
  await expect(offer.getByRole('checkbox', { name: /Xóa 600 cư dân mẫu trước khi nhập/ })).toBeChecked();
  const start = page.getByRole('dialog').getByRole('button', { name: 'Nhập 400 dòng' });
  await expect(start).toBeInViewport();
  await shoot(page, 'import-demo-offer.png');
  // A double click starts one import.
  await start.dblclick();
  await expect(page.getByText('Đã xóa dữ liệu mẫu và nhập bản trích: thêm 400, cập nhật 0 cư dân.')).toBeVisible();
  await page.getByTestId('import-close').click();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId('resident-count')).toHaveText('Số cư dân trong bản trích: 400');

  await page.getByLabel(/Tìm theo số định danh/).fill('nguyen');
  await page.keyboard.press('Enter');
  const count = page.getByTestId('search-count');
  await expect(count).toContainText('1–50 / 373 kết quả');
  await expect(count.getByRole('button', { name: '— thêm năm sinh để thu hẹp' })).toBeVisible();
  await shoot(page, 'search-page-1.png');
  await helpShot(page, 'residents-search.png', CONTENT);

  // Every page, to the 373rd: each Nguyễn once.
  const seen = new Set<string>();
  const results = page.getByTestId('search-results');
  for (let p = 1; p <= 8; p++) {
    if (p > 1)
      await results
        .locator('.ant-pagination')
        .first()
        .getByRole('listitem', { name: String(p), exact: true })
        .click();
    const to = Math.min(p * 50, NGUYEN);
    await expect(count).toContainText(`${(p - 1) * 50 + 1}–${to} / 373 kết quả`);
    const ids = await results.locator('tbody tr td:first-child').allInnerTexts();
    expect(ids).toHaveLength(to - (p - 1) * 50);
    for (const id of ids) seen.add(id.trim());
  }
  expect(seen.size).toBe(NGUYEN);
  await shoot(page, 'search-page-8.png');

  // The hint puts the cursor in the birth year; a year narrows the matches to one page.
  await page.getByLabel(/Tìm theo số định danh/).press('Enter');
  await count.getByRole('button', { name: '— thêm năm sinh để thu hẹp' }).click();
  await expect(page.getByLabel('Năm sinh')).toBeFocused();
  await page.keyboard.type('1960');
  await page.keyboard.press('Enter');
  await expect(count).toContainText(/^\d+ kết quả/);
  await expect(count.getByRole('button', { name: /thêm năm sinh/ })).toHaveCount(0);

  // A click opens the card: the record with where each field came from, dates day first.
  await results.locator('tbody tr').first().click();
  const card = page.getByTestId('resident-card');
  await expect(card.getByTestId('card-name')).toContainText('Nguyễn');
  const record = card.getByTestId('card-record');
  await expect(record).toContainText('theo bản trích trich-xa-trung-ha.csv');
  await expect(record.getByRole('row').filter({ hasText: 'Ngày sinh' })).toContainText(/\d{2}\/\d{2}\/1960/);
  await expect(card).toContainText('Chưa có trong danh sách nào.');
  await shoot(page, 'resident-card-new.png');
});

test.describe('with the sample registry', () => {
  test('a received list takes its title and sender from the sheet, dates are dd/mm/yyyy, the same file warns', async ({
    page,
    appUrl,
  }) => {
    await page.goto(appUrl);
    await answerWelcome(page, 'empty');
    await importRegistry(appUrl);
    await page.getByRole('menuitem', { name: 'Danh sách' }).click();
    await page.getByRole('button', { name: 'Nhận danh sách' }).click();
    const dialog = page.getByRole('dialog', { name: /Nhận danh sách/ });
    await dialog.locator('input[type=file]').setInputFiles(LIST_FIXTURE);
    await expect(dialog.getByText('dòng tiêu đề là dòng 6, có 400 người')).toBeVisible();
    const title = dialog.getByLabel('Tên danh sách');
    const source = dialog.getByLabel('Nơi gửi (Trạm Y tế, cơ sở tiêm chủng…)');
    await expect(title).not.toHaveValue('');
    await expect(title).not.toHaveValue('list');
    await expect(source).not.toHaveValue('');
    // The date the sheet names, day first whatever the browser's language.
    const drawnUp = dialog.getByLabel('Ngày lập danh sách');
    await expect(drawnUp).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
    const hint = await dialog.getByText(/Để trống: lấy theo ngày ghi trong tệp/).innerText();
    expect(hint).toContain(await drawnUp.inputValue());
    // Typed day first, read day first.
    await drawnUp.click();
    await drawnUp.fill('09/11/2021');
    await drawnUp.press('Enter');
    await expect(drawnUp).toHaveValue('09/11/2021');
    await title.fill('Danh sách đăng ký tiêm đợt 3');
    const receive = dialog.getByRole('button', { name: 'Nhận và đối chiếu 400 người' });
    await expect(receive).toBeInViewport();
    await shoot(page, 'receive-dialog.png');
    await helpShot(page, 'receive-list.png');
    await receive.click();
    await expect(page.getByText('Đã nhận danh sách "Danh sách đăng ký tiêm đợt 3" (400 người) và đối chiếu xong.')).toBeVisible();
    await expect(page.getByTestId('worklist')).toBeVisible();
    await page.getByTestId('worklist').getByRole('row').filter({ hasText: 'Hà Văn Tường' }).click();
    await expect(page.getByTestId('entry-panel')).toContainText('Dòng 8');
    await shoot(page, 'worklist.png');
    await helpShot(page, 'worklist.png', CONTENT);

    // The same file again: a warning that names the earlier list and opens it.
    await page.getByRole('button', { name: 'Tất cả danh sách' }).click();
    await page.getByRole('button', { name: 'Nhận danh sách' }).click();
    await dialog.locator('input[type=file]').setInputFiles(LIST_FIXTURE);
    const same = dialog.getByTestId('same-file');
    await expect(same).toContainText('Tệp này đã được nhận lúc');
    await expect(same).toContainText('"Danh sách đăng ký tiêm đợt 3"');
    await expect(dialog.getByRole('button', { name: 'Nhận và đối chiếu 400 người' })).toBeInViewport();
    await shoot(page, 'receive-same-file.png');
    await same.getByRole('button', { name: 'Mở danh sách đã nhận' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('worklist')).toBeVisible();

    // The card of a person on the list: the list, its status, dates day first.
    await page.getByRole('menuitem', { name: 'Dân cư' }).click();
    await page.getByLabel(/Tìm theo số định danh/).fill('008200651841');
    await page.keyboard.press('Enter');
    await page.getByTestId('search-results').getByRole('row').filter({ hasText: 'Hà Văn Tường' }).first().click();
    const card = page.getByTestId('resident-card');
    const lists = card.getByTestId('card-lists');
    await expect(lists).toContainText('list.xlsx');
    await expect(lists).toContainText('Sai lệch');
    await expect(lists).toContainText('09/11/2021');
    await shoot(page, 'resident-card.png');
    await helpShot(page, 'resident-card.png', { x: 546, y: 0, width: 820, height: 768 });
    await page.keyboard.press('Escape');

    await page.getByRole('menuitem', { name: 'Thiết bị' }).click();
    await page.getByTestId('hidpos-guide').waitFor();
    await helpShot(page, 'devices.png', { x: 210, y: 0, width: 1156, height: 300 });
    await page.getByRole('menuitem', { name: 'Gói cập nhật' }).click();
    await page.getByTestId('waiting').waitFor();
    await helpShot(page, 'packages.png', CONTENT);
  });
});

test('the help page: the workflow, statuses, keys and scanner; each page links to its section', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await answerWelcome(page, 'empty');
  await page.getByTestId('help-link-residents').click();
  await expect(page).toHaveURL(/#\/help\/residents$/);
  await expect(page.getByTestId('help-residents')).toBeInViewport();
  await expect(page.getByRole('menuitem', { name: 'Hướng dẫn' })).toHaveClass(/selected/);
  await shoot(page, 'help-residents.png');

  await page.getByRole('menuitem', { name: 'Hướng dẫn' }).click();
  await expect(page.getByTestId('help-workflow')).toContainText('Công việc từ khi nhận danh sách đến khi gửi gói cập nhật');
  await expect(page.getByTestId('help-workflow')).toContainText('Gửi gói cập nhật');
  const statuses = page.getByTestId('help-status-table');
  for (const status of [
    'Khớp',
    'Sai lệch',
    'Không có trong CSDL',
    'Người nước ngoài',
    'Trùng trong danh sách',
    'Nhiều người phù hợp',
    'Thiếu thông tin',
  ])
    await expect(statuses).toContainText(status);
  const keys = page.getByTestId('help-key-table');
  for (const key of ['1', '5', '↑ / ↓', 'Ctrl+Z', 'Ctrl+Enter', 'Esc'])
    await expect(keys.getByText(key, { exact: true })).toBeVisible();
  await shoot(page, 'help-top.png');
  await page
    .getByRole('navigation', { name: 'Mục lục hướng dẫn' })
    .getByRole('link', { name: 'Cài máy quét sang chế độ HID POS' })
    .click();
  const scanner = page.getByTestId('help-scanner');
  await expect(scanner).toBeInViewport();
  await expect(scanner).toContainText('HID POS');
  await expect(scanner).toContainText('giả làm bàn phím');
  // Its picture is the app's own devices page (src/renderer/public/help, made by `npm run screenshots`).
  const picture = scanner.getByRole('img', { name: /Trang Thiết bị/ });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: { naturalWidth: number }) => img.naturalWidth)).toBeGreaterThan(300);
  await shoot(page, 'help-scanner.png');
});

test.describe('accounts', () => {
  test.use({ signedIn: false });

  test('new passwords are typed twice, the recovery code prints, users change role and are disabled, wrong passwords say how long to wait', async ({
    page,
    appUrl,
  }) => {
    await page.goto(appUrl);
    const signIn = page.getByTestId('sign-in');
    await signIn.getByLabel('Tên đăng nhập').fill('quantri');
    await signIn.getByLabel('Họ và tên').fill('Nông Văn Hải');
    await signIn.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-du-dai');
    await signIn.getByLabel('Nhập lại mật khẩu').fill('mat-khau-du-dau');
    await signIn.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
    await expect(signIn).toContainText('Hai lần nhập mật khẩu không giống nhau.');
    await shoot(page, 'setup-passwords-differ.png');
    await signIn.getByLabel('Nhập lại mật khẩu').fill('mat-khau-du-dai');
    await signIn.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();

    // The recovery code has its print sheet: printing shows the sheet alone.
    const recovery = page.getByTestId('recovery-code');
    const code = (await page.getByTestId('recovery-code-text').innerText()).trim();
    await expect(recovery.getByRole('button', { name: 'In tờ mã khôi phục' })).toBeVisible();
    await shoot(page, 'recovery-code.png');
    const sheet = page.getByTestId('recovery-print-sheet');
    await expect(sheet).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    await expect(sheet).toBeVisible();
    await expect(sheet).toContainText(code);
    await expect(sheet).toContainText('MÃ KHÔI PHỤC DỮ LIỆU');
    await expect(recovery).toBeHidden();
    await shoot(page, 'recovery-print-sheet.png');
    await page.emulateMedia({ media: 'screen' });
    await recovery.getByRole('checkbox', { name: 'Tôi đã chép lại mã khôi phục' }).check();
    await recovery.getByRole('button', { name: 'Tiếp tục' }).click();
    await answerWelcome(page, 'empty');

    // A user added with the password typed twice.
    await page.getByRole('menuitem', { name: 'Cài đặt' }).click();
    const users = page.getByTestId('users');
    await users.getByRole('button', { name: 'Thêm người dùng' }).click();
    const adding = page.getByRole('dialog', { name: 'Thêm người dùng' });
    await adding.getByLabel('Tên đăng nhập').fill('congan');
    await adding.getByLabel('Họ và tên').fill('Hoàng Văn Công');
    await adding.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-cong-an');
    await adding.getByLabel('Nhập lại mật khẩu').fill('mat-khau-cong-am');
    await adding.getByRole('button', { name: 'Thêm người dùng' }).click();
    await expect(adding).toContainText('Hai lần nhập mật khẩu không giống nhau.');
    await expect(adding.getByRole('button', { name: 'Thêm người dùng' })).toBeInViewport();
    await shoot(page, 'users-add.png');
    await adding.getByLabel('Nhập lại mật khẩu').fill('mat-khau-cong-an');
    await adding.getByRole('button', { name: 'Thêm người dùng' }).click();
    await expect(page.getByText('Đã thêm người dùng "congan".')).toBeVisible();
    const officer = users.getByRole('row').filter({ hasText: 'congan' });
    await expect(officer).toContainText('Công an xã');
    await expect(officer).toContainText('Đang dùng');

    // The last administrator can be neither disabled nor given another role.
    const admin = users.getByRole('row').filter({ hasText: 'quantri' });
    await expect(admin.getByRole('button', { name: 'Khóa' })).toBeDisabled();
    await expect(admin.getByLabel('Vai trò của quantri')).toBeDisabled();

    // Role, disable, enable: each says what it did.
    await officer.getByLabel('Vai trò của congan').click();
    await page.getByTitle('Y tế', { exact: true }).click();
    await expect(page.getByText('Đã đổi vai trò của congan.')).toBeVisible();
    await expect(officer).toContainText('Y tế');
    await officer.getByRole('button', { name: 'Khóa' }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /OK|Đồng ý/ })
      .click();
    await expect(page.getByText('Đã khóa tài khoản congan.')).toBeVisible();
    await expect(officer).toContainText('Đã khóa');
    await shoot(page, 'users-disabled.png');
    await officer.getByRole('button', { name: 'Mở lại' }).click();
    await expect(page.getByText('Đã mở lại tài khoản congan.')).toBeVisible();
    await expect(officer).toContainText('Đang dùng');

    // A password reset is typed twice too.
    await officer.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    const resetting = page.getByRole('dialog', { name: /Đặt lại mật khẩu: congan/ });
    await resetting.getByLabel('Mật khẩu mới').fill('mat-khau-moi-cong-an');
    await resetting.getByLabel('Nhập lại mật khẩu').fill('mat-khau-moi-cong-am');
    await resetting.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await expect(resetting).toContainText('Hai lần nhập mật khẩu không giống nhau.');
    await resetting.getByLabel('Nhập lại mật khẩu').fill('mat-khau-moi-cong-an');
    await resetting.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await expect(page.getByText('Đã đặt mật khẩu mới cho "congan".')).toBeVisible();

    // Wrong passwords: the try that starts a wait says so, in full, on the sign-in screen.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn.getByLabel('Tên đăng nhập').fill('congan');
    const error = page.getByTestId('sign-in-error');
    for (let i = 0; i < 10; i++) {
      await signIn.getByLabel('Mật khẩu').fill(`sai-mat-khau-${i}`);
      const answered = page.waitForResponse((r) => r.url().includes('/api/auth-login'));
      await signIn.getByRole('button', { name: 'Đăng nhập' }).click();
      await answered;
      await expect(error).toBeVisible();
      if ((await error.innerText()).includes('Hãy đợi')) break;
    }
    await expect(error).toContainText(/Sai tên đăng nhập hoặc mật khẩu\. Đã nhập sai nhiều lần\. Hãy đợi \d+ giây rồi thử lại\./);
    await shoot(page, 'sign-in-wait.png');
  });
});
