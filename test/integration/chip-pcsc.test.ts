// The chip read through the real PC/SC stack: koffi → libpcsclite → pcscd → vsmartcard's vpcd →
// the test's virtual ICAO card over TCP. The test starts pcscd and stops it; missing Debian
// packages (pcscd, vsmartcard-vpcd, libpcsclite1) fail it with the command to install them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import { createHandlers } from '../../src/main/api/handlers';
import { createUser } from '../../src/main/auth/users';
import { openPcsc } from '../../src/main/chip/pcsc/pcsc';
import { readChip } from '../../src/main/chip/read-chip';
import type { KeySource } from '../../src/shared/chip/bac-key';
import type { LdsFile } from '../../src/shared/chip/lds-files';
import { buildCardFiles, keyOf, mrzOf, testJpeg, TEST_PERSON } from '../helpers/virtual-card/card-files';
import { tempApp } from '../helpers/app';
import { IcaoApplet, type AppletOptions } from '../helpers/virtual-card/icao-applet';
import { startPcscd, VIRTUAL_READER, type PcscdHandle } from '../helpers/virtual-card/pcscd';
import { makeCsca, makeDocumentSigner, type Signer } from '../helpers/virtual-card/pki';
import { insertCard } from '../helpers/virtual-card/vpcd-card';

let pcscd: PcscdHandle;
let csca: Signer;
let files: Map<LdsFile, Uint8Array>;
const MRZ: KeySource = { kind: 'mrz', lines: mrzOf(TEST_PERSON) };

beforeAll(async () => {
  pcscd = await startPcscd();
  csca = await makeCsca();
  files = await buildCardFiles({ signer: await makeDocumentSigner(csca), image: testJpeg(3000) });
}, 60_000);

afterAll(async () => {
  await pcscd?.stop();
});

/** Places a virtual card on the reader, reads it through PC/SC, lifts it. */
async function readThroughPcsc(options: Partial<AppletOptions>, keySource = MRZ, cscas = [csca.der]) {
  const card = await insertCard(new IcaoApplet({ files, key: keyOf(TEST_PERSON), ...options }), pcscd.port);
  try {
    let state = await pcscd.pcsc.readerState(VIRTUAL_READER);
    if (state.ok && !state.value.present) state = await pcscd.pcsc.readerState(VIRTUAL_READER, state.value.state, 10_000);
    expect(state.ok && state.value.present).toBe(true);
    const transport = await pcscd.pcsc.connect(VIRTUAL_READER);
    if (!transport.ok) throw new Error(transport.problem.key);
    try {
      return await readChip(transport.value, keySource, { cscaCertificates: cscas });
    } finally {
      await transport.value.close();
    }
  } finally {
    card.remove();
    await card.gone;
    let state = await pcscd.pcsc.readerState(VIRTUAL_READER);
    while (state.ok && state.value.present) state = await pcscd.pcsc.readerState(VIRTUAL_READER, state.value.state, 5000);
  }
}

