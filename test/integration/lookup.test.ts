import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/open-database';
import { checkpointVisits, lookupScan } from '../../src/main/lookup/lookup';
import { visitsWorkbook } from '../../src/main/lookup/visits-workbook';
import { tempDatabase } from '../helpers/db';
import { PEOPLE } from '../helpers/extract-files';
import { cccdMrz } from '../helpers/mrz';
import { NOW, importAndCheck, listWorkbook, seedRegistry } from '../helpers/lists';

let db: Db;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, cleanup } = tempDatabase());
  await seedRegistry(db, PEOPLE);
});
afterEach(() => cleanup());

const CARD =
  '008090012345|070123456|Ma Văn Tường|06081990|Nam|Thôn Ba 1, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang|15062021';

function look(text: string, place = 'Trụ sở', direction: 'visit' | 'in' | 'out' = 'visit', at = NOW) {
  const result = lookupScan(db, { text, place, direction }, at, 'vi');
  if (!result.ok) throw new Error(result.problem.key);
  return result.value;
}

describe('the lookup desk', () => {
  it('shows a scanned card beside the registry record', () => {
    const result = look(CARD);
    expect(result).toMatchObject({
      source: 'qr',
      card: { fullName: 'Ma Văn Tường' },
      resident: { personalId: '008090012345' },
      differences: [],
      warnings: [],
    });
  });

  it('marks what the card says differently from the registry', () => {
    const result = look(CARD.replace('Thôn Ba 1', 'Thôn Ba 2'));
    expect(result.differences).toEqual(['address']);
  });

  it('reads a card by its MRZ lines (an ID-card reader): a name without accents is not a difference, and the visit says MRZ', () => {
    const mrz = cccdMrz({ personalId: '008090012345', birth: '900806', sex: 'M', expiry: '300806', name: 'MA<<VAN<TUONG' });
    const result = look(mrz.join('\r\n'));
    expect(result).toMatchObject({
      source: 'mrz',
      card: {
        personalId: '008090012345',
        fullName: 'MA VAN TUONG',
        birthDate: '1990-08-06',
        expiryDate: '2030-08-06',
        address: null,
      },
      resident: { fullName: 'Ma Văn Tường' },
      differences: [],
      warnings: [],
    });
    expect(checkpointVisits(db, {})[0]).toMatchObject({ source: 'mrz', personalId: '008090012345' });
    // Another birth date on the card is a difference; a broken check digit is a warning.
    const other = cccdMrz({ personalId: '008090012345', birth: '900807', sex: 'M', expiry: '300806', name: 'MA<<VAN<TUONG' });
    expect(look(other.join('\n')).differences).toEqual(['birthDate']);
    const broken = [mrz[0]!, mrz[1]!.replace('900806', '900805'), mrz[2]!];
    expect(look(broken.join('\n')).warnings[0]).toMatch(/không hợp lệ/);
  });

  it('finds a person from a typed ID or CMND, and says when the registry has nobody', () => {
    expect(look('8090012345')).toMatchObject({ source: 'typed', card: null, resident: { fullName: 'Ma Văn Tường' } });
    expect(look('070123456').resident?.personalId).toBe('008090012345');
    expect(look('079082851326').resident).toBeNull();
    expect(lookupScan(db, { text: 'https://x.vn', place: 'A', direction: 'visit' }, NOW, 'vi')).toMatchObject({ ok: false });
  });

  it('carries the scanner warnings when accents were lost', () => {
    const result = look('008090012345|070123456|Ma Van Tuong|06081990|Nam|Thon Ba 1|15062021');
    expect(result.warnings.join(' ')).toMatch(/HID POS/);
    expect(result.differences).toContain('fullName');
  });

  it('lists the open list entries about the person', async () => {
    await importAndCheck(db, await listWorkbook([['Ma Văn Tường', '06/09/1990', 'Nam', '008090012345', 'Việt Nam', null]]));
    expect(look(CARD).openEntries).toEqual([{ listId: 1, fileName: 'ds.xlsx', row: 5, status: 'mismatched' }]);
  });

  it('logs every look-up as a visit, and answers who was at a place between two times', async () => {
    look(CARD, 'Chốt Km 12', 'in', new Date('2026-11-27T01:00:00Z'));
    look('008195004321', 'Chốt Km 12', 'in', new Date('2026-11-27T03:00:00Z'));
    look(CARD, 'Chốt Km 12', 'out', new Date('2026-11-27T05:00:00Z'));
    look('008156001122', 'Trụ sở', 'visit', new Date('2026-11-27T03:30:00Z'));
    const between = checkpointVisits(db, { place: 'Chốt Km 12', from: '2026-11-27T02:00:00Z', to: '2026-11-27T06:00:00Z' });
    expect(between.map((v) => [v.personalId, v.direction])).toEqual([
      ['008090012345', 'out'],
      ['008195004321', 'in'],
    ]);
    const file = await visitsWorkbook(checkpointVisits(db, {}), 'vi');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.data) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Thời gian',
      'Địa điểm',
      'Vào/ra',
      'Số định danh cá nhân',
      'Họ và tên',
      'Nhận diện qua',
    ]);
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getCell('A2').value).toBeInstanceOf(Date);
    expect(sheet.getCell('D2').value).toBe('008090012345');
    // How each person was identified: the QR code scanned here.
    expect(sheet.getCell('F2').value).toBe('quét thẻ');
  });
});
