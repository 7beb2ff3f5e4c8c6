/**
 * Issue 21: data is kept only as long as the settings say. The daily run (the host's timer calls
 * `runRetentionIfDue`) deletes expired checkpoint visits, returned lists and old access log entries,
 * and the audit trail records each run with its counts; the processing record follows the settings
 * and the accounts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import type { App } from '../../src/main/app-context';
import { verifyAudit } from '../../src/main/audit/audit';
import { readLetterhead, saveLetterhead } from '../../src/main/documents/documents';
import { exportList } from '../../src/main/lists/export-list';
import { lookupScan } from '../../src/main/lookup/lookup';
import { recordAccess, verifyAccess } from '../../src/main/privacy/access-log';
import { runRetentionIfDue } from '../../src/main/privacy/retention';
import type { ProcessingRecord, RetentionState } from '../../src/shared/api-contract';
import { tempApp } from '../helpers/app';
import { PEOPLE } from '../helpers/extract-files';
import { NOW, importAndCheck, listWorkbook, seedRegistry } from '../helpers/lists';

const DAY = 86_400_000;
const at = (days: number, hours = 0) => new Date(NOW.getTime() + days * DAY + hours * 3_600_000);
const TUONG = '008090012345';

let app: App;
let cleanup: () => void;
const call = async <T>(channel: string, request: unknown): Promise<T> => {
  const answer = await dispatch(app.ctx, app.handlers, channel, request);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value as T;
};
const count = (table: 'checkpoint_visits' | 'lists' | 'list_entries' | 'access_log' | 'documents') =>
  (app.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const runs = () =>
  app.ctx.db
    .prepare("SELECT at, details FROM audit_log WHERE action = 'retention.delete' ORDER BY seq")
    .all()
    .map((r) => ({
      ...(r as { at: string }),
      details: JSON.parse((r as { details: string }).details) as Record<string, unknown>,
    }));
const daily = (now: Date) =>
  runRetentionIfDue(app.ctx.db, now, (error) => {
    throw error;
  });
const visit = (now: Date, place = 'Chốt Km5') => {
  const scanned = lookupScan(app.ctx.db, { text: TUONG, place, direction: 'in' }, now, 'vi');
  if (!scanned.ok) throw new Error(scanned.problem.key);
};

beforeEach(async () => {
  ({ app, cleanup } = tempApp());
  await seedRegistry(app.ctx.db, PEOPLE);
});
afterEach(() => cleanup());

describe('the daily retention run', () => {
  it('deletes checkpoint visits older than the period (30 days by default), once a day, with the count in the audit trail', () => {
    visit(at(0));
    visit(at(25));
    daily(at(29));
    expect(count('checkpoint_visits')).toBe(2);
    daily(at(31));
    expect(count('checkpoint_visits')).toBe(1);
    // Not due again within the day.
    daily(at(31, 5));
    expect(runs().map((r) => r.details.visits)).toEqual([0, 1]);
    expect(runs().at(-1)).toMatchObject({ at: at(31).toISOString(), details: { visits: 1, lists: 0, accessEntries: 0 } });
    expect(verifyAudit(app.ctx.db).valid).toBe(true);
  });

  it('applies changed periods, which the processing record states', async () => {
    visit(at(0));
    const state = await call<RetentionState>('retention-set', { visitsDays: 3, listsDays: 60, accessDays: 365 });
    expect(state.settings).toEqual({ visitsDays: 3, listsDays: 60, accessDays: 365 });
    const record = await call<ProcessingRecord>('processing-record', {});
    expect(record.kinds.find((k) => k.kind === 'visits')).toMatchObject({ count: 1, keptDays: 3, roles: ['police', 'admin'] });
    expect(record.kinds.find((k) => k.kind === 'lists')).toMatchObject({ keptDays: 60 });
    expect(record.kinds.find((k) => k.kind === 'access')).toMatchObject({ keptDays: 365, roles: ['admin'] });
    expect(record.retention.settings.visitsDays).toBe(3);
    daily(at(4));
    expect(count('checkpoint_visits')).toBe(0);
    const audited = app.ctx.db.prepare("SELECT details FROM audit_log WHERE action = 'retention.settings'").get() as {
      details: string;
    };
    expect(JSON.parse(audited.details)).toEqual({ visitsDays: 3, listsDays: 60, accessDays: 365 });
    // Out of bounds is refused before anything is saved.
    expect((await dispatch(app.ctx, app.handlers, 'retention-set', { visitsDays: 0, listsDays: 60, accessDays: 365 })).ok).toBe(
      false,
    );
  });

  it('deletes the entries and file of a list returned longer ago than its period; an open list stays', async () => {
    saveLetterhead(app.ctx.db, { ...readLetterhead(app.ctx.db), signerName: 'Hoàng Văn Chủ' }, new Date());
    const matched = [['Ma Văn Tường', '06/08/1990', 'Nam', TUONG, 'Việt Nam', 'Thôn Ba 1, xã Trung Hà']];
    const { imported } = await importAndCheck(app.ctx.db, await listWorkbook(matched));
    const returned = await exportList(app.ctx.db, imported.listId, 'vi', at(0), { by: 'Cán bộ' });
    expect(returned.ok).toBe(true);
    await importAndCheck(app.ctx.db, await listWorkbook(matched), 'chua-tra.xlsx');
    expect([count('lists'), count('list_entries'), count('documents')]).toEqual([2, 2, 1]);
    daily(at(364));
    expect(count('lists')).toBe(2);
    daily(at(366));
    // The printed version stays (a state document, kept with its file); the list is only its row now.
    expect([count('lists'), count('list_entries'), count('documents')]).toEqual([2, 1, 1]);
    expect(runs().at(-1)?.details).toMatchObject({ lists: 1, entries: 1 });
    const purged = app.ctx.db
      .prepare('SELECT length(file_data) AS bytes, purged_at FROM lists WHERE id = ?')
      .get(imported.listId);
    expect(purged).toEqual({ bytes: 0, purged_at: at(366).toISOString() });
    expect((await call<{ id: number }[]>('lists-all', {})).map((l) => l.id)).not.toContain(imported.listId);
  });

  it('cuts the access log from its start; the chain still verifies, and an entry removed after a run is found', () => {
    recordAccess(app.ctx.db, [{ action: 'find', personalId: TUONG, context: 'search' }], at(0));
    recordAccess(app.ctx.db, [{ action: 'open', personalId: TUONG, context: 'search' }], at(500));
    daily(at(731));
    expect(count('access_log')).toBe(1);
    expect(runs().at(-1)?.details).toMatchObject({ accessEntries: 1, cutTo: 1, accessSeq: 2 });
    expect(verifyAccess(app.ctx.db)).toEqual({ valid: true, entries: 1, problems: [] });
    // A cut nobody recorded: entries removed without the retention run.
    app.ctx.db.exec('DROP TRIGGER access_log_no_delete; DELETE FROM access_log WHERE seq = 2;');
    expect(verifyAccess(app.ctx.db).problems).toEqual([{ key: 'access.anchor', seq: 2 }]);
  });
});

describe('the processing record', () => {
  it('names the users by role, and follows a change of role', async () => {
    await call('users-add', { username: 'canbo', displayName: 'Nguyễn Văn Công', role: 'police', password: 'mat-khau-canbo' });
    const before = await call<ProcessingRecord>('processing-record', {});
    expect(before.usersByRole).toEqual([
      { role: 'police', users: ['Nguyễn Văn Công (canbo)'] },
      { role: 'health', users: [] },
      { role: 'chairman', users: [] },
      { role: 'admin', users: ['Quản trị viên (quantri)'] },
    ]);
    await call('users-set-role', { username: 'canbo', role: 'health' });
    const after = await call<ProcessingRecord>('processing-record', {});
    expect(after.usersByRole.find((u) => u.role === 'health')?.users).toEqual(['Nguyễn Văn Công (canbo)']);
    expect(after.usersByRole.find((u) => u.role === 'police')?.users).toEqual([]);
    expect(after.kinds.find((k) => k.kind === 'residents')).toMatchObject({ count: PEOPLE.length });
    expect(after.extracts).toEqual([{ fileName: 'registry.csv', importedAt: NOW.toISOString(), rows: PEOPLE.length }]);
  });
});
