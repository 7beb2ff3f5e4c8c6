import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/open-database';
import { prepareList } from '../../src/main/lists/prepare-list';
import { encodeTcvn3, encodeVni } from '../../src/shared/text/legacy-encodings';
import { ENTRY_STATUSES, COMPARED_FIELDS } from '../../src/shared/verification/vocabulary';
import { tempDatabase } from '../helpers/db';
import { csvText, utf8Bom } from '../helpers/extract-files';
import { importAndCheck, listWorkbook, seedRegistry } from '../helpers/lists';
import { REGISTRY_CSV, SHARED_FIXTURES } from '../helpers/paths';
import { importExtractFile } from '../../src/main/registry/import-extract';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempDatabase()));
afterEach(() => cleanup());

const ADDR = (village: string) => `Thôn ${village}, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang`;
// STT, ID, CMND, name, birth, sex, ethnicity, nationality, address
const REGISTRY = [
  ['1', '008090012345', '070123456', 'Ma Văn Tường', '06/08/1990', 'Nam', 'Tày', 'Việt Nam', ADDR('Ba 1')],
  ['2', '008195004321', '', 'Lường Thị Hưởng', '12/03/1995', 'Nữ', 'Tày', 'Việt Nam', ADDR('Nà Coóc')],
  ['3', '008156001122', '071000111', 'Đặng Đình Đức', '1956', 'Nam', 'Dao', 'Việt Nam', ADDR('Khuôn Hà')],
  ['4', '008190004444', '', 'Nguyễn Văn An', '01/02/1990', 'Nam', 'Kinh', 'Việt Nam', ADDR('Ba 2')],
  ['5', '008190005555', '', 'Nguyễn Văn An', '15/07/1990', 'Nam', 'Kinh', 'Việt Nam', ADDR('Ba 2')],
  ['6', '008180006666', '072222333', 'Hà Thị Hòa', '20/10/1980', 'Nữ', 'Tày', 'Việt Nam', ADDR('Phai Chò')],
  ['7', '008175007777', '', 'Hoàng Văn Thụ', '05/05/1975', 'Nam', 'Tày', 'Việt Nam', ADDR('Bản Khiển')],
];

type Row = (string | number | Date | null)[];
const entry = (
  name: string | null,
  birth: string | Date | null,
  sex: string | null,
  id: string | number | null,
  nationality = 'Việt Nam',
  address: string | null = null,
): Row => [name, birth, sex, id, nationality, address];

async function check(rows: Row[], options?: Parameters<typeof listWorkbook>[1]) {
  await seedRegistry(db, REGISTRY);
  const { checked } = await importAndCheck(db, await listWorkbook(rows, options));
  return checked.entries.map(({ status, personalId, differences }) => ({ status, personalId, differences: [...differences] }));
}

describe('the sample list of the fixtures', () => {
  it('comes out exactly as truth.json states, entry by entry', async () => {
    const imported = await importExtractFile(db, new Uint8Array(readFileSync(REGISTRY_CSV)), 'registry.csv', {
      skipInvalid: false,
      locale: 'vi',
      now: new Date(),
    });
    expect(imported.ok).toBe(true);
    const truth = JSON.parse(readFileSync(join(SHARED_FIXTURES, 'verification', 'truth.json'), 'utf8')) as {
      row: number;
      status: string;
      personalId: string | null;
      differences: string[];
    }[];
    const { imported: list, checked } = await importAndCheck(
      db,
      new Uint8Array(readFileSync(join(SHARED_FIXTURES, 'verification', 'list.xlsx'))),
      'list.xlsx',
    );
    expect(list.rows).toBe(400);
    expect(checked.entries.map((e) => e.row)).toEqual(truth.map((t) => t.row));
    for (const expected of truth) {
      const got = checked.entries.find((e) => e.row === expected.row)!;
      expect({ row: got.row, status: got.status, personalId: got.personalId, differences: [...got.differences].sort() }).toEqual({
        row: expected.row,
        status: expected.status,
        personalId: expected.personalId,
        differences: [...expected.differences].sort(),
      });
    }
  });

  it('takes the date drawn up from the sheet and leaves the signature block out', async () => {
    const parsed = await prepareList(
      new Uint8Array(readFileSync(join(SHARED_FIXTURES, 'verification', 'list.xlsx'))),
      'list.xlsx',
    );
    if (!parsed.ok) throw new Error(parsed.problem.key);
    expect(parsed.value.drawnUpInSheet).toBe('2021-11-10');
    expect(parsed.value.headerRow).toBe(6);
    expect(parsed.value.entries.at(-1)!.row).toBe(406);
  });
});

