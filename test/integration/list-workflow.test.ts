import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli';
import type { Db } from '../../src/main/db/open-database';
import { readLetterhead, saveLetterhead } from '../../src/main/documents/documents';
import { exportList } from '../../src/main/lists/export-list';
import { importParsedList, rememberedMapping } from '../../src/main/lists/import-list';
import { listEntries, listSummaries } from '../../src/main/lists/list-views';
import { prepareList } from '../../src/main/lists/prepare-list';
import { resolveEntrySafely, unresolveEntry } from '../../src/main/lists/resolve-entry';
import { checkList } from '../../src/main/lists/check-list';
import { tempDatabase } from '../helpers/db';
import { NOW, importAndCheck, listWorkbook, seedRegistry } from '../helpers/lists';
import { REGISTRY_CSV, SHARED_FIXTURES, tempDir } from '../helpers/paths';
import { PEOPLE } from '../helpers/extract-files';

let db: Db;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, cleanup } = tempDatabase());
  await seedRegistry(db, PEOPLE);
  saveLetterhead(db, { ...readLetterhead(db), signerName: 'Hoàng Văn Chủ' }, new Date());
});

/** The returned files, entries still open printed as being verified. */
async function exportPartly(listId: number) {
  const exported = await exportList(db, listId, 'vi', NOW, { by: null, partial: true });
  if (!exported.ok) throw new Error(exported.problem.key);
  return exported.value;
}
afterEach(() => cleanup());

const ROWS = [
  ['Ma Văn Tường', '06/09/1990', 'Nam', '008090012345', 'Việt Nam', 'Thôn Ba 1, xã Trung Hà'],
  ['Hoàng Văn Nghĩa', '08/07/1982', 'Nam', '079082851326', 'Việt Nam', 'Thôn Bản Khiển, xã Trung Hà'],
  ['Lường Thị Hưởng', '12/03/1995', 'Nữ', '=cmd|calc', 'Việt Nam', 'Thôn Nà Coóc'],
];

async function receive() {
  const { imported } = await importAndCheck(db, await listWorkbook(ROWS));
  const entries = listEntries(db, imported.listId);
  return { listId: imported.listId, entries };
}

function changes() {
  return db.prepare('SELECT kind, fields, evidence, status, list_entry_id FROM resident_changes ORDER BY id').all() as {
    kind: string;
    fields: string;
    evidence: string | null;
  }[];
}

