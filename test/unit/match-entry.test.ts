/**
 * `matchEntry` and the duplicate pass of `checkList`, rule by rule from DESIGN.md §4 ("An entry is
 * found by its ID…") and docs/architecture.md ("Lists and the check"). The registry is a handful of
 * residents behind look-ups that do what `registryLookups` promises, so each rule is seen on its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkList, matchEntry, type EntryRow, type MatchRow, type RegistryLookups } from '../../src/main/lists/check-list';
import { datesConsistent } from '../../src/shared/dates';
import { matchKey } from '../../src/shared/text/normalize';
import type { Sex } from '../../src/shared/types';
import { tempDatabase } from '../helpers/db';

const ADDRESS = 'Thôn Ba 1, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang';

function resident(
  id: number,
  personalId: string,
  fullName: string,
  birthDate: string | null,
  sex: Sex | null,
  oldId: string | null = null,
): MatchRow {
  return {
    id,
    personal_id: personalId,
    old_id: oldId,
    full_name: fullName,
    birth_date: birthDate,
    sex,
    permanent_address: ADDRESS,
    current_address: null,
  };
}

const AN = resident(1, '001090000001', 'Nguyễn Văn An', '1990-05-12', 'male', '012345678');
const BINH = resident(2, '001185000002', 'Trần Thị Bình', '1985-03-04', 'female');
const CUONG_A = resident(3, '001070000003', 'Lê Văn Cường', '1970-01-01', 'male');
const CUONG_B = resident(4, '001070000004', 'Lê Văn Cường', '1970-01-01', 'male');
const DUNG = resident(5, '002200000005', 'Hoàng Thị Dung', '2000-02-08', 'female');
const HOA = resident(6, '002195000006', 'Nông Thị Hòa', '1995-07-20', 'female');
const HOA_TWIN = resident(7, '002195000007', 'Nông Thị Hoa', '1995-07-20', 'female');
// Two residents sharing an old CMND number (issued per province): only the name tells them apart.
const SHARED_1 = resident(8, '001060000008', 'Vũ Văn Giang', '1960-01-01', 'male', '111222333');
const SHARED_2 = resident(9, '036060000009', 'Đỗ Thị Hạnh', '1960-01-01', 'female', '111222333');

const REGISTRY = [AN, BINH, CUONG_A, CUONG_B, DUNG, HOA, HOA_TWIN, SHARED_1, SHARED_2];

/** Look-ups over REGISTRY with the contract of `registryLookups`. */
function lookups(registry: readonly MatchRow[] = REGISTRY): RegistryLookups {
  return {
    byId: (id: string) => registry.filter((r) => (id.length === 12 ? r.personal_id === id : r.old_id === id)),
    byName: (key: string, birthDate: string, sex: Sex | null) =>
      registry.filter(
        (r) =>
          matchKey(r.full_name) === key &&
          r.birth_date !== null &&
          datesConsistent(birthDate, r.birth_date) &&
          (sex === null || r.sex === null || r.sex === sex),
      ),
    byBirth: (date: string, sex: Sex) => registry.filter((r) => r.birth_date === date && r.sex === sex),
  };
}

let nextId = 1;
function entry(fields: Partial<EntryRow>): EntryRow {
  const id = nextId++;
  return {
    id,
    row: id,
    full_name: null,
    birth_date: null,
    sex: null,
    id_number: null,
    nationality: null,
    address: null,
    ...fields,
  };
}

function match(fields: Partial<EntryRow>, registry?: readonly MatchRow[]) {
  const outcome = matchEntry(entry(fields), lookups(registry));
  return { ...outcome, residentId: outcome.resident?.id ?? null };
}