describe('how an entry finds its resident', () => {
  it('by 12-digit ID, also when stored as a number that lost its zeros', async () => {
    expect(await check([entry('Ma Văn Tường', '06/08/1990', 'Nam', 8090012345)])).toEqual([
      { status: 'matched', personalId: '008090012345', differences: [] },
    ]);
  });

  it('by old CMND instead of the 12-digit ID', async () => {
    expect(await check([entry('Hà Thị Hòa', '20/10/1980', 'Nữ', '072222333')])).toEqual([
      { status: 'matched', personalId: '008180006666', differences: [] },
    ]);
  });

  it('without an ID, by name, birth date and sex when one resident fits', async () => {
    expect(await check([entry('LƯỜNG THỊ HƯỞNG', '12-03-1995', 'Nữ', null)])).toEqual([
      { status: 'matched', personalId: '008195004321', differences: [] },
    ]);
  });

  it('without an ID, a name with one misspelling when the full birth date and sex agree', async () => {
    expect(
      await check([entry('Hoàng Văn Thu', '05/05/1975', 'Nam', null), entry('Hoàng Văn Thụy', '05/05/1975', 'Nam', null)]),
    ).toEqual([
      { status: 'mismatched', personalId: '008175007777', differences: ['fullName'] },
      { status: 'duplicate', personalId: '008175007777', differences: [] },
    ]);
  });

  it('never by a bare name', async () => {
    expect(await check([entry('Ma Văn Tường', null, 'Nam', null)])).toEqual([
      { status: 'invalid', personalId: null, differences: [] },
    ]);
  });

  it('says ambiguous when look-alike residents fit equally', async () => {
    await seedRegistry(db, REGISTRY);
    const { checked } = await importAndCheck(db, await listWorkbook([entry('Nguyễn Văn An', '1990', 'Nam', null)]));
    expect(checked.entries[0]).toMatchObject({ status: 'ambiguous', personalId: null });
    const stored = db.prepare('SELECT candidates FROM entry_results').get() as { candidates: string };
    expect(JSON.parse(stored.candidates)).toHaveLength(2);
  });

  it('links the person named when the ID belongs to someone else', async () => {
    expect(await check([entry('Lường Thị Hưởng', '12/03/1995', 'Nữ', '008090012345')])).toEqual([
      { status: 'mismatched', personalId: '008195004321', differences: ['personalId'] },
    ]);
  });

  it("refuses to link when the ID is another person's and the person named is unknown", async () => {
    expect(await check([entry('Trần Văn Bình', '01/01/1970', 'Nam', '008090012345')])).toEqual([
      { status: 'not_found', personalId: null, differences: [] },
    ]);
  });

  it('says not found for an ID and a person the registry does not have', async () => {
    expect(
      await check([
        entry('Hoàng Văn Nghĩa', '08/07/1982', 'Nam', '079082851326'),
        entry('Hoàng Văn Nghĩa', '08/07/1982', 'Nam', '079082851326'),
      ]),
    ).toEqual([
      { status: 'not_found', personalId: null, differences: [] },
      { status: 'duplicate', personalId: null, differences: [] },
    ]);
  });
});