describe('resolutions', () => {
  it('records who corrected the list from the registry, and when', async () => {
    const { entries } = await receive();
    const result = resolveEntrySafely(db, { entryId: entries[0]!.id, resolution: 'list_corrected', by: 'Nông Văn Hải' }, NOW);
    expect(result).toMatchObject({
      ok: true,
      value: { resolution: 'list_corrected', resolvedBy: 'Nông Văn Hải', resolvedAt: NOW.toISOString() },
    });
    expect(changes()).toEqual([]);
  });

  it('turns a registry correction into a change awaiting export, with its evidence, and undo removes it', async () => {
    const { entries } = await receive();
    const refused = resolveEntrySafely(db, { entryId: entries[0]!.id, resolution: 'registry_corrected', by: 'Hải' }, NOW);
    expect(refused).toMatchObject({ ok: false, problem: { key: 'resolve.noteNeeded' } });
    resolveEntrySafely(
      db,
      { entryId: entries[0]!.id, resolution: 'registry_corrected', note: 'Giấy khai sinh số 12/1990', by: 'Hải' },
      NOW,
    );
    expect(changes()).toEqual([
      expect.objectContaining({
        kind: 'correction',
        fields: JSON.stringify({ birthDate: '1990-09-06' }),
        evidence: 'Giấy khai sinh số 12/1990',
        status: 'pending',
      }),
    ]);
    expect(unresolveEntry(db, entries[0]!.id)).toMatchObject({ ok: true, value: { resolution: null } });
    expect(changes()).toEqual([]);
  });

  it('collects a person the registry does not have as a new resident awaiting export', async () => {
    const { entries } = await receive();
    expect(entries[1]!.status).toBe('not_found');
    // The form is required: a bare "collected" says what to fill in.
    expect(resolveEntrySafely(db, { entryId: entries[1]!.id, resolution: 'collected', by: 'Hải' }, NOW)).toMatchObject({
      ok: false,
      problem: { key: 'resolve.newResidentNeeded' },
    });
    const newResident = {
      fullName: 'Hoàng Văn Nghĩa',
      birthDate: '1982-07-08',
      sex: 'male' as const,
      personalId: '079082851326',
      ethnicity: 'Tày',
      nationality: 'Việt Nam',
      permanentAddress: 'Thôn Bản Khiển, xã Trung Hà, tỉnh Tuyên Quang',
      currentAddress: null,
    };
    const collected = resolveEntrySafely(
      db,
      { entryId: entries[1]!.id, resolution: 'collected', note: 'Giấy khai sinh', newResident, by: 'Hải' },
      NOW,
    );
    expect(collected).toMatchObject({ ok: true, value: { collected: newResident } });
    expect(changes()).toEqual([expect.objectContaining({ kind: 'new', status: 'pending' })]);
    expect(JSON.parse(changes()[0]!.fields)).toEqual(newResident);
  });

  it('refuses a resolution that does not fit the status', async () => {
    const { entries } = await receive();
    expect(resolveEntrySafely(db, { entryId: entries[1]!.id, resolution: 'list_corrected', by: 'Hải' }, NOW)).toMatchObject({
      ok: false,
      problem: { key: 'resolve.notAllowed' },
    });
    expect(resolveEntrySafely(db, { entryId: 999999, resolution: 'referred', by: 'Hải' }, NOW)).toMatchObject({ ok: false });
  });

  it('lets an officer choose among ambiguous candidates, and undo the choice', async () => {
    await seedRegistry(db, [
      ['1', '008190004444', '', 'Nguyễn Văn An', '01/02/1990', 'Nam', 'Kinh', 'Việt Nam', 'Thôn Ba 2, xã Trung Hà'],
      ['2', '008190005555', '', 'Nguyễn Văn An', '15/07/1990', 'Nam', 'Kinh', 'Việt Nam', 'Thôn Ba 2, xã Trung Hà'],
    ]);
    const { imported } = await importAndCheck(
      db,
      await listWorkbook([['Nguyễn Văn An', '1990', 'Nam', null, 'Việt Nam', 'Thôn Ba 2']]),
    );
    const [entry] = listEntries(db, imported.listId);
    expect(entry!.status).toBe('ambiguous');
    expect(entry!.candidates.map((c) => c.personalId).sort()).toEqual(['008190004444', '008190005555']);
    const chosen = entry!.candidates.find((c) => c.personalId === '008190005555')!;
    const done = resolveEntrySafely(
      db,
      { entryId: entry!.id, resolution: 'candidate_chosen', candidateId: chosen.id, by: 'Hải' },
      NOW,
    );
    expect(done).toMatchObject({ ok: true, value: { status: 'matched', resident: { personalId: '008190005555' } } });
    expect(
      resolveEntrySafely(db, { entryId: entry!.id, resolution: 'candidate_chosen', candidateId: 1, by: 'Hải' }, NOW),
    ).toMatchObject({
      ok: false,
      problem: { key: 'resolve.notACandidate' },
    });
    expect(unresolveEntry(db, entry!.id)).toMatchObject({ ok: true, value: { status: 'ambiguous', resident: null } });
  });
});

describe('deadline', () => {
  it('is 2 days after the date drawn up; the date comes from the option, else the sheet, else today', async () => {
    const parsed = await prepareList(await listWorkbook(ROWS), 'ds.xlsx');
    if (!parsed.ok) throw new Error(parsed.problem.key);
    const fromSheet = importParsedList(db, parsed.value, { kind: 'registration', source: 'Trạm', now: NOW, locale: 'vi' });
    const fromOption = importParsedList(db, parsed.value, {
      kind: 'registration',
      source: 'Trạm',
      drawnUp: '2026-11-26',
      now: NOW,
      locale: 'vi',
    });
    const noDate = { ...parsed.value, drawnUpInSheet: null };
    const today = importParsedList(db, noDate, { kind: 'registration', source: 'Trạm', now: NOW, locale: 'vi' });
    const summaries = listSummaries(db, NOW);
    const byId = (r: typeof fromSheet) => summaries.find((s) => r.ok && s.id === r.value.listId)!;
    expect(byId(fromSheet)).toMatchObject({ drawnUp: '2021-11-20', dueDate: '2021-11-22', overdue: true });
    expect(byId(fromOption)).toMatchObject({ drawnUp: '2026-11-26', dueDate: '2026-11-28', daysLeft: 1, overdue: false });
    expect(byId(today)).toMatchObject({ drawnUp: '2026-11-27', dueDate: '2026-11-29', daysLeft: 2 });
  });
});

