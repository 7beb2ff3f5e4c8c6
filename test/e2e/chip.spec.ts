import { mkdirSync, readFileSync } from 'node:fs';
import { expiryCandidates } from '../../src/shared/chip/expiry-rules';
import { buildCardFiles, keyOf, TEST_PERSON, type TestPerson } from '../helpers/virtual-card/card-files';
import { IcaoApplet } from '../helpers/virtual-card/icao-applet';
import { startPcscd, VIRTUAL_READER } from '../helpers/virtual-card/pcscd';
import { makeCsca, makeDocumentSigner } from '../helpers/virtual-card/pki';
import { insertCard } from '../helpers/virtual-card/vpcd-card';
import { api } from './accounts';
import { expect, REGISTRY_FIXTURE, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });

/** The sample registry imported through the web host's API, as the administrator signed in. */
async function importRegistry(appUrl: string): Promise<void> {
  const data = { $bytes: readFileSync(REGISTRY_FIXTURE).toString('base64') };
  const preview = await api<{ previewId: string }>(appUrl, 'registry-preview', { fileName: 'registry.csv', data });
  if (!preview.ok) throw new Error(`registry preview: ${preview.error.message}`);
  const started = await api<{ jobId: string }>(appUrl, 'registry-import-start', {
    previewId: preview.value.previewId,
    skipInvalid: false,
  });
  if (!started.ok) throw new Error(`registry import: ${started.error.message}`);
  for (;;) {
    const status = await api<{ state: string }>(appUrl, 'job-status', { jobId: started.value.jobId });
    if (status.ok && status.value.state === 'running') await new Promise((resolve) => setTimeout(resolve, 200));
    else if (status.ok && status.value.state === 'done') return;
    else throw new Error(`registry import: ${JSON.stringify(status)}`);
  }
}

/** Ma Thị Thoa of the sample registry, as her card's chip holds her (expiry from the renewal ages). */
function thoa(): TestPerson {
  const expiry = expiryCandidates('1998-03-18', '2021-05-10')[0]!;
  return {
    ...TEST_PERSON,
    personalId: '008198223458',
    fullName: 'Ma Thị Thoa',
    birth: '18/03/1998',
    sex: 'Nữ',
    ethnicity: 'Tày',
    placeOfOrigin: 'Xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang',
    placeOfResidence: 'Thôn Khuôn Hà, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang',
    identifyingMarks: 'Sẹo chấm C:1cm dưới đuôi mắt trái',
    issue: '10/05/2021',
    expiry: `${expiry.slice(8, 10)}/${expiry.slice(5, 7)}/${expiry.slice(0, 4)}`,
    father: 'Ma Văn Khánh',
    mother: 'Hoàng Thị Lan',
    oldId: '072103444',
    mrzName: 'MA<<THI<THOA',
  };
}

/** Draws a face on a canvas and returns it as a JPEG data: URL (run in the page: the test has no DOM types). */
const PORTRAIT_SCRIPT = `(() => {
  const canvas = document.createElement('canvas');
  canvas.width = 120;
  canvas.height = 160;
  const g = canvas.getContext('2d');
  const ellipse = (color, x, y, rx, ry, from, to) => {
    g.fillStyle = color;
    g.beginPath();
    g.ellipse(x, y, rx, ry, 0, from, to);
    g.fill();
  };
  g.fillStyle = '#dfe8f0';
  g.fillRect(0, 0, 120, 160);
  ellipse('#2f4f7f', 60, 165, 50, 45, 0, Math.PI * 2);
  ellipse('#f2c9a0', 60, 72, 32, 42, 0, Math.PI * 2);
  ellipse('#2b1d16', 60, 42, 36, 22, Math.PI, Math.PI * 2);
  ellipse('#222', 47, 70, 3, 3, 0, Math.PI * 2);
  ellipse('#222', 73, 70, 3, 3, 0, Math.PI * 2);
  g.strokeStyle = '#a0522d';
  g.lineWidth = 2;
  g.beginPath();
  g.arc(60, 88, 10, 0.2, Math.PI - 0.2);
  g.stroke();
  return canvas.toDataURL('image/jpeg', 0.85);
})()`;

const QR =
  '008198223458|072103444|Ma Thị Thoa|18031998|Nữ|Thôn Khuôn Hà, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang|10052021';