describe('statuses and differences', () => {
  it('exempts foreigners and marks rows without a name invalid', async () => {
    expect(
      await check([
        entry('CHEN JIAYI', '28/04/1976', 'Nam', 'E3044633', 'Trung Quốc'),
        entry(null, '06/08/1990', 'Nam', '008090012345'),
      ]),
    ).toEqual([
      { status: 'foreign', personalId: null, differences: [] },
      { status: 'invalid', personalId: null, differences: [] },
    ]);
  });

  it('finds each compared field that differs', async () => {
    expect(
      await check([
        entry('Ma Văn Tương', '06/08/1990', 'Nam', '008090012345'),
        entry('Lường Thị Hưởng', '13/03/1995', 'Nữ', '008195004321'),
        entry('Đặng Đình Đức', '1956', 'Nữ', '008156001122'),
        entry('Hà Thị Hòa', '20/10/1980', 'Nữ', '072222334'),
        entry('Hoàng Văn Thụ', '05/05/1975', 'Nam', '008175007777', 'Việt Nam', 'Thôn Ba 2, xã Trung Hà'),
      ]),
    ).toEqual([
      { status: 'mismatched', personalId: '008090012345', differences: ['fullName'] },
      { status: 'mismatched', personalId: '008195004321', differences: ['birthDate'] },
      { status: 'mismatched', personalId: '008156001122', differences: ['sex'] },
      // A wrong digit in the CMND: the person is found by name, birth date and sex, and the number differs.
      { status: 'mismatched', personalId: '008180006666', differences: ['personalId'] },
      { status: 'mismatched', personalId: '008175007777', differences: ['address'] },
    ]);
  });

  it('a name without its diacritics differs', async () => {
    expect(await check([entry('Ma Van Tuong', '06/08/1990', 'Nam', '008090012345')])).toEqual([
      { status: 'mismatched', personalId: '008090012345', differences: ['fullName'] },
    ]);
  });

  it('ignores case, spacing, Unicode form, tone placement, partial dates and blank fields', async () => {
    expect(
      await check([
        entry('  hà  THỊ hoà '.normalize('NFD'), '20.10.1980', 'nữ', "'008 180 006 666"),
        entry('Đặng Đình Đức', '12/03/1956', 'Nam', '008156001122'),
        entry('Ma Văn Tường', null, null, '008090012345'),
        entry('Lường Thị Hưởng', new Date(Date.UTC(1995, 2, 12)), 'Nữ', '008195004321'),
      ]),
    ).toEqual([
      { status: 'matched', personalId: '008180006666', differences: [] },
      { status: 'matched', personalId: '008156001122', differences: [] },
      { status: 'matched', personalId: '008090012345', differences: [] },
      { status: 'matched', personalId: '008195004321', differences: [] },
    ]);
  });

  it('agrees on abbreviated addresses, and not on another village', async () => {
    expect(
      await check([
        entry('Ma Văn Tường', '06/08/1990', 'Nam', '008090012345', 'Việt Nam', 'Th. Ba 1, X. Trung Hà'),
        entry('Lường Thị Hưởng', '12/03/1995', 'Nữ', '008195004321', 'Việt Nam', 'Nà Coóc, Trung Hà'),
        entry('Hà Thị Hòa', '20/10/1980', 'Nữ', '008180006666', 'Việt Nam', 'Thôn Phai Chò'),
        entry('Đặng Đình Đức', '1956', 'Nam', '008156001122', 'Việt Nam', 'Thôn Khuôn Hà, xã Yên Nguyên'),
      ]),
    ).toEqual([
      { status: 'matched', personalId: '008090012345', differences: [] },
      { status: 'matched', personalId: '008195004321', differences: [] },
      { status: 'matched', personalId: '008180006666', differences: [] },
      { status: 'mismatched', personalId: '008156001122', differences: ['address'] },
    ]);
  });

  it('covers every status and every compared field', async () => {
    const seen = new Set<string>();
    const fields = new Set<string>();
    for (const rows of [
      [entry('Ma Văn Tường', '06/08/1990', 'Nam', '008090012345'), entry('Ma Văn Tường', '06/08/1990', 'Nam', '008090012345')],
      [entry('Lường Thị Hưởng', '12/03/1995', 'Nữ', '008090012345'), entry('Nguyễn Văn An', '1990', 'Nam', null)],
      [
        entry('X Y', '01/01/2000', 'Nam', '001200000001'),
        entry('A', '01/01/2000', 'Nam', 'P1', 'Lào'),
        entry(null, null, null, '1'),
      ],
      [
        entry('Ma Văn Tường', '06/09/1990', 'Nữ', '008090012345', 'Việt Nam', 'Thôn Ba 2'),
        entry('Hoàng Văn Thu', '05/05/1975', 'Nam', '008175007777'),
      ],
    ]) {
      cleanup();
      ({ db, cleanup } = tempDatabase());
      for (const e of await check(rows)) {
        seen.add(e.status);
        e.differences.forEach((d) => fields.add(d));
      }
    }
    expect([...seen].sort()).toEqual([...ENTRY_STATUSES].sort());
    expect([...fields].sort()).toEqual([...COMPARED_FIELDS].sort());
  });
});

