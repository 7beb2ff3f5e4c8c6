import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import type { App } from '../../src/main/app-context';
import { PEOPLE } from '../helpers/extract-files';
import { seedRegistry } from '../helpers/lists';
import { tempApp } from '../helpers/app';

let app: App;
let cleanup: () => void;
beforeEach(async () => {
  ({ app, cleanup } = tempApp());
  await seedRegistry(app.ctx.db, PEOPLE);
});
afterEach(() => cleanup());

const call = (channel: string, request: unknown) => dispatch(app.ctx, app.handlers, channel, request);
const row = {
  fullName: 'Ma Văn Tường',
  birthDate: '06/08/1990',
  idNumber: '008090012345',
  address: 'Thôn Ba 1',
  vaccinationDate: '2021-11-01',
  vaccine: 'Moderna',
  lot: 'M-01',
  dose: 1,
  facility: 'Trạm Y tế xã',
};

describe('the vaccination API', () => {
  it('takes results typed by hand as a results list, checked like any other', async () => {
    const saved = await call('vaccination-manual', { rows: [row, { ...row, fullName: 'Người Lạ', idNumber: '', lot: '' }] });
    expect(saved).toMatchObject({ ok: true, value: { listId: 1 } });
    const doses = await call('vaccination-doses', { listId: 1 });
    expect(doses).toMatchObject({
      ok: true,
      value: [
        { fullName: 'Ma Văn Tường', status: 'matched', productCode: 'SPIKEVAX', dose: 1, problems: [] },
        { fullName: 'Người Lạ', status: 'not_found', problems: ['[Số lô] Thiếu số lô vắc xin.'] },
      ],
    });
    expect(await call('lists-all', {})).toMatchObject({
      ok: true,
      value: [{ kind: 'results', source: 'Nhập tay', confirmedAt: null }],
    });
  });

  it('lets the vaccine table be edited, and the rules follow it', async () => {
    const products = await call('vaccine-products', {});
    if (!products.ok) throw new Error(products.error.message);
    const moderna = (products.value as { code: string; minIntervalDays: number }[]).find((p) => p.code === 'SPIKEVAX')!;
    expect(moderna.minIntervalDays).toBe(28);
    await call('vaccination-manual', { rows: [row] });
    // Dose 2 thirty days later is fine at 28 days, and too early once the table says 35.
    await call('vaccine-product-save', { product: { ...moderna, minIntervalDays: 35 } });
    await call('vaccination-manual', { rows: [{ ...row, vaccinationDate: '2021-12-01', dose: 2, lot: 'M-02' }] });
    expect(await call('vaccination-doses', { listId: 2 })).toMatchObject({
      ok: true,
      value: [
        { problems: ['[Khoảng cách tối thiểu] Mũi 2 (Spikevax (Moderna)) chỉ cách mũi trước 30 ngày, tối thiểu 35 ngày.'] },
      ],
    });
    // A bad table row is refused by the contract, naming nothing stored.
    expect(await call('vaccine-product-save', { product: { ...moderna, minIntervalDays: -1 } })).toMatchObject({ ok: false });
  });

  it('records F0 cases with Vietnamese messages for bad input', async () => {
    expect(
      await call('infections-add', {
        personalId: '008090012345',
        confirmedOn: '2021-09-01',
        recoveredOn: '2021-09-15',
        test: 'PCR',
      }),
    ).toMatchObject({ ok: true, value: { fullName: 'Ma Văn Tường', confirmedOn: '2021-09-01' } });
    expect(
      await call('infections-add', { personalId: '12345', confirmedOn: '2021-09-01', recoveredOn: null, test: null }),
    ).toMatchObject({
      ok: false,
      error: { message: '"12345" không phải số định danh cá nhân 12 chữ số.' },
    });
    expect(
      await call('infections-add', {
        personalId: '008090012345',
        confirmedOn: '2021-09-10',
        recoveredOn: '2021-09-01',
        test: null,
      }),
    ).toMatchObject({ ok: false, error: { message: 'Ngày khỏi bệnh trước ngày xác định F0.' } });
    expect(await call('infections-list', {})).toMatchObject({ ok: true, value: [{ personalId: '008090012345' }] });
    expect(await call('packages-state', {})).toMatchObject({ ok: true, value: { waiting: { infection: 1, vaccination: 0 } } });
  });
});
