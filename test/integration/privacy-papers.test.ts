/**
 * Issue 21: a citizen's request prints everything the app holds about them — read back from the
 * PDF — and deletes their checkpoint visits on request; the processing record prints the app's state.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import type { App } from '../../src/main/app-context';
import { readLetterhead, saveLetterhead } from '../../src/main/documents/documents';
import { lookupScan } from '../../src/main/lookup/lookup';
import type { EntryView, PrintedFile, ResidentCard } from '../../src/shared/api-contract';
import { tempApp } from '../helpers/app';
import { PEOPLE } from '../helpers/extract-files';
import { NOW, importAndCheck, listWorkbook, seedRegistry } from '../helpers/lists';
import { pdfFonts, pdfText } from '../helpers/pdf';
import { FIRST_SESSION, resultsWorkbook } from '../helpers/results';

const TUONG = '008090012345';

let app: App;
let dir: string;
let cleanup: () => void;
const call = async <T>(channel: string, request: unknown): Promise<T> => {
  const answer = await dispatch(app.ctx, app.handlers, channel, request);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value as T;
};
/** The PDF the page was handed, as a person reads it. */
const readBack = (printed: PrintedFile, name: string): string => {
  expect(printed.opened).toBe(false);
  const file = join(dir, name);
  writeFileSync(file, printed.file!.data);
  expect(pdfFonts(file).every((line) => / yes /.test(line))).toBe(true);
  // Words the layout spread over a line break are joined again.
  return pdfText(file).replace(/\s+/g, ' ');
};

beforeEach(async () => {
  ({ app, dir, cleanup } = tempApp());
  await seedRegistry(app.ctx.db, PEOPLE);
  saveLetterhead(app.ctx.db, { ...readLetterhead(app.ctx.db), signerName: 'Hoàng Văn Chủ' }, new Date());
});
afterEach(() => cleanup());

/** Tường has one of everything: a list row with a proposed correction, a dose, an F0 record, a visit, look-ups. */
async function everythingAboutTuong(): Promise<void> {
  const row = ['Ma Văn Tường', '06/09/1990', 'Nam', TUONG, 'Việt Nam', 'Thôn Ba 1, xã Trung Hà'];
  const { imported } = await importAndCheck(app.ctx.db, await listWorkbook([row]), 'ds-dang-ky.xlsx');
  const { entries } = await call<{ entries: EntryView[] }>('lists-get', { listId: imported.listId });
  await call('lists-resolve', {
    entryId: entries[0]!.id,
    resolution: 'registry_corrected',
    note: 'Giấy khai sinh số 12/1990',
    proposed: { birthDate: '1990-09-06' },
  });
  await importAndCheck(app.ctx.db, await resultsWorkbook(FIRST_SESSION), 'ket-qua-tiem.xlsx', 'results');
  await call('infections-add', { personalId: TUONG, confirmedOn: '2022-02-10', recoveredOn: '2022-02-20', test: 'PCR' });
  const scanned = lookupScan(app.ctx.db, { text: TUONG, place: 'Chốt Km5', direction: 'in' }, NOW, 'vi');
  expect(scanned.ok).toBe(true);
}