describe('lists as stations really make them', () => {
  it('reads a whole sheet in TCVN3 (.VnTime), headers included', async () => {
    expect(
      await check([entry('Hoàng Văn Thụ', '05/05/1975', 'Nam', '008175007777')], { font: '.VnTime', transform: encodeTcvn3 }),
    ).toEqual([{ status: 'matched', personalId: '008175007777', differences: [] }]);
  });

  it('reads a whole sheet in VNI without the font name', async () => {
    expect(await check([entry('Lường Thị Hưởng', '12/03/1995', 'Nữ', '008195004321')], { transform: encodeVni })).toEqual([
      { status: 'matched', personalId: '008195004321', differences: [] },
    ]);
  });

  it('reads a list without a nationality column', async () => {
    await seedRegistry(db, REGISTRY);
    const header = ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'CCCD/CMND'];
    const { checked } = await importAndCheck(
      db,
      await listWorkbook([['Ma Văn Tường', '1990', 'Nam', '008090012345']], { header }),
    );
    expect(checked.entries).toEqual([{ row: 5, status: 'matched', personalId: '008090012345', differences: [] }]);
  });

  it("keeps the sheet's own row numbers", async () => {
    await seedRegistry(db, REGISTRY);
    const { checked } = await importAndCheck(
      db,
      await listWorkbook([
        entry('Ma Văn Tường', '06/08/1990', 'Nam', '008090012345'),
        entry('Hà Thị Hòa', '20/10/1980', 'Nữ', '008180006666'),
      ]),
    );
    expect(checked.entries.map((e) => e.row)).toEqual([5, 6]);
  });
});

describe('Resolution 68 support lists', () => {
  it('check the residence they claim: thường trú against the permanent address, tạm trú against the current one', async () => {
    const header = ['STT', 'Số định danh cá nhân', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Nơi thường trú', 'Nơi ở hiện tại'];
    const outcome = await importExtractFile(
      db,
      utf8Bom(
        csvText(
          [
            ['1', '008090012345', 'Ma Văn Tường', '06/08/1990', 'Nam', ADDR('Ba 1'), ADDR('Ba 1')],
            [
              '2',
              '008195004321',
              'Lường Thị Hưởng',
              '12/03/1995',
              'Nữ',
              'Tổ 5, phường Tân Quang, thành phố Tuyên Quang',
              ADDR('Nà Coóc'),
            ],
          ],
          header,
        ),
      ),
      'registry.csv',
      { skipInvalid: false, locale: 'vi', now: new Date() },
    );
    expect(outcome.ok).toBe(true);
    const listHeader = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Địa chỉ', 'Tình trạng cư trú'];
    const rows = [
      ['Ma Văn Tường', '06/08/1990', 'Nam', '008090012345', 'Thôn Ba 1, xã Trung Hà', 'Thường trú'],
      ['Lường Thị Hưởng', '12/03/1995', 'Nữ', '008195004321', 'Thôn Nà Coóc, xã Trung Hà', 'Tạm trú'],
      ['Lường Thị Hưởng', '12/03/1995', 'Nữ', '008195004321', 'Thôn Nà Coóc, xã Trung Hà', 'Thường trú'],
    ];
    const check = async (kind: 'support68' | 'registration', list: string[][]) => {
      const { checked } = await importAndCheck(db, await listWorkbook(list, { header: listHeader }), 'nq68.xlsx', kind);
      return checked.entries.map((e) => [e.status, e.differences]);
    };
    expect(await check('support68', [rows[0]!, rows[1]!])).toEqual([
      ['matched', []],
      ['matched', []],
    ]);
    // She lives in Nà Coóc only temporarily: claiming thường trú there differs from the registry.
    expect(await check('support68', [rows[2]!])).toEqual([['mismatched', ['address']]]);
    // A registration list does not ask which residence: either address agrees.
    expect(await check('registration', [rows[2]!])).toEqual([['matched', []]]);
  });
});
