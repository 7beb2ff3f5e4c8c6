// Reading a chip through every layer above PC/SC, with the virtual card in the same process:
// BAC with each kind of key, the files, passive authentication's three outcomes and the failures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCscaFile } from '../../src/main/chip/csca-file';
import { formatTranscript, parseTranscript } from '../../src/shared/chip/transcript';
import { readChip } from '../../src/main/chip/read-chip';
import { recordingTransport, replayRandom, replayTransport } from '../../src/main/chip/replay-transport';
import type { LdsFile } from '../../src/shared/chip/lds-files';
import type { KeySource } from '../../src/shared/chip/bac-key';
import { appletTransport, countingRandom } from '../helpers/virtual-card/applet-transport';
import { buildCardFiles, keyOf, mrzOf, TEST_PERSON, TEST_PERSON_READ } from '../helpers/virtual-card/card-files';
import { IcaoApplet, type AppletOptions } from '../helpers/virtual-card/icao-applet';
import { makeCsca, makeDocumentSigner, type Signer } from '../helpers/virtual-card/pki';
import { CHIP_FIXTURES } from '../helpers/virtual-card/write-fixtures';

let csca: Signer;
let files: Map<LdsFile, Uint8Array>;

beforeAll(async () => {
  csca = await makeCsca('rsa');
  files = await buildCardFiles({ signer: await makeDocumentSigner(csca, 'rsa') });
});

const MRZ: KeySource = { kind: 'mrz', lines: mrzOf(TEST_PERSON) };

function card(options: Partial<AppletOptions> = {}) {
  return appletTransport(new IcaoApplet({ files, key: keyOf(TEST_PERSON), random: countingRandom(7), ...options }));
}

