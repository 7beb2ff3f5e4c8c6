import { describe, expect, it } from 'vitest';
import { parseCccdQr } from '../../src/shared/identity/cccd-qr';

const TUONG =
  '008090012345|070123456|Ma Văn Tường|06081990|Nam|Thôn Ba 1, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang|15062021';

function value(payload: string) {
  const parsed = parseCccdQr(payload);
  if (!parsed.ok) throw new Error(parsed.problem.key);
  return parsed.value;
}

function problem(payload: string) {
  const parsed = parseCccdQr(payload);
  if (parsed.ok) throw new Error('parsed');
  return parsed.problem.key;
}

describe('CCCD QR payloads', () => {
  it('reads the seven fields', () => {
    expect(value(TUONG)).toEqual({
      personalId: '008090012345',
      oldId: '070123456',
      fullName: 'Ma Văn Tường',
      birthDate: '1990-08-06',
      sex: 'male',
      address: 'Thôn Ba 1, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang',
      issueDate: '2021-06-15',
      extra: [],
      warnings: [],
    });
  });

  it('reads an empty old CMND as none', () => {
    expect(value('001099012345||Nguyễn Văn A|15031999|Nam|Hà Nội|10052021').oldId).toBeNull();
  });

  it('keeps the extra trailing fields of cards issued from 2024', () => {
    const card = value('008195004321||Lường Thị Hưởng|12031995|Nữ|Thôn Nà Coóc|04102024||||');
    expect(card).toMatchObject({ sex: 'female', issueDate: '2024-10-04', extra: ['', '', '', ''], warnings: [] });
  });

  it('ignores the white space and CR/LF a scanner adds, and returns NFC', () => {
    const card = value(`  ${TUONG.normalize('NFD')}\r\n`);
    expect(card.fullName).toBe('Ma Văn Tường'.normalize('NFC'));
    expect(card.fullName.normalize('NFC')).toBe(card.fullName);
    expect(card.issueDate).toBe('2021-06-15');
  });

  it('accepts upper-case names', () => {
    expect(value(TUONG.replace('Ma Văn Tường', 'MA VĂN TƯỜNG')).fullName).toBe('MA VĂN TƯỜNG');
  });

  it.each([
    ['fewer than seven fields', '008090012345|070123456|Ma Văn Tường|06081990|Nam', 'qr.tooFewFields'],
    ['an impossible date', TUONG.replace('06081990', '31021990'), 'qr.badDate'],
    ['an impossible issue date', TUONG.replace('15062021', '15132021'), 'qr.badDate'],
    ['a non-digit ID', TUONG.replace('008090012345', '00809001234X'), 'qr.badId'],
    ['an 11-digit ID', TUONG.replace('008090012345', '08090012345'), 'qr.badId'],
    ['a URL', 'https://dichvucong.gov.vn/p/home', 'qr.notCccd'],
    ['a product barcode', '8934567890123', 'qr.notCccd'],
    ['an over-long payload', `${TUONG}|${'x'.repeat(2000)}`, 'qr.tooLong'],
  ])('refuses %s', (_label, payload, key) => {
    expect(problem(payload)).toBe(key);
  });

  it('warns when a keyboard-mode scanner destroyed the diacritics, trusting the digits', () => {
    for (const mangled of ['Ma V?n T??ng', 'Ma V\ufffdn T\ufffd\ufffdng']) {
      const card = value(TUONG.replace('Ma Văn Tường', mangled));
      expect(card.warnings.map((w) => w.key)).toContain('qr.diacriticsLost');
      expect(card).toMatchObject({ personalId: '008090012345', birthDate: '1990-08-06' });
    }
    const ascii = value('008090012345|070123456|Ma Van Tuong|06081990|Nam|Thon Ba 1|15062021');
    expect(ascii.warnings.map((w) => w.key)).toContain('qr.diacriticsLost');
  });

  it('repairs UTF-8 read as Windows-1252 (mojibake) and says so', () => {
    const garbled = new TextDecoder('windows-1252').decode(new TextEncoder().encode('Ma Văn Tường'));
    expect(garbled).toMatch(/Ä|Æ°|á»/);
    const card = value(TUONG.replace('Ma Văn Tường', garbled));
    expect(card.fullName).toBe('Ma Văn Tường');
    expect(card.warnings.map((w) => w.key)).toEqual(['qr.mojibakeRepaired']);
  });

  it('warns when the ID contradicts the birth year or the sex on the card', () => {
    const year = value(TUONG.replace('06081990', '06081991'));
    expect(year.warnings).toContainEqual({ key: 'id.birthYearMismatch', params: { idYear: 1990, givenYear: 1991 } });
    const sex = value(TUONG.replace('|Nam|', '|Nữ|'));
    expect(sex.warnings.map((w) => w.key)).toContain('id.sexMismatch');
  });

  it('takes the sex from the ID when the sex field is unreadable', () => {
    const card = value(TUONG.replace('|Nam|', '|N?|'));
    expect(card.sex).toBe('male');
    expect(card.warnings.map((w) => w.key)).toContain('qr.sexUnreadable');
  });
});
