/**
 * Writes test/fixtures/chip/: an APDU transcript of reading the virtual card (the test person, a
 * test CSCA, a small portrait) and that CSCA's certificate, for `chip replay` and the replay tests.
 * Run again only to change them: `npx tsx test/helpers/virtual-card/write-fixtures.ts`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readChip } from '../../../src/main/chip/read-chip';
import { recordingTransport } from '../../../src/main/chip/replay-transport';
import { formatTranscript } from '../../../src/shared/chip/transcript';
import { PROJECT_ROOT } from '../paths';
import { appletTransport } from './applet-transport';
import { buildCardFiles, keyOf, mrzOf, testJpeg, TEST_PERSON } from './card-files';
import { IcaoApplet } from './icao-applet';
import { makeCsca, makeDocumentSigner } from './pki';

export const CHIP_FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'chip');

async function main(): Promise<void> {
  const csca = await makeCsca('rsa');
  const files = await buildCardFiles({ signer: await makeDocumentSigner(csca, 'ecdsa'), image: testJpeg(2000) });
  const recorder = recordingTransport(
    appletTransport(new IcaoApplet({ files, key: keyOf(TEST_PERSON) })),
    (n) => new Uint8Array(randomBytes(n)),
  );
  const result = await readChip(
    recorder.transport,
    { kind: 'mrz', lines: mrzOf(TEST_PERSON) },
    {
      cscaCertificates: [csca.der],
      random: recorder.random,
    },
  );
  if (!result.ok || result.value.authenticity.status !== 'genuine') throw new Error('the virtual card did not read as genuine');
  mkdirSync(CHIP_FIXTURES, { recursive: true });
  const header = `# The virtual test card (${TEST_PERSON.fullName}, ${TEST_PERSON.personalId}) read with its MRZ:\n# ${mrzOf(TEST_PERSON).join(' ')}\n`;
  writeFileSync(join(CHIP_FIXTURES, 'virtual-card.apdu'), header + formatTranscript(recorder.transcript()));
  const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(csca.der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
  writeFileSync(join(CHIP_FIXTURES, 'test-csca.pem'), pem.replace(/\n\n/g, '\n'));
}

if (process.argv[1]?.endsWith('write-fixtures.ts')) await main();
