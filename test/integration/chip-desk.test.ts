// The chip reader at work, through the real PC/SC stack (pcscd + vpcd + the virtual card, taking
// turns with the other PC/SC tests through the helper's lock): `chip read` in the CLI with each
// failure case, and the lookup desk reading a card in the background through the scan queue.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import { createHandlers } from '../../src/main/api/handlers';
import { installCsca } from '../../src/main/chip/csca-store';
import type { ChipScan, LookupResult, ScanEvent } from '../../src/shared/api-contract';
import type { LdsFile } from '../../src/shared/chip/lds-files';
import { tempApp } from '../helpers/app';
import { cli } from '../helpers/cli';
import { tempDatabase } from '../helpers/db';
import { seedRegistry } from '../helpers/lists';
import { tempDir } from '../helpers/paths';
import { buildCardFiles, keyOf, mrzOf, testJpeg, TEST_PERSON, TEST_PERSON_READ } from '../helpers/virtual-card/card-files';
import { IcaoApplet, type AppletOptions } from '../helpers/virtual-card/icao-applet';
import { startPcscd, VIRTUAL_READER, type PcscdHandle } from '../helpers/virtual-card/pcscd';
import { makeCsca, makeDocumentSigner, type Signer } from '../helpers/virtual-card/pki';
import { insertCard, type VirtualCard } from '../helpers/virtual-card/vpcd-card';

let pcscd: PcscdHandle;
let csca: Signer;
let files: Map<LdsFile, Uint8Array>;
let temp: { dir: string; cleanup: () => void };
let cscaFile: string;
const MRZ = mrzOf(TEST_PERSON);
const QR = `${TEST_PERSON.personalId}|${TEST_PERSON.oldId}|${TEST_PERSON.fullName}|15031999|Nam|${TEST_PERSON.placeOfResidence}|10052021`;

const pem = (der: Uint8Array) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64')}\n-----END CERTIFICATE-----\n`;

beforeAll(async () => {
  pcscd = await startPcscd();
  csca = await makeCsca();
  files = await buildCardFiles({ signer: await makeDocumentSigner(csca), image: testJpeg(3000) });
  temp = tempDir();
  cscaFile = join(temp.dir, 'csca.pem');
  writeFileSync(cscaFile, pem(csca.der));
}, 60_000);

afterAll(async () => {
  await pcscd?.stop();
  temp?.cleanup();
});

async function waitPresent(present: boolean): Promise<void> {
  let state = await pcscd.pcsc.readerState(VIRTUAL_READER);
  while (state.ok && state.value.present !== present) {
    state = await pcscd.pcsc.readerState(VIRTUAL_READER, state.value.state, 10_000);
  }
}

async function place(options: Partial<AppletOptions> = {}): Promise<VirtualCard> {
  const card = await insertCard(new IcaoApplet({ files, key: keyOf(TEST_PERSON), ...options }), pcscd.port);
  await waitPresent(true);
  return card;
}

async function lift(card: VirtualCard): Promise<void> {
  card.remove();
  await card.gone;
  await waitPresent(false);
}

/** `chip read` with a card (made with `options`) on the virtual reader. */
async function chipRead(options: Partial<AppletOptions> | null, ...argv: string[]) {
  const card = options === null ? null : await place(options);
  try {
    return await cli('chip', 'read', ...argv);
  } finally {
    if (card) await lift(card);
  }
}

