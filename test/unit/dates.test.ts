import { describe, expect, it } from 'vitest';
import { formatDateVi, fromExcelSerial, parseDateText, parseDateValue } from '../../src/shared/dates';

describe('Excel serials', () => {
  it('reads the 1900 system, skipping the phantom 29 Feb 1900', () => {
    expect(fromExcelSerial(1)).toBe('1900-01-01');
    expect(fromExcelSerial(59)).toBe('1900-02-28');
    expect(fromExcelSerial(60)).toBeNull();
    expect(fromExcelSerial(61)).toBe('1900-03-01');
    expect(fromExcelSerial(32949)).toBe('1990-03-17');
  });
  it('reads the 1904 system', () => {
    expect(fromExcelSerial(0, true)).toBe('1904-01-01');
    expect(fromExcelSerial(31487, true)).toBe('1990-03-17');
  });
});

describe('day-first text dates', () => {
  it.each([
    ['6/8/1990', '1990-08-06'],
    ['06/08/1990', '1990-08-06'],
    ['06-08-1990', '1990-08-06'],
    ['06.08.1990', '1990-08-06'],
    ['06081990', '1990-08-06'],
    ['1990-08-06', '1990-08-06'],
    ['08/1990', '1990-08'],
    ['1956', '1956'],
  ])('%s is %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });
  it('refuses impossible dates instead of rolling them over', () => {
    expect(parseDateText('31/02/1990')).toBeNull();
    expect(parseDateText('29/02/1990')).toBeNull();
    expect(parseDateText('29/02/1992')).toBe('1992-02-29');
    expect(parseDateText('13/13/1990')).toBeNull();
    expect(parseDateText('hôm qua')).toBeNull();
  });
});

describe('cell values', () => {
  it('reads Date cells as their calendar day and bare years as partial dates', () => {
    expect(parseDateValue(new Date(Date.UTC(1953, 11, 15)))).toBe('1953-12-15');
    expect(parseDateValue(1956)).toBe('1956');
  });
  it('formats day first for display', () => {
    expect(formatDateVi('2022-01-05')).toBe('05/01/2022');
    expect(formatDateVi('1956')).toBe('1956');
  });
});
