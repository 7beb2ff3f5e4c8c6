import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/open-database';
import { loadDemo } from '../../src/main/demo/demo-residents';
import { findResidents } from '../../src/main/registry/find-residents';
import { fieldSourcesOf, type ResidentRow } from '../../src/main/registry/resident-rows';
import { residentByPersonalId, residentFacts } from '../../src/main/residents/resident-card';
import { importExtractFile, type ImportOutcome } from '../../src/main/registry/import-extract';
import type { RegistryImportResult } from '../../src/shared/api-contract';
import { countRows, tempDatabase } from '../helpers/db';
import { PEOPLE, csvText, extractWorkbook, utf16le, utf8Bom, windows1258 } from '../helpers/extract-files';
import { REGISTRY_CSV } from '../helpers/paths';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempDatabase()));
afterEach(() => cleanup());

const NOW = new Date('2026-11-27T08:00:00Z');

function run(data: Uint8Array, fileName: string, skipInvalid = false): Promise<ImportOutcome> {
  return importExtractFile(db, data, fileName, { skipInvalid, locale: 'vi', now: NOW });
}

async function imported(data: Uint8Array, fileName: string, skipInvalid = false): Promise<RegistryImportResult> {
  const outcome = await run(data, fileName, skipInvalid);
  if (!outcome.ok) throw new Error(`import refused: ${outcome.problem.key}`);
  if (outcome.value === 'cancelled') throw new Error('cancelled');
  return outcome.value;
}

function snapshot(): string {
  return JSON.stringify([
    db.prepare('SELECT * FROM residents ORDER BY id').all(),
    db.prepare('SELECT * FROM registry_extracts ORDER BY id').all(),
  ]);
}

describe('the sample extract', () => {
  const data = new Uint8Array(readFileSync(REGISTRY_CSV));

  it('imports 3,016 residents, and a second import changes nothing', async () => {
    const first = await imported(data, 'registry.csv');
    expect(first).toMatchObject({ inserted: 3016, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const before = snapshot();
    const second = await imported(data, 'registry.csv');
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: 3016, rejected: 0, errors: [] });
    expect(snapshot()).toBe(before);
    // The file's hash and its rows, known only at the end of the single pass, are recorded with it.
    expect(db.prepare('SELECT file_name, file_sha256, data_rows, inserted FROM registry_extracts').all()).toEqual([
      {
        file_name: 'registry.csv',
        file_sha256: createHash('sha256').update(data).digest('hex'),
        data_rows: 3016,
        inserted: 3016,
      },
    ]);
  });

  it('reads the columns whose unquoted titles contain commas', async () => {
    await imported(data, 'registry.csv');
    const [thoa] = findResidents(db, { text: '008198223458' });
    expect(thoa).toMatchObject({
      fullName: 'Ma Thị Thoa',
      birthDate: '1998-03-18',
      sex: 'female',
      oldId: '072103444',
      ethnicity: 'Tày',
    });
  });
});

describe('encodings and formats', () => {
  const expectPeople = () => {
    expect(countRows(db, 'residents')).toBe(3);
    expect(findResidents(db, { text: '008090012345' })[0]).toMatchObject({
      fullName: 'Ma Văn Tường',
      birthDate: '1990-08-06',
      sex: 'male',
    });
    expect(findResidents(db, { text: '008156001122' })[0]).toMatchObject({ fullName: 'Đặng Đình Đức', birthDate: '1956' });
  };

  it('reads UTF-8 with a BOM', async () => {
    expect(await imported(utf8Bom(csvText(PEOPLE)), 'a.csv')).toMatchObject({ inserted: 3 });
    expectPeople();
  });
  it('reads UTF-8 without a BOM, semicolon-separated', async () => {
    const text = csvText(PEOPLE).replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';');
    expect(await imported(new TextEncoder().encode(text), 'a.csv')).toMatchObject({ inserted: 3 });
    expectPeople();
  });
  it('reads UTF-16 (Excel "Unicode text")', async () => {
    expect(await imported(utf16le(csvText(PEOPLE)), 'a.csv')).toMatchObject({ inserted: 3 });
    expectPeople();
  });
  it('reads Windows-1258 and stores NFC text', async () => {
    expect(await imported(windows1258(csvText(PEOPLE)), 'a.csv')).toMatchObject({ inserted: 3 });
    expectPeople();
    const name = findResidents(db, { text: '008195004321' })[0]!.fullName;
    expect(name).toBe('Lường Thị Hưởng'.normalize('NFC'));
    expect(name.normalize('NFC')).toBe(name);
  });
  it('reads an .xlsx with title rows, numeric IDs and date cells', async () => {
    expect(await imported(await extractWorkbook(), 'a.xlsx')).toMatchObject({ inserted: 3, rejected: 0 });
    expectPeople();
  });
});