describe('chip read (CLI) on the virtual card through PC/SC', () => {
  it('prints the DG13 fields and "genuine" with the CSCA given as a file', async () => {
    const run = await chipRead({}, '--mrz', ...MRZ, '--csca', cscaFile, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      ...TEST_PERSON_READ,
    });
  });

  it('uses the CSCA installed in the database (--db), with the key from the QR code, on the reader named by number', async () => {
    const { db, file, cleanup } = tempDatabase();
    try {
      expect(installCsca(db, new TextEncoder().encode(pem(csca.der))).ok).toBe(true);
      db.close();
      const run = await chipRead({}, '--qr', QR, '--db', file, '--reader', '0', '--json');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ personalId: TEST_PERSON.personalId, authenticity: { status: 'genuine' } });
    } finally {
      cleanup();
    }
  });

  it('each failure its own status or message, never a crash', async () => {
    const json = (run: { stdout: string }) => JSON.parse(run.stdout) as { authenticity: { status: string; problems: string[] } };
    // One byte of DG13 changed: read (exit 0), not genuine, the file named.
    const tampered = await buildCardFiles({ signer: await makeDocumentSigner(csca), tamperDg13: true, image: testJpeg(3000) });
    const changed = await chipRead({ files: tampered }, '--mrz', ...MRZ, '--csca', cscaFile, '--json');
    expect(changed.code).toBe(0);
    expect(json(changed).authenticity).toEqual({
      status: 'not_genuine',
      problems: ['Dữ liệu DG13 đã bị thay đổi: không khớp với giá trị băm đã ký trong SOD.'],
    });
    // An SOD signed under another CSCA.
    const forged = await buildCardFiles({ signer: await makeDocumentSigner(await makeCsca()), image: testJpeg(3000) });
    const other = await chipRead({ files: forged }, '--mrz', ...MRZ, '--csca', cscaFile, '--json');
    expect(other.code).toBe(0);
    expect(json(other).authenticity.status).toBe('not_genuine');
    expect(json(other).authenticity.problems[0]).toMatch(/^Chứng thư người ký tài liệu không do CSCA đã cài cấp/);
    // No CSCA at all.
    const none = await chipRead({}, '--mrz', ...MRZ, '--json');
    expect(json(none).authenticity.status).toBe('intact_no_csca');
    // Read failures: exit 1, a Vietnamese sentence on stderr, nothing on stdout.
    const failures: [Partial<AppletOptions> | null, string[], RegExp][] = [
      [{}, mrzOf({ ...TEST_PERSON, expiry: '15/03/2034' }), /^Chip từ chối khóa truy cập/],
      [{ removeAfterReads: 8 }, MRZ, /^Thẻ đã bị nhấc khỏi đầu đọc khi đang đọc/],
      [{ notIcao: true }, MRZ, /^Thẻ trên đầu đọc không phải thẻ căn cước gắn chip/],
      [null, MRZ, /^Chưa có thẻ trên đầu đọc "Virtual PCD 00 00"/],
    ];
    for (const [options, mrz, message] of failures) {
      const run = await chipRead(options, '--mrz', ...mrz, '--json');
      expect(run.code, message.source).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    }
    const gone = await chipRead(null, '--mrz', ...MRZ, '--reader', 'Đầu đọc không có');
    expect(gone).toMatchObject({ code: 1, stderr: 'Đầu đọc "Đầu đọc không có" không còn kết nối.\n' });
  }, 60_000);
});

