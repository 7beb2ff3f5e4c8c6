import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app-context';
import { dispatch } from '../../src/main/api/dispatch';
import type { ApiResponse, Channel, ImportPreview, JobStatus, ListPreview, RequestOf } from '../../src/shared/api-contract';
import { listWorkbook } from '../helpers/lists';
import { PEOPLE, csvText, utf8Bom } from '../helpers/extract-files';
import { tempApp } from '../helpers/app';

let app: App;
let cleanup: () => void;
beforeEach(() => ({ app, cleanup } = tempApp()));
afterEach(() => cleanup());

async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ApiResponse<unknown>> {
  return dispatch(app.ctx, app.handlers, channel, request);
}

async function value<T>(promise: Promise<ApiResponse<unknown>>): Promise<T> {
  const response = await promise;
  if (!response.ok) throw new Error(response.error.message);
  return response.value as T;
}

async function waitForJob(jobId: string): Promise<JobStatus> {
  for (;;) {
    const status = await value<JobStatus>(call('job-status', { jobId }));
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('import through the API', () => {
  it('previews, lets the user remap a column, and imports as a job', async () => {
    const preview = await value<ImportPreview>(call('registry-preview', { fileName: 'a.csv', data: utf8Bom(csvText(PEOPLE)) }));
    expect(preview.columns.find((c) => c.title === 'Nơi thường trú')?.field).toBe('permanentAddress');
    // The user decides the address column is the current residence instead.
    const remapped = { ...preview.mapping, currentAddress: preview.mapping.permanentAddress };
    delete remapped.permanentAddress;
    const revalidated = await value<ImportPreview>(
      call('registry-revalidate', { previewId: preview.previewId, mapping: remapped }),
    );
    expect(revalidated.columns.find((c) => c.title === 'Nơi thường trú')?.field).toBe('currentAddress');
    const { jobId } = await value<{ jobId: string }>(
      call('registry-import-start', { previewId: preview.previewId, mapping: remapped, skipInvalid: false }),
    );
    const status = await waitForJob(jobId);
    expect(status).toMatchObject({ state: 'done', result: { kind: 'registry', registry: { inserted: 3, applied: true } } });
    const [found] = await value<{ permanentAddress: string | null; currentAddress: string | null }[]>(
      call('registry-find', { text: '008090012345' }),
    );
    expect(found).toMatchObject({ permanentAddress: null, currentAddress: expect.stringMatching(/^Thôn Ba 1/) });
  });

  it('refuses a mapping that uses one column twice or drops the name', async () => {
    const preview = await value<ImportPreview>(call('registry-preview', { fileName: 'a.csv', data: utf8Bom(csvText(PEOPLE)) }));
    const twice = await call('registry-revalidate', {
      previewId: preview.previewId,
      mapping: { ...preview.mapping, oldId: preview.mapping.personalId },
    });
    expect(twice).toMatchObject({ ok: false, error: { type: 'user', message: expect.stringContaining('hai cột') } });
    const { fullName: _dropped, ...noName } = preview.mapping;
    const nameless = await call('registry-revalidate', { previewId: preview.previewId, mapping: noName });
    expect(nameless).toMatchObject({ ok: false, error: { message: expect.stringContaining('họ và tên') } });
  });

  it('gives the problems as an .xlsx that names each row, with formula-like text neutralised', async () => {
    const errors = [
      { row: 7, message: 'Số định danh "12345" không hợp lệ: cần đúng 12 chữ số.' },
      { row: 9, message: '=HYPERLINK("http://x")' },
    ];
    const file = await value<{ fileName: string; data: Uint8Array }>(
      call('registry-errors-xlsx', { fileName: 'trich.csv', errors }),
    );
    expect(file.fileName).toBe('trich-loi.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.data) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([undefined, 'Dòng', 'Lỗi']);
    expect(sheet.getCell('A3').value).toBe(7);
    expect(sheet.getCell('B3').value).toBe(errors[0]!.message);
    expect(typeof sheet.getCell('B4').value).toBe('string');
    expect(sheet.getCell('B4').formula).toBeUndefined();
    expect(String(sheet.getCell('B4').value).startsWith('=')).toBe(false);
  });

  it('loads demo data only into an empty registry, and removes only demo data', async () => {
    expect(await value<{ count: number }>(call('demo-load', {}))).toEqual({ count: 600 });
    expect(await value<{ demoResidentCount: number }>(call('app-info', {}))).toMatchObject({
      demoResidentCount: 600,
      residentCount: 600,
    });
    expect(await value<{ count: number }>(call('demo-remove', {}))).toEqual({ count: 600 });
    const preview = await value<ImportPreview>(call('registry-preview', { fileName: 'a.csv', data: utf8Bom(csvText(PEOPLE)) }));
    await waitForJob(
      (await value<{ jobId: string }>(call('registry-import-start', { previewId: preview.previewId, skipInvalid: false }))).jobId,
    );
    expect(await call('demo-load', {})).toMatchObject({ ok: false, error: { type: 'user' } });
    expect(await value<{ residentCount: number }>(call('app-info', {}))).toMatchObject({
      residentCount: 3,
      demoResidentCount: 0,
    });
  });
});

describe('receiving a list through the API', () => {
  const list = () => listWorkbook([['Ma Văn Tường', '06/08/1990', 'Nam', '008090012345', 'Việt Nam', 'Thôn Ba 1']]);

  it('imports and checks as a job, reporting the list', async () => {
    const preview = await value<ListPreview>(call('lists-preview', { fileName: 'ds.xlsx', data: await list(), source: 'Trạm' }));
    expect(preview).toMatchObject({ entries: 1, headerRow: 4, drawnUpInSheet: '2021-11-20' });
    const { jobId } = await value<{ jobId: string }>(
      call('lists-import', { previewId: preview.previewId, mapping: preview.mapping, kind: 'registration', source: 'Trạm' }),
    );
    expect(await waitForJob(jobId)).toMatchObject({
      state: 'done',
      result: { kind: 'list', list: { listId: 1, rows: 1, errors: [] } },
    });
    const got = await value<{ entries: { status: string }[] }>(call('lists-get', { listId: 1 }));
    expect(got.entries.map((e) => e.status)).toEqual(['not_found']);
  });

  it('leaves nothing behind when cancelled', async () => {
    const preview = await value<ListPreview>(call('lists-preview', { fileName: 'ds.xlsx', data: await list(), source: 'Trạm' }));
    const { jobId } = await value<{ jobId: string }>(
      call('lists-import', { previewId: preview.previewId, mapping: preview.mapping, kind: 'registration', source: 'Trạm' }),
    );
    await call('job-cancel', { jobId });
    expect(await waitForJob(jobId)).toEqual({ state: 'cancelled' });
    expect(await value<unknown[]>(call('lists-all', {}))).toEqual([]);
  });
});