describe('remembered column mapping', () => {
  it('is kept per source and used for the next list from it', async () => {
    const parsed = await prepareList(await listWorkbook(ROWS), 'ds.xlsx');
    if (!parsed.ok) throw new Error(parsed.problem.key);
    const mapping = { ...parsed.value.mapping, address: undefined, note: parsed.value.mapping.address };
    importParsedList(db, parsed.value, { kind: 'registration', source: 'Trạm A', mapping, now: NOW, locale: 'vi' });
    expect(rememberedMapping(db, 'Trạm A', parsed.value.columnTitles)).toMatchObject({ note: parsed.value.mapping.address });
    expect(rememberedMapping(db, 'Trạm B', parsed.value.columnTitles)).toBeNull();
  });
});

describe('the returned list', () => {
  it('is the .xlsx it arrived as, with result columns added and formula-like text neutralised', async () => {
    const { listId, entries } = await receive();
    resolveEntrySafely(db, { entryId: entries[0]!.id, resolution: 'list_corrected', by: 'Hải' }, NOW);
    const files = await exportPartly(listId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(files.files[0]!.data) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('TRẠM Y TẾ XÃ TRUNG HÀ');
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Số CMND/CCCD',
      'Quốc tịch',
      'Địa chỉ',
      'Kết quả đối chiếu',
      'Thông tin sai lệch',
      'Số định danh (CSDL)',
      'Họ và tên (CSDL)',
      'Ngày sinh (CSDL)',
      'Giới tính (CSDL)',
      'Nơi thường trú (CSDL)',
      'Xử lý',
    ]);
    expect(sheet.getRow(5).getCell(8).value).toBe('Sai lệch');
    expect(sheet.getRow(5).getCell(9).value).toBe('Ngày sinh');
    expect(sheet.getRow(5).getCell(10).value).toBe('008090012345');
    // The registry's birth date is a real date, shown day first; the registry ID stays text with its zeros.
    expect(sheet.getRow(5).getCell(12).value).toEqual(new Date('1990-08-06T00:00:00Z'));
    expect(sheet.getRow(5).getCell(12).numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getRow(5).getCell(10).numFmt).toBe('@');
    // The header is frozen and the result columns fit their content.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.getColumn(15).width).toBeGreaterThanOrEqual('Sửa danh sách theo CSDL'.length);
    expect(sheet.getRow(5).getCell(15).value).toBe('Sửa danh sách theo CSDL');
    expect(sheet.getRow(6).getCell(8).value).toBe('Không có trong CSDL');
    expect(sheet.getRow(7).getCell(2).value).toBe('Lường Thị Hưởng');
    // The station's own cell stays text; Excel will not run it.
    expect(sheet.getRow(7).getCell(5).value).toBe('=cmd|calc');
    expect(sheet.getRow(7).getCell(5).formula).toBeUndefined();
    expect(listSummaries(db, NOW)[0]!.returnedAt).toBe(NOW.toISOString());
  });

  it('from a CSV is a new .xlsx with the same rows, formula-like text neutralised', async () => {
    const csv = [
      'STT,Họ và tên,Ngày sinh,Giới tính,Số CMND/CCCD',
      '1,Ma Văn Tường,06/08/1990,Nam,008090012345',
      '2,=HYPERLINK("x"),01/01/1990,Nam,',
    ].join('\r\n');
    const { imported } = await importAndCheck(db, new TextEncoder().encode(csv), 'ds.csv');
    const files = await exportPartly(imported.listId);
    expect(files.files[0]!.fileName).toBe('ds-ket-qua.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(files.files[0]!.data) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Họ và tên');
    expect(sheet.getRow(2).getCell(6).value).toBe('Khớp');
    expect(sheet.getRow(3).getCell(2).value).toBe(`'=HYPERLINK("x")`);
    expect(sheet.getRow(3).getCell(2).formula).toBeUndefined();
  });

  it('is a PDF with every name in Vietnamese, its fonts embedded', async () => {
    const { listId } = await receive();
    const files = await exportPartly(listId);
    const { dir, cleanup: done } = tempDir();
    try {
      const file = join(dir, 'kq.pdf');
      writeFileSync(file, files.files[1]!.data);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const name of ['Ma Văn Tường', 'Hoàng Văn Nghĩa', 'Lường Thị Hưởng', 'Không có trong', 'Sai lệch'])
        expect(text).toContain(name);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line).toMatch(/Tinos.*\byes\s+yes\s+yes\b/);
    } finally {
      done();
    }
  });
});