describe('a large UTF-8 extract', () => {
  it('reads a letter of several bytes that straddles the first megabyte it looks at', async () => {
    // Rows of Vietnamese names until the file passes 1 MiB, padded so that a 'ư' (2 bytes) starts on
    // the last byte of the first MiB: the detection must not take that half letter for bad UTF-8.
    const rows: string[][] = [];
    let bytes = 0;
    for (let i = 0; bytes < 1_100_000; i++) {
      const row = [
        String(i + 1),
        `0081${String(90_000_000 + i).slice(-8)}`,
        '',
        `Người Thử Tư ${i}`,
        '01/01/1981',
        'Nam',
        'Kinh',
        'Việt Nam',
        'Thôn A',
      ];
      rows.push(row);
      bytes += Buffer.byteLength(row.join(',')) + 2;
    }
    const text = csvText(rows);
    const bom = utf8Bom(text);
    const last = Buffer.from(bom).lastIndexOf(Buffer.from('ư'), 1024 * 1024 - 1);
    // Spaces after the first name move that 'ư' to start on the megabyte's last byte.
    const data = utf8Bom(text.replace('Người Thử Tư 0,', `Người Thử Tư 0${' '.repeat(1024 * 1024 - 1 - last)},`));
    expect([data[1024 * 1024 - 1], data[1024 * 1024]]).toEqual([0xc6, 0xb0]);
    expect(await imported(data, 'lon.csv')).toMatchObject({ inserted: rows.length, rejected: 0 });
  });
});

describe('a newer extract', () => {
  it('updates what changed and records which extract each value came from', async () => {
    await imported(utf8Bom(csvText(PEOPLE)), 'v1.csv');
    const moved = PEOPLE.map((p) => [...p]);
    moved[0]![8] = 'Thôn Khuôn Hà, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang';
    const result = await imported(utf8Bom(csvText(moved)), 'v2.csv');
    expect(result).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    const extracts = db.prepare('SELECT id, file_name FROM registry_extracts ORDER BY id').all() as {
      id: number;
      file_name: string;
    }[];
    expect(extracts.map((e) => e.file_name)).toEqual(['v1.csv', 'v2.csv']);
    const row = db.prepare("SELECT permanent_address, field_sources FROM residents WHERE personal_id = '008090012345'").get() as {
      permanent_address: string;
      field_sources: string;
    };
    expect(row.permanent_address).toMatch(/^Thôn Khuôn Hà/);
    const sources = JSON.parse(row.field_sources) as Record<string, number>;
    expect(sources.permanentAddress).toBe(extracts[1]!.id);
    expect(sources.fullName).toBe(extracts[0]!.id);
  });

  it('credits a demo resident a later extract changed with that extract for the changed fields only', async () => {
    loadDemo(db);
    const demo = db.prepare('SELECT * FROM residents WHERE is_demo = 1 AND birth_date IS NOT NULL LIMIT 1').get() as ResidentRow;
    const [y, m, d] = demo.birth_date!.split('-');
    const row = ['1', demo.personal_id, demo.old_id ?? '', demo.full_name, `${d}/${m}/${y}`, demo.sex === 'male' ? 'Nam' : 'Nữ'];
    row.push(demo.ethnicity ?? '', demo.nationality ?? '', 'Thôn Mới, xã Trung Hà, tỉnh Tuyên Quang');
    expect(await imported(utf8Bom(csvText([row])), 'moi.csv')).toMatchObject({ inserted: 0, updated: 1 });
    const extract = db.prepare('SELECT id FROM registry_extracts').pluck().get() as number;
    // The extract changed the address (and, having no such columns, emptied the current address and household code).
    const changed = { permanentAddress: extract, currentAddress: extract, householdCode: extract };
    expect(fieldSourcesOf(residentByPersonalId(db, demo.personal_id)!)).toEqual(changed);
    const sources = residentFacts(db, residentByPersonalId(db, demo.personal_id)!).sources;
    expect(sources.filter((s) => s.extract !== null).map((s) => s.field)).toEqual(Object.keys(changed));
    // The name and birth date the demo made up are not credited to the extract.
    expect(sources.find((s) => s.field === 'fullName')!.extract).toBeNull();
  });

  it('never silently overwrites a resident with local changes awaiting export', async () => {
    await imported(utf8Bom(csvText(PEOPLE)), 'v1.csv');
    const resident = db.prepare("SELECT id FROM residents WHERE personal_id = '008090012345'").get() as { id: number };
    db.prepare(
      "INSERT INTO resident_changes (resident_id, kind, fields, status, created_at) VALUES (?, 'correction', '{\"fullName\":\"Ma Văn Tường\"}', 'pending', ?)",
    ).run(resident.id, NOW.toISOString());
    const renamed = PEOPLE.map((p) => [...p]);
    renamed[0]![3] = 'Ma Văn Tương';
    const result = await imported(utf8Bom(csvText(renamed)), 'v2.csv');
    expect(result).toMatchObject({ updated: 0, held: 1, unchanged: 2 });
    expect(findResidents(db, { text: '008090012345' })[0]!.fullName).toBe('Ma Văn Tường');
    const held = db.prepare('SELECT fields FROM registry_held_values').get() as { fields: string };
    expect(JSON.parse(held.fields)).toEqual({ fullName: 'Ma Văn Tương' });
  });
});