describe('matchEntry: an ID that finds one resident', () => {
  it('links the resident it finds; every field agreeing is `matched`', () => {
    const r = match({
      full_name: 'Nguyễn Văn An',
      birth_date: '1990-05-12',
      sex: 'male',
      id_number: '001090000001',
      address: ADDRESS,
    });
    expect(r).toMatchObject({ status: 'matched', residentId: AN.id, differences: [], candidates: [] });
  });

  it('links on the ID alone when the list gives nothing else but the name', () => {
    expect(match({ full_name: 'Nguyễn Văn An', id_number: '001090000001' })).toMatchObject({
      status: 'matched',
      residentId: AN.id,
    });
  });

  it('finds the resident by an old CMND number too', () => {
    expect(match({ full_name: 'Nguyễn Văn An', id_number: '012345678' })).toMatchObject({
      status: 'matched',
      residentId: AN.id,
      differences: [],
    });
  });

  it('reads an ID that lost its leading zeros as the ID (not a difference)', () => {
    expect(match({ full_name: 'Nguyễn Văn An', birth_date: '1990-05-12', id_number: '1090000001' })).toMatchObject({
      status: 'matched',
      residentId: AN.id,
      differences: [],
    });
    expect(match({ full_name: 'Nguyễn Văn An', id_number: '12345678' })).toMatchObject({ status: 'matched', residentId: AN.id });
    expect(match({ full_name: 'Nguyễn Văn An', id_number: "'001 090 000 001" })).toMatchObject({
      status: 'matched',
      residentId: AN.id,
    });
  });

  it('keeps the link when the name is the same person spelt differently, and reports the name', () => {
    // Without diacritics: the same person, but the name differs (DESIGN §4).
    expect(match({ full_name: 'Nguyen Van An', id_number: '001090000001' })).toMatchObject({
      status: 'mismatched',
      residentId: AN.id,
      differences: ['fullName'],
    });
    // One letter off: still this person.
    expect(match({ full_name: 'Nguyễn Văn Anh', id_number: '001090000001' })).toMatchObject({
      status: 'mismatched',
      residentId: AN.id,
      differences: ['fullName'],
    });
  });

  it('reports the fields that differ on the linked resident', () => {
    expect(
      match({
        full_name: 'Nguyễn Văn An',
        birth_date: '1990-05-13',
        sex: 'female',
        id_number: '001090000001',
        address: 'Thôn Ba 2, xã Trung Hà',
      }),
    ).toMatchObject({ status: 'mismatched', residentId: AN.id, differences: ['birthDate', 'sex', 'address'] });
  });

  it("links the person named when the name and birth date are clearly another resident's; personalId differs", () => {
    const r = match({ full_name: 'Trần Thị Bình', birth_date: '1985-03-04', sex: 'female', id_number: '001090000001' });
    expect(r).toMatchObject({ status: 'mismatched', residentId: BINH.id, differences: ['personalId'] });
  });

  it('is `ambiguous` when the ID points to one resident and the name and birth date to several others', () => {
    const r = match({ full_name: 'Lê Văn Cường', birth_date: '1970-01-01', sex: 'male', id_number: '001090000001' });
    expect(r.status).toBe('ambiguous');
    expect([...r.candidates].sort()).toEqual([CUONG_A.id, CUONG_B.id]);
    expect(r.resident).toBeNull();
  });

  it('is `not_found` when the name is clearly another person, nobody has it, and the birth date disagrees too', () => {
    expect(
      match({ full_name: 'Phạm Minh Tuấn', birth_date: '1999-09-09', sex: 'male', id_number: '001090000001' }),
    ).toMatchObject({
      status: 'not_found',
      residentId: null,
    });
  });

  it("keeps the ID's resident when the name is another but nobody has it and the birth date agrees (the name differs)", () => {
    expect(
      match({ full_name: 'Phạm Minh Tuấn', birth_date: '1990-05-12', sex: 'male', id_number: '001090000001' }),
    ).toMatchObject({
      status: 'mismatched',
      residentId: AN.id,
      differences: ['fullName'],
    });
  });

  it('tells apart residents sharing an old CMND number by the name', () => {
    expect(match({ full_name: 'Đỗ Thị Hạnh', id_number: '111222333' })).toMatchObject({
      status: 'matched',
      residentId: SHARED_2.id,
    });
    const r = match({ full_name: 'Phan Văn Khải', id_number: '111222333' });
    expect(r.status).toBe('ambiguous');
    expect([...r.candidates].sort()).toEqual([SHARED_1.id, SHARED_2.id]);
  });
});