describe('doichieu list', () => {
  it('imports, checks and exports through the CLI, with the contract shapes', async () => {
    const { dir, cleanup: done } = tempDir();
    try {
      const dbFile = join(dir, 'cli.sqlite');
      const io = () => {
        const out = { stdout: '', stderr: '' };
        return {
          out,
          io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), env: {}, now: () => NOW },
        };
      };
      let run = io();
      expect(await runCli(['registry', 'import', REGISTRY_CSV, '--db', dbFile], run.io)).toBe(0);
      run = io();
      const list = join(SHARED_FIXTURES, 'verification', 'list.xlsx');
      expect(
        await runCli(['list', 'import', list, '--date', '2021-11-10', '--source', 'Trạm Y tế', '--db', dbFile, '--json'], run.io),
      ).toBe(0);
      expect(JSON.parse(run.out.stdout)).toEqual({ listId: 1, rows: 400, errors: [] });
      run = io();
      expect(await runCli(['list', 'check', '1', '--db', dbFile, '--json'], run.io)).toBe(0);
      const checked = JSON.parse(run.out.stdout);
      expect(Object.keys(checked)).toEqual(['listId', 'summary', 'entries']);
      expect(checked.summary).toEqual({
        matched: 231,
        mismatched: 111,
        not_found: 38,
        foreign: 9,
        duplicate: 11,
        ambiguous: 0,
        invalid: 0,
      });
      expect(Object.keys(checked.entries[0])).toEqual(['row', 'status', 'personalId', 'differences']);
      run = io();
      const xlsx = join(dir, 'kq.xlsx');
      const pdf = join(dir, 'kq.pdf');
      // Entries still need action: refused with the counts, nothing printed.
      // (A signer given with a refused export is not kept either: refused input changes nothing.)
      const refused = ['list', 'export', '1', '--xlsx', xlsx, '--pdf', pdf, '--signer', 'Người Khác', '--db', dbFile, '--json'];
      expect(await runCli(refused, run.io)).toBe(1);
      expect(run.out.stderr).toMatch(/còn 149 dòng cần xử lý \(Sai lệch: 111; Không có trong CSDL: 38\)/);
      expect(existsSync(pdf)).toBe(false);
      run = io();
      // Partly, and with the signer's name the paper needs.
      const args = ['list', 'export', '1', '--xlsx', xlsx, '--pdf', pdf, '--partial', '--signer', 'Hoàng Văn Chủ'];
      expect(await runCli([...args, '--db', dbFile, '--json'], run.io)).toBe(0);
      expect(JSON.parse(run.out.stdout)).toEqual({
        files: [xlsx, pdf],
        documentNumber: '1/DS-UBND',
        version: 1,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      // Every row that is not matched says how it stands; duplicates name the row they repeat;
      // matched people are printed as the registry spells them; the signer's name is under the block.
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text.match(/Đang xác minh/g)).toHaveLength(149);
      expect(text.match(/Không xác minh/g)).toHaveLength(9);
      expect(text.match(/Trùng với dòng \d+/g)).toHaveLength(11);
      expect(text).toContain('Triệu Tiến Đạt');
      expect(text).not.toContain('TRIỆU TIẾN ĐẠT');
      expect(text).toContain('Hoàng Văn Chủ');
      expect(text).not.toContain('Người Khác');
      expect(text).toMatch(/Số định danh \//);
      expect(text).toMatch(/số hộ chiếu/);
      // Nguyễn Thị Khoa is the 9th person on the paper and again the 64th.
      expect(text).toMatch(/ 9 +Nguyễn Thị Khoa .*Khớp/);
      expect(text).toMatch(/64 +NGUYỄN THỊ KHOA .*Trùng với dòng 9\b/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsx);
      const handling = workbook.worksheets[0]!.getColumn(workbook.worksheets[0]!.actualColumnCount).values;
      expect(handling.filter((v) => v === 'Đang xác minh')).toHaveLength(149);
      run = io();
      expect(await runCli(['list', 'check', '99', '--db', dbFile], run.io)).toBe(1);
      expect(run.out.stderr).toMatch(/Không có danh sách số 99/);
      expect(await runCli(['list', 'import', list, '--kind', 'other', '--db', dbFile], io().io)).toBe(2);
    } finally {
      done();
    }
  });

  it('re-checks a list after the registry changed', async () => {
    const { listId } = await receive();
    expect(listEntries(db, listId)[1]!.status).toBe('not_found');
    await seedRegistry(db, [
      ['9', '079082851326', '', 'Hoàng Văn Nghĩa', '08/07/1982', 'Nam', 'Kinh', 'Việt Nam', 'Thôn Bản Khiển, xã Trung Hà'],
    ]);
    checkList(db, listId, NOW);
    expect(listEntries(db, listId)[1]!.status).toBe('matched');
  });
});