test('a card placed on the reader at the lookup desk: chip status, portrait, registry record, and "chip" in the log', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(120_000);
  const pcscd = await startPcscd();
  try {
    // A portrait drawn by the browser itself, as the JPEG a card's DG2 holds.
    const portrait = await page.evaluate<string>(PORTRAIT_SCRIPT);
    const image = new Uint8Array(Buffer.from(portrait.split(',')[1]!, 'base64'));
    const csca = await makeCsca();
    const person = thoa();
    const files = await buildCardFiles({ person, signer: await makeDocumentSigner(csca), image });

    await importRegistry(appUrl);
    await page.goto(appUrl);
    // The devices page lists the readers; the virtual one is chosen (and remembered).
    await page.getByRole('menuitem', { name: 'Thiết bị' }).click();
    const readers = page.getByTestId('chip-readers');
    const row = readers.getByRole('row').filter({ hasText: VIRTUAL_READER });
    await expect(row).toHaveCount(1);
    await row.getByRole('button', { name: 'Dùng máy này' }).click();
    await expect(readers).toContainText(`Đầu đọc chip đang dùng: ${VIRTUAL_READER}`);
    mkdirSync('test-results', { recursive: true });
    await readers.screenshot({ path: 'test-results/chip-devices.png' });

    // The administrator installs the CSCA certificate in Settings (a file picked).
    await page.getByRole('menuitem', { name: 'Cài đặt' }).click();
    const cscaCard = page.getByTestId('csca');
    await expect(cscaCard).toContainText('Chưa cài chứng thư CSCA nào');
    const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(csca.der).toString('base64')}\n-----END CERTIFICATE-----\n`;
    await cscaCard.locator('input[type=file]').setInputFiles({
      name: 'csca-vn.pem',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from(pem),
    });
    await expect(page.getByText('Đã cài thêm 1 chứng thư.')).toBeVisible();
    await expect(cscaCard.getByRole('row').filter({ hasText: 'VN' })).toHaveCount(1);

    // The card placed on the reader while Settings is open: the lookup desk opens and asks for its key.
    const card = await insertCard(new IcaoApplet({ files, key: keyOf(person) }), pcscd.port);
    try {
      await expect(page.getByRole('heading', { name: 'Tra cứu' })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId('chip-notice')).toContainText(`Có thẻ trên đầu đọc "${VIRTUAL_READER}"`);
      // The card's QR code scanned at the desk opens the chip (and the person comes up from the QR first).
      const input = page.getByLabel('Quét mã QR trên thẻ CCCD hoặc gõ số định danh rồi nhấn Enter');
      await input.fill(QR);
      await input.press('Enter');
      const result = page.getByTestId('lookup-result');
      await expect(result).toContainText('Ma Thị Thoa');
      await expect(page.getByTestId('chip-status')).toContainText('Thẻ thật', { timeout: 20_000 });
      await expect(page.getByTestId('chip-status')).toContainText('chứng thư người ký do CSCA đã cài cấp');
      const img = page.getByTestId('chip-portrait');
      await expect(img).toBeVisible();
      expect(await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(120);
      await expect(page.getByTestId('qr-vs-chip')).toContainText('Mã QR đã quét khớp với dữ liệu trên chip.');
      // The chip's data beside the registry's record.
      await expect(result).toContainText('Trên chip');
      await expect(result).toContainText('Theo CSDL dân cư');
      await expect(result).toContainText('Thôn Khuôn Hà, xã Trung Hà');
      await expect(result).toContainText('Ma Văn Khánh');
      await expect(result).toContainText('Sẹo chấm C:1cm dưới đuôi mắt trái');
      await expect(result.locator('mark')).toHaveCount(0);
      // The QR scan's visit became the chip's: identified by the chip, and genuine.
      const visits = page.getByTestId('visits').getByRole('row').filter({ hasText: '008198223458' });
      await expect(visits).toHaveCount(1);
      await expect(visits).toContainText('chip');
      await expect(visits).toContainText('Thẻ thật');
      await page.waitForTimeout(400);
      await page.screenshot({ path: 'test-results/chip-lookup.png', fullPage: true });
    } finally {
      card.remove();
      await card.gone;
    }
  } finally {
    await pcscd.stop();
  }
});