describe('matchEntry: without a usable ID', () => {
  it('links the one resident whose name key, birth date and sex fit', () => {
    expect(match({ full_name: 'Trần Thị Bình', birth_date: '1985-03-04', sex: 'female' })).toMatchObject({
      status: 'matched',
      residentId: BINH.id,
      differences: [],
    });
  });

  it('ignores case, spacing, Unicode form and tone placement in the name', () => {
    expect(match({ full_name: '  TRẦN   thị BÌNH ', birth_date: '1985-03-04', sex: 'female' })).toMatchObject({
      status: 'matched',
      residentId: BINH.id,
    });
    expect(match({ full_name: 'Trần Thị Bình'.normalize('NFD'), birth_date: '1985-03-04', sex: 'female' })).toMatchObject({
      status: 'matched',
      residentId: BINH.id,
    });
    expect(match({ full_name: 'Nông Thị Hoà', birth_date: '1995-07-20', sex: 'female' }, [HOA])).toMatchObject({
      status: 'matched',
      residentId: HOA.id,
    });
  });

  it('accepts a partial birth date that contains the full one', () => {
    expect(match({ full_name: 'Trần Thị Bình', birth_date: '1985', sex: 'female' })).toMatchObject({
      status: 'matched',
      residentId: BINH.id,
    });
    expect(match({ full_name: 'Trần Thị Bình', birth_date: '1985-03' })).toMatchObject({
      status: 'matched',
      residentId: BINH.id,
    });
    expect(match({ full_name: 'Trần Thị Bình', birth_date: '1985-04', sex: 'female' }).status).toBe('not_found');
  });

  it('links a name without diacritics to the one resident it fits, reporting the name', () => {
    expect(match({ full_name: 'Tran Thi Binh', birth_date: '1985-03-04', sex: 'female' })).toMatchObject({
      status: 'mismatched',
      residentId: BINH.id,
      differences: ['fullName'],
    });
  });

  it('does not link when the sex or the day differs', () => {
    expect(match({ full_name: 'Trần Thị Bình', birth_date: '1985-03-04', sex: 'male' }).status).toBe('not_found');
    expect(match({ full_name: 'Trần Thị Bình', birth_date: '1985-03-05', sex: 'female' }).status).toBe('not_found');
  });

  it('is `ambiguous` with the candidates when several residents fit equally', () => {
    const r = match({ full_name: 'Lê Văn Cường', birth_date: '1970-01-01', sex: 'male' });
    expect(r).toMatchObject({ status: 'ambiguous', resident: null, differences: [] });
    expect([...r.candidates].sort()).toEqual([CUONG_A.id, CUONG_B.id]);
    // Hòa and Hoa share the accent-free key: both fit a name typed without accents.
    expect(match({ full_name: 'Nong Thi Hoa', birth_date: '1995', sex: 'female' }).status).toBe('ambiguous');
  });

  it('finds the person through one misspelt letter when the full birth date and sex agree', () => {
    for (const misspelt of ['Hoàng Thị Dunq', 'Hoàng Thị Dug', 'Hoàng Thị Dungg', 'Hoàng Thị Dnug', 'Hoang Thi Xung'])
      expect(match({ full_name: misspelt, birth_date: '2000-02-08', sex: 'female' }), misspelt).toMatchObject({
        status: 'mismatched',
        residentId: DUNG.id,
        differences: ['fullName'],
      });
  });

  it('does not use a misspelt name without the full birth date and the sex, or with two letters wrong', () => {
    expect(match({ full_name: 'Hoàng Thị Dunq', birth_date: '2000-02', sex: 'female' }).status).toBe('not_found');
    expect(match({ full_name: 'Hoàng Thị Dunq', birth_date: '2000', sex: 'female' }).status).toBe('not_found');
    expect(match({ full_name: 'Hoàng Thị Dunq', birth_date: '2000-02-08' }).status).toBe('not_found');
    expect(match({ full_name: 'Hoàng Thị Dinq', birth_date: '2000-02-08', sex: 'female' }).status).toBe('not_found');
  });

  it('is `ambiguous` when one misspelt letter fits several residents', () => {
    const twins = [
      resident(20, '002200000020', 'Hoàng Thị Dung', '2000-02-08', 'female'),
      resident(21, '002200000021', 'Hoàng Thị Dunh', '2000-02-08', 'female'),
    ];
    const r = match({ full_name: 'Hoàng Thị Dunx', birth_date: '2000-02-08', sex: 'female' }, twins);
    expect(r.status).toBe('ambiguous');
    expect([...r.candidates].sort()).toEqual([20, 21]);
  });

  it('finds the person named when the ID has a wrong digit, and reports personalId', () => {
    expect(
      match({ full_name: 'Trần Thị Bình', birth_date: '1985-03-04', sex: 'female', id_number: '001185000009' }),
    ).toMatchObject({
      status: 'mismatched',
      residentId: BINH.id,
      differences: ['personalId'],
    });
  });

  it('is `not_found` when nobody fits', () => {
    expect(match({ full_name: 'Phạm Minh Tuấn', birth_date: '1999-09-09', sex: 'male' }).status).toBe('not_found');
    expect(match({ full_name: 'Phạm Minh Tuấn', id_number: '001099999999' }).status).toBe('not_found');
  });
});

