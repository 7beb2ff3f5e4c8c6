// `chip replay` and the chip commands' usage, without a reader: the recorded read of the virtual card
// (test/fixtures/chip/virtual-card.apdu) goes through the same reading stack as a live card.
// Reading through PC/SC is in chip-desk.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installCsca } from '../../src/main/chip/csca-store';
import { cli, cliWithEnv } from '../helpers/cli';
import { tempDatabase } from '../helpers/db';
import { PROJECT_ROOT } from '../helpers/paths';
import { mrzOf, TEST_PERSON, TEST_PERSON_READ } from '../helpers/virtual-card/card-files';

const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'chip');
const TRANSCRIPT = join(FIXTURES, 'virtual-card.apdu');
const CSCA = join(FIXTURES, 'test-csca.pem');
const MRZ = mrzOf(TEST_PERSON);

/** DESIGN.md §5: exactly these keys, in this order. */
const CONTRACT_KEYS = [
  'personalId',
  'fullName',
  'birthDate',
  'sex',
  'nationality',
  'ethnicity',
  'religion',
  'placeOfOrigin',
  'placeOfResidence',
  'identifyingMarks',
  'issueDate',
  'expiryDate',
  'fatherName',
  'motherName',
  'spouseName',
  'oldId',
  'authenticity',
];

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

describe('chip replay', () => {
  it('replays the recorded read: the DG13 fields in the contract shape, and "genuine" with the CSCA given', async () => {
    const run = await cli('chip', 'replay', TRANSCRIPT, '--csca', CSCA, '--mrz', ...MRZ, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const read = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(read)).toEqual(CONTRACT_KEYS);
    expect(read).toEqual({
      ...TEST_PERSON_READ,
    });
  });

  it('uses the CSCA installed in the database named by --db (and the MRZ given in one value)', async () => {
    const { db, file, cleanup } = tempDatabase();
    cleanups.push(cleanup);
    expect(installCsca(db, new Uint8Array(readFileSync(CSCA))).ok).toBe(true);
    db.close();
    const run = await cli('chip', 'replay', TRANSCRIPT, '--db', file, '--mrz', MRZ.join('\n'), '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ authenticity: { status: 'genuine', problems: [] } });
  });

  it('without a CSCA: intact, not proven, said in Vietnamese (English with DOICHIEU_LANG=en)', async () => {
    const run = await cli('chip', 'replay', TRANSCRIPT, '--mrz', ...MRZ, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      authenticity: {
        status: 'intact_no_csca',
        problems: ['Chưa cài chứng thư CSCA: chỉ xác nhận được dữ liệu nguyên vẹn, chưa xác nhận được nơi cấp.'],
      },
    });
    const human = await cliWithEnv({ DOICHIEU_LANG: 'en' }, 'chip', 'replay', TRANSCRIPT, '--mrz', ...MRZ);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Full name: Nguyễn Văn An');
    expect(human.stdout).toContain('Chip check: Data intact (CSCA not installed) (intact_no_csca)');
  });

  it('a key other than the recorded one: the transcript diverges, exit 1 with the message', async () => {
    const wrong = mrzOf({ ...TEST_PERSON, birth: '16/03/1999' });
    const run = await cli('chip', 'replay', TRANSCRIPT, '--mrz', ...wrong, '--json');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Trao đổi thứ \d+ khác với tệp ghi/);
  });

  it('a broken transcript or a missing file: exit 1, naming the line or the file', async () => {
    const { file, cleanup } = tempDatabase();
    cleanups.push(cleanup);
    const broken = `${file}.apdu`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(broken, '# doichieu APDU transcript 1\n00A4 -> zz\n');
    expect(await cli('chip', 'replay', broken, '--mrz', ...MRZ)).toMatchObject({
      code: 1,
      stderr: 'Tệp ghi trao đổi với thẻ bị sai ở dòng 2.\n',
    });
    expect((await cli('chip', 'replay', 'khong-co.apdu', '--mrz', ...MRZ)).code).toBe(1);
  });
});

describe('chip commands: usage', () => {
  it('no key, two kinds of key, a typed key without its dates: exit 2 with the usage', async () => {
    for (const argv of [
      ['chip', 'read'],
      ['chip', 'read', '--qr', 'x', '--doc-number', '099012345'],
      ['chip', 'read', '--doc-number', '099012345', '--birth', '1999-03-15'],
      ['chip', 'replay', TRANSCRIPT],
    ]) {
      const run = await cli(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toContain('Cách dùng: doichieu');
    }
    expect((await cli('chip', 'read', '--doc-number', '099012345', '--birth', '1999', '--expiry', '2024-03-15')).code).toBe(2);
  });

  it('a key that gives nothing to try is bad input before any reader is looked at', async () => {
    const run = await cli('chip', 'read', '--qr', 'not a card');
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('PC/SC');
    const typed = await cli('chip', 'read', '--doc-number', 'A!', '--birth', '1999-03-15', '--expiry', 'none');
    expect(typed).toMatchObject({ code: 1, stderr: expect.stringContaining('Số giấy tờ "A!" không hợp lệ') });
  });

  it('--help names the options, both commands are listed, in both languages', async () => {
    const help = await cli('chip', 'read', '--help');
    expect(help.code).toBe(0);
    for (const option of ['--reader', '--mrz', '--qr', '--doc-number', '--birth', '--expiry', '--issue', '--csca']) {
      expect(help.stdout).toContain(option);
    }
    const all = await cliWithEnv({ DOICHIEU_LANG: 'en' }, '--help');
    expect(all.stdout).toContain('chip read');
    expect(all.stdout).toContain('chip replay');
    expect(all.stdout).toContain('Replay a recorded APDU transcript');
  });
});
