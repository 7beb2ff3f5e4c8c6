/**
 * Issue 16, the main side: accounts disabled, enabled and given another role (the last
 * administrator kept), resident search paging through every match, demo data removed before a
 * real extract.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import type { App } from '../../src/main/app-context';
import { loadDemo } from '../../src/main/demo/demo-residents';
import { importExtractFile } from '../../src/main/registry/import-extract';
import type { ListPreview, ListSummary, ResidentView, UserView } from '../../src/shared/api-contract';
import { SHARED_FIXTURES } from '../helpers/paths';
import { tempApp } from '../helpers/app';
import { PEOPLE, csvText, utf8Bom } from '../helpers/extract-files';

let app: App;
let cleanup: () => void;
beforeEach(() => ({ app, cleanup } = tempApp()));
afterEach(() => cleanup());

const call = (channel: string, request: unknown) => dispatch(app.ctx, app.handlers, channel, request);
const value = async <T>(channel: string, request: unknown): Promise<T> => {
  const answer = await call(channel, request);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value as T;
};

describe('accounts', () => {
  it('can be disabled, enabled and change role, audited; the last administrator stays an enabled administrator', async () => {
    await value('users-add', { username: 'canbo', displayName: 'Cán bộ', role: 'police', password: 'mat-khau-dai' });
    const users = await value<UserView[]>('users-set-disabled', { username: 'canbo', disabled: true });
    expect(users.find((u) => u.username === 'canbo')).toMatchObject({ disabled: true });
    // A disabled account cannot sign in.
    expect(await call('auth-login', { username: 'canbo', password: 'mat-khau-dai' })).toMatchObject({ ok: false });
    await value('users-set-disabled', { username: 'canbo', disabled: false });
    expect(await value<UserView[]>('users-set-role', { username: 'canbo', role: 'chairman' })).toContainEqual(
      expect.objectContaining({ username: 'canbo', role: 'chairman', disabled: false }),
    );
    // The only administrator: neither disabled (not even by themself) nor demoted.
    expect(await call('users-set-role', { username: 'quantri', role: 'police' })).toMatchObject({
      ok: false,
      error: { message: /quản trị cuối cùng/ },
    });
    expect(await call('users-set-disabled', { username: 'quantri', disabled: true })).toMatchObject({ ok: false });
    const actions = app.ctx.db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'user.%' ORDER BY seq")
      .all()
      .map((r) => (r as { action: string }).action);
    expect(actions).toEqual(['user.add', 'user.add', 'user.disable', 'user.enable', 'user.role']);
  });
});

describe('resident search', () => {
  it('pages through every match and says how many there are', async () => {
    const rows = Array.from({ length: 137 }, (_, i) => [
      String(i + 1),
      `0080${String(90_000_000 + i).padStart(8, '0')}`,
      '',
      `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}${i}`,
      '01/01/1990',
      'Nam',
      'Tày',
      'Việt Nam',
      'Thôn Ba 1, xã Trung Hà, tỉnh Tuyên Quang',
    ]);
    const imported = await importExtractFile(app.ctx.db, utf8Bom(csvText([...PEOPLE, ...rows])), 'x.csv', {
      skipInvalid: false,
      locale: 'vi',
      now: new Date(),
    });
    expect(imported).toMatchObject({ ok: true, value: { applied: true } });
    const seen = new Set<string>();
    let total = 0;
    for (let offset = 0; offset < 200; offset += 50) {
      const page = await value<{ residents: ResidentView[]; total: number }>('registry-search', {
        text: 'nguyen',
        offset,
        limit: 50,
      });
      total = page.total;
      for (const r of page.residents) seen.add(r.personalId);
    }
    const nguyen = [...PEOPLE, ...rows].filter((r) => /^Nguyễn/.test(r[3]!)).length;
    expect(total).toBe(nguyen);
    expect(seen.size).toBe(nguyen);
    // The birth year narrows it.
    expect(
      (await value<{ total: number }>('registry-search', { text: 'nguyen', birthYear: 1990, offset: 0, limit: 10 })).total,
    ).toBe(137 + [...PEOPLE].filter((r) => /^Nguyễn/.test(r[3]!) && r[4]!.endsWith('1990')).length);
  });
});

describe('a received list', () => {
  it('is titled and sent as its heading rows say, and the same file twice is pointed out', async () => {
    const data = new Uint8Array(readFileSync(join(SHARED_FIXTURES, 'verification', 'list.xlsx')));
    const preview = await value<ListPreview>('lists-preview', { fileName: 'list.xlsx', data, source: '' });
    expect(preview.suggestedSource).toBe('TRẠM Y TẾ XÃ TRUNG HÀ');
    expect(preview.suggestedTitle).toMatch(/^DANH SÁCH/);
    expect(preview.sameAs).toBeNull();
    const { jobId } = await value<{ jobId: string }>('lists-import', {
      previewId: preview.previewId,
      mapping: preview.mapping,
      kind: 'registration',
      source: preview.suggestedSource!,
      title: 'Đăng ký tiêm mũi 2, tháng 11',
    });
    for (let i = 0; i < 200 && (await value<{ state: string }>('job-status', { jobId })).state === 'running'; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const [list] = await value<ListSummary[]>('lists-all', {});
    expect(list).toMatchObject({ title: 'Đăng ký tiêm mũi 2, tháng 11', source: 'TRẠM Y TẾ XÃ TRUNG HÀ' });
    const again = await value<ListPreview>('lists-preview', { fileName: 'ban-sao.xlsx', data, source: '' });
    expect(again.sameAs).toMatchObject({ listId: list!.id, title: 'Đăng ký tiêm mũi 2, tháng 11' });
  });
});

describe('demo data and a real extract', () => {
  it('never mix: importing with removeDemo takes the demo residents out first', async () => {
    loadDemo(app.ctx.db);
    const before = await value<{ demoResidentCount: number }>('app-info', {});
    expect(before.demoResidentCount).toBeGreaterThan(0);
    const preview = await value<{ previewId: string }>('registry-preview', {
      fileName: 'that.csv',
      data: utf8Bom(csvText(PEOPLE)),
    });
    const { jobId } = await value<{ jobId: string }>('registry-import-start', {
      previewId: preview.previewId,
      skipInvalid: false,
      removeDemo: true,
    });
    for (let i = 0; i < 100; i++) {
      const status = await value<{ state: string }>('job-status', { jobId });
      if (status.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const after = await value<{ residentCount: number; demoResidentCount: number }>('app-info', {});
    expect(after).toMatchObject({ demoResidentCount: 0, residentCount: PEOPLE.length });
  });
});