describe('bad input changes nothing', () => {
  beforeEach(async () => {
    await imported(utf8Bom(csvText(PEOPLE.slice(0, 1))), 'seed.csv');
  });

  async function refusedWith(data: Uint8Array, fileName: string, key: string) {
    const before = snapshot();
    const outcome = await run(data, fileName);
    expect(outcome).toMatchObject({ ok: false, problem: { key } });
    expect(snapshot()).toBe(before);
  }

  it('refuses a file that is not a spreadsheet', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    await refusedWith(png, 'anh.png', 'error.notSpreadsheet');
  });
  it('refuses an empty file and an empty sheet', async () => {
    await refusedWith(new Uint8Array(), 'rong.csv', 'error.fileEmpty');
    await refusedWith(new TextEncoder().encode('\r\n\r\n'), 'rong.csv', 'error.sheetEmpty');
  });
  it('refuses a damaged Excel 97 .xls, saying to save it again', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await refusedWith(ole, 'cu.xls', 'error.legacyUnreadable');
  });
  it('refuses a sheet without an ID column, or without a name column', async () => {
    await refusedWith(utf8Bom('Họ và tên,Ngày sinh\r\nMa Văn Tường,06/08/1990\r\n'), 'khong-id.csv', 'error.noIdColumn');
    await refusedWith(
      utf8Bom('Số định danh cá nhân,Ngày sinh\r\n008090012345,06/08/1990\r\n'),
      'khong-ten.csv',
      'error.noNameColumn',
    );
    await refusedWith(utf8Bom('Cột A,Cột B\r\n1,2\r\n'), 'la.csv', 'error.noHeader');
  });

  it('rejects an ID repeated inside the extract, naming both rows, and writes nothing', async () => {
    const rows = [...PEOPLE, ['4', '008195004321', '', 'Lường Thị Hương', '01/01/1995', 'Nữ', 'Tày', 'Việt Nam', 'Thôn Ba 1']];
    const before = snapshot();
    const result = await imported(utf8Bom(csvText(rows)), 'trung.csv');
    expect(result.applied).toBe(false);
    expect(result.rejected).toBe(2);
    expect(result.errors.map((e) => e.row)).toEqual([3, 5]);
    expect(result.errors[0]!.message).toContain('008195004321');
    expect(result.errors[0]!.message).toContain('3, 5');
    expect(snapshot()).toBe(before);
  });

  it('rejects an ID that is not 12 digits with the sheet row number, and writes nothing', async () => {
    const rows = PEOPLE.map((p) => [...p]);
    rows[2]![1] = '00815600112';
    rows[1]![1] = '0081950043';
    rows[2]![1] = '12345';
    const before = snapshot();
    const result = await imported(utf8Bom(csvText(rows)), 'sai.csv');
    expect(result).toMatchObject({ applied: false, inserted: 0, rejected: 1 });
    expect(result.errors).toEqual([{ row: 4, message: 'Số định danh "12345" không hợp lệ: cần đúng 12 chữ số.' }]);
    expect(snapshot()).toBe(before);
  });

  it('read once, writes nothing when a row far down is rejected after thousands were written', async () => {
    // 4,500 valid rows (more than two batches of 2,000 written) before the one bad row.
    const rows = Array.from({ length: 4500 }, (_, i) => [
      String(i + 1),
      `0082${String(900000 + i).padStart(8, '0')}`,
      '',
      `Nguyễn Văn Thử ${i}`,
      '01/01/1990',
      'Nam',
      'Kinh',
      'Việt Nam',
      'Thôn Ba 1',
    ]);
    rows.push(['4501', '12345', '', 'Lò Văn Sai', '01/01/1990', 'Nam', 'Thái', 'Việt Nam', 'Thôn Ba 1']);
    const before = snapshot();
    const result = await imported(utf8Bom(csvText(rows)), 'dai.csv');
    expect(result).toMatchObject({ applied: false, inserted: 0, rejected: 1 });
    expect(result.errors.map((e) => e.row)).toEqual([4502]);
    expect(snapshot()).toBe(before);
  });

  it('leaves out every row of a repeated ID when asked to skip the invalid ones, naming both rows', async () => {
    const rows = [...PEOPLE, ['4', '008195004321', '', 'Lường Thị Hương', '01/01/1995', 'Nữ', 'Tày', 'Việt Nam', 'Thôn Ba 1']];
    const result = await imported(utf8Bom(csvText(rows)), 'trung.csv', true);
    expect(result).toMatchObject({ applied: true, inserted: 1, unchanged: 1, rejected: 2 });
    expect(result.errors.map((e) => e.row)).toEqual([3, 5]);
    expect(db.prepare("SELECT count(*) FROM residents WHERE personal_id = '008195004321'").pluck().get()).toBe(0);
  });

  it('imports the valid rows only when asked to skip the invalid ones', async () => {
    const rows = PEOPLE.map((p) => [...p]);
    rows[2]![1] = '12345';
    const result = await imported(utf8Bom(csvText(rows)), 'sai.csv', true);
    expect(result).toMatchObject({ applied: true, inserted: 1, unchanged: 1, rejected: 1 });
    expect(countRows(db, 'residents')).toBe(2);
  });
});