describe('reading a chip', () => {
  it('reads DG13, the portrait and MRZ, and proves a genuine card', async () => {
    const progress: string[] = [];
    const result = await readChip(card(), MRZ, {
      cscaCertificates: [csca.der],
      onProgress: (p) => progress.push(p.stage === 'reading' ? `${p.file}:${p.read}/${p.total}` : p.stage),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const chip = result.value;
    expect(chip).toMatchObject({
      ...TEST_PERSON_READ,
      openedWith: { source: 'mrz', documentNumber: '099012345', birth: '990315', expiry: '240315', attempt: 1, candidates: 1 },
      dataGroups: [1, 2, 13],
    });
    expect(chip.mrz).toEqual(mrzOf(TEST_PERSON));
    expect(chip.photo?.mime).toBe('image/jpeg');
    expect(chip.photo?.bytes.length).toBeGreaterThan(10_000);
    expect(progress[0]).toBe('connecting');
    expect(progress.at(-1)).toBe('verifying');
    expect(progress.filter((p) => p.startsWith('DG2:')).length).toBeGreaterThan(40);
  });

  it('opens the chip from the QR code, trying expiry dates from the renewal ages', async () => {
    const qr = `${TEST_PERSON.personalId}|${TEST_PERSON.oldId}|${TEST_PERSON.fullName}|15031999|Nam|${TEST_PERSON.placeOfResidence}|10052021`;
    const result = await readChip(card(), { kind: 'qr', payload: qr }, { cscaCertificates: [csca.der] });
    expect(result.ok && result.value.openedWith).toMatchObject({ source: 'qr', expiryDate: '2024-03-15', attempt: 1 });
  });

  it('takes typed numbers, the 12-digit ID standing for the document number', async () => {
    const typed: KeySource = { kind: 'typed', documentNumber: '001099012345', birthDate: '15/03/1999', expiryDate: '2024-03-15' };
    const result = await readChip(card(), typed, { cscaCertificates: [csca.der] });
    expect(result.ok && result.value.authenticity.status).toBe('genuine');
  });

  it('a wrong MRZ is refused by the chip with a clear message', async () => {
    const wrong = mrzOf({ ...TEST_PERSON, birth: '16/03/1999' });
    const result = await readChip(card(), { kind: 'mrz', lines: wrong }, { cscaCertificates: [csca.der] });
    expect(result).toEqual({ ok: false, problem: { key: 'chip.bacRefused' } });
  });

  it('a card that is not an ICAO document', async () => {
    const result = await readChip(card({ notIcao: true }), MRZ, { cscaCertificates: [csca.der] });
    expect(result).toEqual({ ok: false, problem: { key: 'chip.notIcao' } });
  });

  it('a card lifted mid-read', async () => {
    const result = await readChip(card({ removeAfterReads: 20 }), MRZ, { cscaCertificates: [csca.der] });
    expect(result).toEqual({ ok: false, problem: { key: 'chip.cardRemoved' } });
  });
});

describe('passive authentication', () => {
  it('one changed byte of DG13: not genuine, the hash names DG13', async () => {
    const tampered = await buildCardFiles({ signer: await makeDocumentSigner(csca), tamperDg13: true });
    const result = await readChip(card({ files: tampered }), MRZ, { cscaCertificates: [csca.der] });
    expect(result.ok && result.value.authenticity).toEqual({
      status: 'not_genuine',
      problems: [{ key: 'chip.pa.hashMismatch', params: { file: 'DG13' } }],
    });
  });

  it('an SOD signed by a document signer of another CSCA (same name): not genuine', async () => {
    const rogue = await makeCsca('rsa');
    const forged = await buildCardFiles({ signer: await makeDocumentSigner(rogue) });
    const result = await readChip(card({ files: forged }), MRZ, { cscaCertificates: [csca.der] });
    expect(result.ok && result.value.authenticity.status).toBe('not_genuine');
    expect(result.ok && result.value.authenticity.problems[0]?.key).toBe('chip.pa.chainFailed');
  });

  it('no CSCA installed: intact only', async () => {
    const result = await readChip(card(), MRZ, { cscaCertificates: [] });
    expect(result.ok && result.value.authenticity).toEqual({ status: 'intact_no_csca', problems: [{ key: 'chip.pa.noCsca' }] });
  });

  it('only another country’s CSCA installed: intact only, naming the country', async () => {
    const other = await makeCsca('ecdsa', 'CSCA Utopia', 'UT');
    const result = await readChip(card(), MRZ, { cscaCertificates: [other.der] });
    expect(result.ok && result.value.authenticity).toEqual({
      status: 'intact_no_csca',
      problems: [{ key: 'chip.pa.noCscaForCountry', params: { country: 'VN' } }],
    });
  });

  it.each([
    ['ecdsa', 'ecdsa', 'SHA-256'],
    ['rsa', 'rsa-pss', 'SHA-512'],
    ['ecdsa', 'rsa', 'SHA-1'],
  ] as const)('CSCA %s, document signer %s, data groups hashed with %s', async (cscaKind, dsKind, hash) => {
    const root = await makeCsca(cscaKind);
    const signed = await buildCardFiles({ signer: await makeDocumentSigner(root, dsKind), hash });
    const result = await readChip(card({ files: signed }), MRZ, { cscaCertificates: [csca.der, root.der] });
    expect(result.ok && result.value.authenticity).toEqual({ status: 'genuine', problems: [] });
  });
});

describe('APDU transcripts', () => {
  it('a recorded read replays to the same result, and its text round-trips', async () => {
    const recorder = recordingTransport(card(), countingRandom(99));
    const first = await readChip(recorder.transport, MRZ, { cscaCertificates: [csca.der], random: recorder.random });
    const text = formatTranscript(recorder.transcript());
    expect(text.split('\n')[1]).toMatch(/^random [0-9A-F]{48}$/);
    expect(text).toContain('00A4040C07A0000002471001 -> 9000');
    const parsed = parseTranscript(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const again = await readChip(replayTransport(parsed.value), MRZ, {
      cscaCertificates: [csca.der],
      random: replayRandom(parsed.value),
    });
    expect(again).toEqual(first);
  });

  it('a removal in the transcript replays as a removed card; other keys diverge', async () => {
    const recorder = recordingTransport(card({ removeAfterReads: 3 }), countingRandom(5));
    const first = await readChip(recorder.transport, MRZ, { cscaCertificates: [], random: recorder.random });
    expect(first.ok).toBe(false);
    const transcript = parseTranscript(formatTranscript(recorder.transcript()));
    if (!transcript.ok) throw new Error('transcript');
    expect(transcript.value.exchanges.at(-1)?.response).toBe('removed');
    const replayed = await readChip(replayTransport(transcript.value), MRZ, {
      cscaCertificates: [],
      random: replayRandom(transcript.value),
    });
    expect(replayed).toEqual({ ok: false, problem: { key: 'chip.cardRemoved' } });
    const other = await readChip(replayTransport(transcript.value), MRZ, { cscaCertificates: [], random: countingRandom(6) });
    expect(!other.ok && other.problem.key).toBe('chip.transcript.diverged');
  });

  it('the recorded fixture (test/fixtures/chip) replays as the genuine test card', async () => {
    const transcript = parseTranscript(readFileSync(join(CHIP_FIXTURES, 'virtual-card.apdu'), 'utf8'));
    const cscas = parseCscaFile(readFileSync(join(CHIP_FIXTURES, 'test-csca.pem')));
    if (!transcript.ok || !cscas.ok) throw new Error('fixtures');
    const result = await readChip(replayTransport(transcript.value), MRZ, {
      cscaCertificates: cscas.value,
      random: replayRandom(transcript.value),
    });
    expect(result.ok && result.value).toMatchObject({
      personalId: TEST_PERSON.personalId,
      fullName: TEST_PERSON.fullName,
      authenticity: { status: 'genuine', problems: [] },
    });
  });

  it('a line that is not an exchange is named', () => {
    expect(parseTranscript('# x\n00A4040C -> 9000\nhello\n')).toEqual({
      ok: false,
      problem: { key: 'chip.transcript.badLine', params: { line: 3 } },
    });
  });
});