describe('the lookup desk reads a card placed on the reader, in the background', () => {
  it('waits for the key, reads with the QR code scanned, shows the chip beside the registry, and logs "chip"', async () => {
    const { app, cleanup } = tempApp();
    let card: VirtualCard | null = null;
    try {
      await seedRegistry(app.ctx.db, [
        [
          '1',
          TEST_PERSON.personalId,
          '031234567',
          'Nguyễn Văn An',
          '15/03/1999',
          'Nam',
          'Kinh',
          'Việt Nam',
          TEST_PERSON.placeOfResidence,
        ],
      ]);
      expect(installCsca(app.ctx.db, new TextEncoder().encode(pem(csca.der))).ok).toBe(true);
      const handlers = createHandlers(app.ctx);
      const call = async <T>(channel: string, request: unknown): Promise<T> => {
        const response = await dispatch(app.ctx, handlers, channel, request);
        if (!response.ok) throw new Error(`${channel}: ${response.error.message}`);
        return response.value as T;
      };
      await call('chip-choose', { reader: VIRTUAL_READER });
      let after = 0;
      /** The chip's next word through the scan queue (as the page's long poll gets it). */
      const next = async (): Promise<ChipScan> => {
        for (;;) {
          const { scans } = await call<{ scans: ScanEvent[] }>('scanner-next', { after, waitMs: 10_000 });
          if (scans.length === 0) throw new Error('no scan came');
          after = scans[0]!.seq;
          if (scans[0]!.source === 'chip') return scans[0]!.chip!;
        }
      };
      await call('scanner-next', { after: 0, waitMs: 0 });

      // A card placed with no key yet: the desk is asked for one.
      card = await place();
      expect(await next()).toEqual({ state: 'needsKey', reader: VIRTUAL_READER });
      // The card's QR code scanned at the desk: looked up (and logged), and the chip opened with it.
      const byQr = await call<LookupResult>('lookup-scan', { text: QR, place: 'Trụ sở', direction: 'visit' });
      expect(byQr).toMatchObject({ source: 'qr', chip: null, resident: { personalId: TEST_PERSON.personalId } });
      expect(await next()).toEqual({ state: 'reading', reader: VIRTUAL_READER });
      const read = await next();
      expect(read).toMatchObject({ state: 'read', reader: VIRTUAL_READER });
      if (read.state !== 'read') return;
      const byChip = await call<LookupResult>('lookup-chip', {
        readId: read.readId,
        place: 'Trụ sở',
        direction: 'visit',
        visitId: byQr.visitId,
      });
      expect(byChip).toMatchObject({
        source: 'chip',
        card: { personalId: TEST_PERSON.personalId, fullName: 'Nguyễn Văn An', address: TEST_PERSON.placeOfResidence },
        resident: { fullName: 'Nguyễn Văn An' },
        differences: [],
        chip: {
          read: { authenticity: { status: 'genuine', problems: [] }, openedWith: { source: 'qr', attempt: 1 } },
          qrDifferences: [],
        },
        visitId: byQr.visitId,
      });
      expect(byChip.chip?.read.photo?.mime).toBe('image/jpeg');
      // The QR scan's visit became the chip's: one visit, identified by the chip, with its verdict.
      const visits = await call<{ source: string; chipStatus: string | null }[]>('checkpoint-visits', {});
      expect(visits).toEqual([expect.objectContaining({ source: 'chip', chipStatus: 'genuine' })]);

      // A QR code of the same card that says otherwise: compared with the chip read minutes before.
      const altered = QR.replace('Nguyễn Văn An', 'Nguyễn Văn Anh');
      const forgedQr = await call<LookupResult>('lookup-scan', { text: altered, place: 'Trụ sở', direction: 'visit' });
      expect(forgedQr.chip?.qrDifferences).toEqual(['fullName']);

      // The next card, opened with a wrong typed key, then the right one.
      await lift(card);
      card = await place();
      expect(await next()).toEqual({ state: 'needsKey', reader: VIRTUAL_READER });
      const wrong = { kind: 'typed', documentNumber: TEST_PERSON.personalId, birthDate: '15/03/1999', expiryDate: '15/03/2034' };
      expect(await call('chip-key', { key: wrong })).toEqual({ reading: true });
      expect(await next()).toMatchObject({ state: 'reading' });
      expect(await next()).toEqual({ state: 'failed', reader: VIRTUAL_READER, problem: { key: 'chip.bacRefused' } });
      expect(await call('chip-key', { key: { ...wrong, expiryDate: '15/03/2024' } })).toEqual({ reading: true });
      expect(await next()).toMatchObject({ state: 'reading' });
      const again = await next();
      expect(again).toMatchObject({ state: 'read' });
      if (again.state !== 'read') return;
      const typed = await call<LookupResult>('lookup-chip', { readId: again.readId, place: 'Chốt', direction: 'in' });
      expect(typed).toMatchObject({ source: 'chip', chip: { qrDifferences: null, read: { openedWith: { source: 'typed' } } } });
      // The QR visit taken over by the chip, the altered QR code's visit, the typed key's chip visit.
      expect(await call<unknown[]>('checkpoint-visits', {})).toHaveLength(3);
      // A read that is not kept (an id never given) is a message, not a crash.
      const missing = await dispatch(app.ctx, handlers, 'lookup-chip', { readId: 999, place: 'Chốt', direction: 'in' });
      expect(missing).toMatchObject({ ok: false, error: { type: 'user' } });
    } finally {
      if (card) await lift(card);
      cleanup();
    }
  }, 60_000);
});
