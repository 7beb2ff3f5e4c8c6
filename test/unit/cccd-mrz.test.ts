import { describe, expect, it } from 'vitest';
import { parseCccdMrz } from '../../src/shared/identity/cccd-mrz';
import { matchKey } from '../../src/shared/text/normalize';

const SAMPLE = ['IDVNM0900123450001090012345<<1', '9001011M3001019VNM<<<<<<<<<<<2', 'NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<'];
const TODAY = new Date('2026-11-27T00:00:00Z');

describe('CCCD MRZ (TD1)', () => {
  it('reads the sample card of DOMAIN.md', () => {
    const parsed = parseCccdMrz(SAMPLE, TODAY);
    expect(parsed).toEqual({
      ok: true,
      value: {
        personalId: '001090012345',
        documentNumber: '090012345',
        fullName: 'NGUYEN VAN A',
        birthDate: '1990-01-01',
        sex: 'male',
        expiryDate: '2030-01-01',
        valid: true,
        problems: [],
      },
    });
  });

  it('reports a broken check digit as invalid, naming the field', () => {
    const broken = [SAMPLE[0]!, SAMPLE[1]!.replace('9001011M', '9001021M'), SAMPLE[2]!];
    const parsed = parseCccdMrz(broken, TODAY);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.valid).toBe(false);
    expect(parsed.value.problems.map((p) => p.key)).toContain('mrz.invalidField');
  });

  it('checks that the document number is the last nine digits of the personal ID', () => {
    // Optional data now carries another person's ID (the composite check digit breaks too).
    const other = ['IDVNM0900123450008091112345<<1', SAMPLE[1]!, SAMPLE[2]!];
    const parsed = parseCccdMrz(other, TODAY);
    if (!parsed.ok) throw new Error(parsed.problem.key);
    expect(parsed.value.problems).toContainEqual({
      key: 'mrz.documentNumberMismatch',
      params: { documentNumber: '090012345', personalId: '008091112345' },
    });
  });

  it('dates a birth in the 2000s from the ID century digit', () => {
    // ID 001205012345: G=2 (2000s, male), born 2005.
    const lines = ['IDVNM2050123457001205012345<<2', '0503041M3003049VNM<<<<<<<<<<<6', 'LE<<MINH<KHANG<<<<<<<<<<<<<<<<'];
    const parsed = parseCccdMrz(lines, TODAY);
    if (!parsed.ok) throw new Error(parsed.problem.key);
    expect(parsed.value.birthDate).toBe('2005-03-04');
    expect(parsed.value.fullName).toBe('LE MINH KHANG');
  });

  it('writes names in ASCII, Đ as D, so they compare by the matching key', () => {
    const lines = ['IDVNM0900123450001090012345<<1', '9001011M3001019VNM<<<<<<<<<<<2', 'DANG<<THI<DAO<<<<<<<<<<<<<<<<<'];
    const parsed = parseCccdMrz(lines, TODAY);
    if (!parsed.ok) throw new Error(parsed.problem.key);
    expect(parsed.value.fullName).toBe(matchKey('Đặng Thị Đào'));
  });

  it('refuses lines of the wrong shape', () => {
    expect(parseCccdMrz(SAMPLE.slice(0, 2), TODAY)).toMatchObject({ ok: false, problem: { key: 'mrz.shape' } });
    expect(parseCccdMrz([SAMPLE[0]!.slice(0, 29), SAMPLE[1]!, SAMPLE[2]!], TODAY)).toMatchObject({ ok: false });
    expect(
      parseCccdMrz([SAMPLE[0]!.replace('NGUYEN', 'Nguyễn'), SAMPLE[1]!, 'NGUYỄN<<VĂN<A<<<<<<<<<<<<<<<<<'], TODAY),
    ).toMatchObject({ ok: false });
  });
});

describe('MRZ as scanners send it', () => {
  it('is found in three lines, or in 90 characters run together; other text is not an MRZ', async () => {
    const { mrzLines } = await import('../../src/shared/identity/cccd-mrz');
    expect(mrzLines(SAMPLE.join('\r\n'))).toEqual(SAMPLE);
    expect(mrzLines(` ${SAMPLE.join('').toLowerCase()} `)).toEqual(SAMPLE);
    expect(mrzLines('008090012345|070123456|Ma Van Tuong|06081990|Nam|Thon Ba 1|15062021')).toBeNull();
    expect(mrzLines(SAMPLE.slice(0, 2).join('\n'))).toBeNull();
  });

  it('is gathered line by line until the third, and anything else passes through', async () => {
    const { collectMrzLine } = await import('../../src/shared/identity/cccd-mrz');
    let state = collectMrzLine([], SAMPLE[0]!);
    expect(state).toEqual({ pending: [SAMPLE[0]], text: null });
    state = collectMrzLine(state.pending, SAMPLE[1]!);
    expect(state.text).toBeNull();
    expect(collectMrzLine(state.pending, SAMPLE[2]!)).toEqual({ pending: [], text: SAMPLE.join('\n') });
    expect(collectMrzLine(state.pending, '001090012345')).toEqual({ pending: [], text: '001090012345' });
  });
});