describe('chip through PC/SC (pcscd + vpcd + virtual card)', () => {
  it('lists the virtual readers, and says when no card is on one', async () => {
    const readers = await pcscd.pcsc.listReaders();
    expect(readers.ok && readers.value).toContain(VIRTUAL_READER);
    expect(await pcscd.pcsc.connect(VIRTUAL_READER)).toEqual({
      ok: false,
      problem: { key: 'chip.noCard', params: { reader: VIRTUAL_READER } },
    });
  });

  it('a genuine card: DG13 fields, portrait and "genuine"', async () => {
    const result = await readThroughPcsc({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      personalId: TEST_PERSON.personalId,
      fullName: TEST_PERSON.fullName,
      birthDate: '1999-03-15',
      sex: 'male',
      placeOfResidence: TEST_PERSON.placeOfResidence,
      authenticity: { status: 'genuine', problems: [] },
    });
    expect(result.value.photo?.mime).toBe('image/jpeg');
  });

  it('one byte of DG13 changed: not genuine (hash mismatch)', async () => {
    const tampered = await buildCardFiles({ signer: await makeDocumentSigner(csca), tamperDg13: true, image: testJpeg(3000) });
    const result = await readThroughPcsc({ files: tampered });
    expect(result.ok && result.value.authenticity).toEqual({
      status: 'not_genuine',
      problems: [{ key: 'chip.pa.hashMismatch', params: { file: 'DG13' } }],
    });
  });

  it('SOD signed by a document signer of another CSCA: not genuine', async () => {
    const forged = await buildCardFiles({ signer: await makeDocumentSigner(await makeCsca()), image: testJpeg(3000) });
    const result = await readThroughPcsc({ files: forged });
    expect(result.ok && result.value.authenticity.status).toBe('not_genuine');
    expect(result.ok && result.value.authenticity.problems.map((p) => p.key)).toEqual(['chip.pa.chainFailed']);
  });

  it('no CSCA installed: intact, not proven', async () => {
    const result = await readThroughPcsc({}, MRZ, []);
    expect(result.ok && result.value.authenticity).toEqual({ status: 'intact_no_csca', problems: [{ key: 'chip.pa.noCsca' }] });
  });

  it('a wrong MRZ: BAC refused, with a clear message', async () => {
    const result = await readThroughPcsc({}, { kind: 'mrz', lines: mrzOf({ ...TEST_PERSON, expiry: '15/03/2034' }) });
    expect(result).toEqual({ ok: false, problem: { key: 'chip.bacRefused' } });
  });

  it('the card removed mid-read', async () => {
    const result = await readThroughPcsc({ removeAfterReads: 8 });
    expect(result).toEqual({ ok: false, problem: { key: 'chip.cardRemoved' } });
  });

  it('a card that is not an ICAO document', async () => {
    const result = await readThroughPcsc({ notIcao: true });
    expect(result).toEqual({ ok: false, problem: { key: 'chip.notIcao' } });
  });

  it('through the API: CSCA installed by the administrator, readers listed, the card read; roles checked', async () => {
    const { app, cleanup } = tempApp();
    try {
      const handlers = createHandlers(app.ctx);
      const call = (channel: string, request: unknown) => dispatch(app.ctx, handlers, channel, request);
      const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(csca.der).toString('base64')}\n-----END CERTIFICATE-----\n`;
      const installed = await call('chip-csca-install', { fileName: 'csca.pem', data: new TextEncoder().encode(pem) });
      expect(installed).toMatchObject({ ok: true, value: { added: 1, csca: [{ country: 'VN' }] } });
      const card = await insertCard(new IcaoApplet({ files, key: keyOf(TEST_PERSON) }), pcscd.port);
      let state = await pcscd.pcsc.readerState(VIRTUAL_READER);
      if (state.ok && !state.value.present) state = await pcscd.pcsc.readerState(VIRTUAL_READER, state.value.state, 10_000);
      expect(await call('chip-readers', {})).toMatchObject({
        ok: true,
        value: {
          available: true,
          problem: null,
          chosen: null,
          readers: [{ name: VIRTUAL_READER, cardPresent: true }, { cardPresent: false }],
        },
      });
      expect(await call('chip-choose', { reader: VIRTUAL_READER })).toMatchObject({
        ok: true,
        value: { chosen: VIRTUAL_READER },
      });
      const now = new Date();
      const nurse = createUser(
        app.ctx.db,
        { username: 'yte', displayName: 'Y tá', role: 'health', password: 'mat-khau-thu' },
        now,
      );
      if (!nurse.ok) throw new Error(nurse.problem.key);
      app.ctx.session.signIn(nurse.value, now);
      const read = await call('chip-read', { key: { kind: 'mrz', lines: mrzOf(TEST_PERSON).join('\n') } });
      expect(read).toMatchObject({
        ok: true,
        value: { personalId: TEST_PERSON.personalId, authenticity: { status: 'genuine' } },
      });
      expect(await call('chip-csca-install', { fileName: 'csca.pem', data: new TextEncoder().encode(pem) })).toMatchObject({
        ok: false,
        error: { type: 'user' },
      });
      card.remove();
      await card.gone;
      const none = await call('chip-read', { key: { kind: 'mrz', lines: mrzOf(TEST_PERSON).join('\n') } });
      expect(none).toMatchObject({ ok: false, error: { type: 'user' } });
    } finally {
      cleanup();
    }
  });

  it('without the library, or on a system without a binding: a problem, not a crash', async () => {
    expect(await openPcsc('linux', 'libpcsclite-missing.so.9')).toEqual({ ok: false, problem: { key: 'chip.pcsc.noLibrary' } });
    expect(await openPcsc('aix')).toEqual({ ok: false, problem: { key: 'chip.pcsc.unsupportedPlatform' } });
  });

  it('without the service (pcscd stopped): a problem, not a crash', async () => {
    await pcscd.stop();
    const opened = await openPcsc();
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(await opened.value.listReaders()).toEqual({ ok: false, problem: { key: 'chip.pcsc.noService' } });
    opened.value.close();
    pcscd = await startPcscd();
    expect((await pcscd.pcsc.listReaders()).ok).toBe(true);
  });
});
