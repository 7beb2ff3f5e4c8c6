import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cli } from '../helpers/cli';
import { SHARED_FIXTURES } from '../helpers/paths';

const PAYLOAD =
  '008195004321||Lường Thị Hưởng|12031995|Nữ|Thôn Nà Coóc, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang|04102024||||';

describe('doichieu qr parse', () => {
  it('prints the contract shape with --json', async () => {
    const result = await cli('qr', 'parse', PAYLOAD, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      personalId: '008195004321',
      oldId: null,
      fullName: 'Lường Thị Hưởng',
      birthDate: '1995-03-12',
      sex: 'female',
      address: 'Thôn Nà Coóc, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang',
      issueDate: '2024-10-04',
      extra: ['', '', '', ''],
      warnings: [],
    });
  });
  it('gives warnings as Vietnamese sentences', async () => {
    const result = await cli('qr', 'parse', '008090012345|070123456|Ma Van Tuong|06081990|Nam|Thon Ba 1|15062021', '--json');
    expect(JSON.parse(result.stdout).warnings[0]).toMatch(/Dấu tiếng Việt .* bị mất khi quét/);
  });
  it('exits 1 with a message for a payload that is not a card', async () => {
    const result = await cli('qr', 'parse', 'https://example.com', '--json');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/không phải mã QR trên thẻ CCCD/);
    expect((await cli('qr', 'parse', '008090012345|x|y')).code).toBe(1);
  });
  it('exits 2 without a payload', async () => {
    expect((await cli('qr', 'parse')).code).toBe(2);
  });
});

describe('doichieu id check', () => {
  it('prints the contract shape, checking birth date and sex', async () => {
    const result = await cli('id', 'check', '8090012345', '--birth-date', '1990-08-06', '--sex', 'female', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      normalized: '008090012345',
      kind: 'personal_id',
      valid: false,
      provinceCode: '008',
      provinceName: 'Tuyên Quang',
      provinceNow: 'Tuyên Quang',
      sex: 'male',
      problems: ['Số định danh ghi giới tính nam, nhưng giới tính đã cho là nữ.'],
    });
  });
  it('reads an old CMND', async () => {
    expect(JSON.parse((await cli('id', 'check', '070123456', '--json')).stdout)).toMatchObject({ kind: 'cmnd', valid: true });
  });
  it('exits 1 for letters and 2 for a bad option value', async () => {
    expect((await cli('id', 'check', 'abc', '--json')).code).toBe(1);
    expect((await cli('id', 'check', '008090012345', '--sex', 'Nam')).code).toBe(2);
    expect((await cli('id', 'check', '008090012345', '--birth-date', '31/31/1990')).code).toBe(2);
  });
});

describe('doichieu mrz parse', () => {
  it('prints the contract shape', async () => {
    const result = await cli(
      'mrz',
      'parse',
      'IDVNM0900123450001090012345<<1',
      '9001011M3001019VNM<<<<<<<<<<<2',
      'NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<',
      '--json',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      personalId: '001090012345',
      documentNumber: '090012345',
      fullName: 'NGUYEN VAN A',
      birthDate: '1990-01-01',
      sex: 'male',
      expiryDate: '2030-01-01',
      valid: true,
      problems: [],
    });
  });
  it('exits 1 for lines of the wrong length and 2 for a missing line', async () => {
    const bad = await cli('mrz', 'parse', 'IDVNM090', '9001011M', 'NGUYEN', '--json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/3 dòng, mỗi dòng 30 ký tự/);
    expect((await cli('mrz', 'parse', 'IDVNM0900123450001090012345<<1')).code).toBe(2);
  });
});

describe('doichieu scanner replay', () => {
  it('prints the scans of a capture', async () => {
    const result = await cli(
      'scanner',
      'replay',
      join(SHARED_FIXTURES, 'scanner', 'keyboard-ascii.txt'),
      '--format',
      'keyboard',
      '--json',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      scans: [{ text: '008090012345|070123456|Ma Van Tuong|06081990|Nam|Thon Ba 1|15062021', complete: true }],
    });
  });
  it('exits 2 for an unknown format and 1 for a malformed capture', async () => {
    expect(
      (await cli('scanner', 'replay', join(SHARED_FIXTURES, 'scanner', 'keyboard-ascii.txt'), '--format', 'usb-cdc')).code,
    ).toBe(2);
    const bad = await cli('scanner', 'replay', join(SHARED_FIXTURES, 'scanner', 'expected.json'), '--format', 'hidpos');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/sai ở dòng 1/);
  });
});