describe('matchEntry: entries that cannot be matched', () => {
  it('never links a bare name, even one a single resident has', () => {
    for (const fields of [
      { full_name: 'Trần Thị Bình' },
      { full_name: 'Trần Thị Bình', sex: 'female' as const },
      { full_name: 'Trần Thị Bình', address: ADDRESS },
    ]) {
      const r = match(fields);
      expect(r.status).toBe('invalid');
      expect(r.resident).toBeNull();
    }
  });

  it('is `invalid` without a name, whatever else the row has', () => {
    expect(match({ birth_date: '1990-05-12', sex: 'male', id_number: '001090000001' })).toMatchObject({
      status: 'invalid',
      resident: null,
    });
  });

  it('is `foreign` for another nationality, without looking anyone up', () => {
    expect(match({ full_name: 'John Smith', birth_date: '1980-01-01', nationality: 'Hoa Kỳ' })).toMatchObject({
      status: 'foreign',
      resident: null,
    });
    expect(match({ full_name: 'Nguyễn Văn An', id_number: '001090000001', nationality: 'Lào' }).status).toBe('foreign');
  });

  it('treats Việt Nam, however written, and a blank nationality as Vietnamese', () => {
    for (const nationality of ['Việt Nam', 'VIỆT NAM', 'Viet Nam', 'VN', null])
      expect(match({ full_name: 'Nguyễn Văn An', id_number: '001090000001', nationality }).status, String(nationality)).toBe(
        'matched',
      );
  });
});

describe('checkList: duplicates within a list', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('marks later entries of a linked resident, or of the same unknown person, `duplicate`', () => {
    const { db, cleanup } = tempDatabase();
    cleanups.push(cleanup);
    const insertResident = db.prepare(
      `INSERT INTO residents (personal_id, old_id, full_name, name_key, reversed_key, birth_date, birth_year, sex)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of [AN, BINH])
      insertResident.run(
        r.personal_id,
        r.old_id,
        r.full_name,
        matchKey(r.full_name),
        matchKey(r.full_name).split(' ').reverse().join(' '),
        r.birth_date,
        Number(r.birth_date!.slice(0, 4)),
        r.sex,
      );
    const listId = Number(
      db
        .prepare(
          `INSERT INTO lists (kind, source, file_name, file_sha256, file_data, sheet_name, header_row, columns, mapping, drawn_up, drawn_up_from, created_at)
           VALUES ('registration', 'test', 'list.xlsx', ?, x'00', 'Sheet1', 1, '[]', '{}', '2021-11-10', 'option', '2021-11-10T00:00:00Z')`,
        )
        .run('0'.repeat(64)).lastInsertRowid,
    );
    const rows: Partial<EntryRow>[] = [
      { full_name: 'Nguyễn Văn An', id_number: '001090000001' }, // 1 matched
      { full_name: 'Nguyen Van An', birth_date: '1990-05-12', sex: 'male' }, // 2 same resident by name → duplicate
      { full_name: 'Trần Thị Bình', birth_date: '1985-03-04', sex: 'female' }, // 3 matched
      { full_name: 'Phạm Minh Tuấn', birth_date: '1999-09-09', sex: 'male' }, // 4 not_found
      { full_name: 'PHẠM MINH TUẤN', birth_date: '1999-09-09', sex: 'male' }, // 5 same unknown person → duplicate
      { full_name: 'Phạm Minh Tuấn', birth_date: '1999-09-09', sex: 'female' }, // 6 another unknown person
      { full_name: 'Lò Văn Páo', id_number: '001099999999' }, // 7 not_found
      { full_name: 'Lò Văn Páo', id_number: '1099999999' }, // 8 same unknown ID (lost zeros) → duplicate
      { full_name: 'Trần Thị Bình', id_number: '001185000002' }, // 9 same resident by ID → duplicate
    ];
    const insertEntry = db.prepare(
      `INSERT INTO list_entries (list_id, row, cells, full_name, birth_date, sex, id_number) VALUES (?, ?, '[]', ?, ?, ?, ?)`,
    );
    rows.forEach((r, i) =>
      insertEntry.run(listId, i + 1, r.full_name ?? null, r.birth_date ?? null, r.sex ?? null, r.id_number ?? null),
    );
    const result = checkList(db, listId, new Date('2021-11-10T03:00:00Z'))!;
    expect(result.entries.map((e) => e.status)).toEqual([
      'matched',
      'duplicate',
      'matched',
      'not_found',
      'duplicate',
      'not_found',
      'not_found',
      'duplicate',
      'duplicate',
    ]);
    expect(result.summary).toMatchObject({ matched: 2, duplicate: 4, not_found: 3 });
  });
});