describe("a citizen's request", () => {
  it('prints every kind of data the app holds about the person, in the state format', async () => {
    await everythingAboutTuong();
    const card = await call<ResidentCard>('residents-card', { residentId: TUONG });
    expect(card.lists.map((l) => l.fileName)).toEqual(['ds-dang-ky.xlsx', 'ket-qua-tiem.xlsx']);
    expect(card.doses).toMatchObject([{ vaccinationDate: '2021-11-01', lot: 'NJ0342', dose: 1 }]);
    expect(card.infections).toEqual([{ confirmedOn: '2022-02-10', recoveredOn: '2022-02-20', test: 'PCR' }]);
    expect(card.visits).toMatchObject([{ place: 'Chốt Km5', direction: 'in' }]);
    expect(card.changes).toMatchObject([{ kind: 'correction', status: 'pending', evidence: 'Giấy khai sinh số 12/1990' }]);
    expect(card.sources.find((s) => s.field === 'fullName')?.extract?.fileName).toBe('registry.csv');

    const text = readBack(await call<PrintedFile>('citizen-report', { residentId: TUONG }), 'cong-dan.pdf');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'THÔNG BÁO',
      'Dữ liệu cá nhân của ông/bà Ma Văn Tường, số định danh cá nhân 008090012345',
      // 1. the record and where each field came from
      '1. Thông tin trong bản trích xuất CSDL quốc gia về dân cư',
      'Tệp trích xuất registry.csv',
      // 2. lists and results
      '2. Danh sách có tên công dân',
      'ds-dang-ky.xlsx',
      'Sai lệch, Ngày sinh',
      'ket-qua-tiem.xlsx',
      // 3. doses, 4. F0
      '3. Mũi tiêm chủng',
      'NJ0342',
      '4. Thông tin F0',
      '10/02/2022 20/02/2022 PCR',
      // 5. visits, 6. pending changes, 7. who looked
      '5. Lượt qua chốt kiểm soát',
      'Chốt Km5',
      '6. Đề nghị điều chỉnh CSDL',
      'Giấy khai sinh số 12/1990',
      'Chờ gửi',
      '7. Những lần thông tin của công dân được tra cứu',
      'Mở thông tin',
      'Tra cứu tại bàn',
      'In dữ liệu cá nhân',
      'Yêu cầu của công dân',
      'Hoàng Văn Chủ',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Không có.');
    const audited = app.ctx.db.prepare("SELECT subject, details FROM audit_log WHERE action = 'privacy.print'").get();
    expect(audited).toEqual({ subject: expect.stringMatching(/^resident:\d+$/), details: '{"kind":"citizen-report"}' });
  });

  it('deletes the person’s checkpoint visits on request, audited with the count', async () => {
    await everythingAboutTuong();
    lookupScan(app.ctx.db, { text: TUONG, place: 'Trụ sở UBND', direction: 'visit' }, NOW, 'vi');
    expect(await call('citizen-delete-visits', { residentId: TUONG })).toEqual({ deleted: 2 });
    expect((await call<ResidentCard>('residents-card', { residentId: TUONG })).visits).toEqual([]);
    const audited = app.ctx.db.prepare("SELECT details FROM audit_log WHERE action = 'visits.delete'").get() as {
      details: string;
    };
    expect(JSON.parse(audited.details)).toEqual({ visits: 2, reason: 'citizen-request' });
    const log = await call<{ action: string; context: string }[]>('access-log', { residentId: TUONG });
    // Newest first: the card opened after the deletion, then the deletion itself.
    expect(log.slice(0, 2)).toMatchObject([{ action: 'open' }, { action: 'delete', context: 'citizen-request' }]);
    expect((await dispatch(app.ctx, app.handlers, 'citizen-report', { residentId: '001099000000' })).ok).toBe(false);
  });
});

describe('the processing record', () => {
  it('prints what is held, from where, for whom, for how long, where backups go and who received data', async () => {
    await everythingAboutTuong();
    await call('users-add', { username: 'canbo', displayName: 'Nguyễn Văn Công', role: 'police', password: 'mat-khau-canbo' });
    await call('retention-set', { visitsDays: 14, listsDays: 180, accessDays: 730 });
    await call('backup-set-folder', { folder: join(dir, 'sao-luu') });
    const text = readBack(await call<PrintedFile>('processing-record-pdf', {}), 'ho-so.pdf');
    for (const expected of [
      'HỒ SƠ XỬ LÝ DỮ LIỆU CÁ NHÂN',
      'Lượt qua chốt',
      'Truy vết F1, F2',
      '14 ngày',
      '180 ngày sau',
      'registry.csv',
      'Trạm Y tế xã Trung Hà',
      'Nguyễn Văn Công (canbo)',
      'Quản trị viên (quantri)',
      'sao-luu',
      'Gói cập nhật được chuyển cho Công an',
      'Tệp dữ liệu CHƯA được mã hóa',
    ])
      expect(text).toContain(expected);
  });
});
