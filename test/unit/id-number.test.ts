import { describe, expect, it } from 'vitest';
import { normalizeOldId, normalizePersonalId } from '../../src/shared/id-number';

describe('normalizePersonalId', () => {
  it('keeps a 12-digit ID', () => {
    expect(normalizePersonalId('008090012345')).toBe('008090012345');
  });
  it('pads the leading zeros a spreadsheet dropped (10 or 11 digits)', () => {
    expect(normalizePersonalId('8090012345')).toBe('008090012345');
    expect(normalizePersonalId('19099012345')).toBe('019099012345');
  });
  it('removes spaces, dots and a leading apostrophe', () => {
    expect(normalizePersonalId("'008 090 012 345")).toBe('008090012345');
    expect(normalizePersonalId('008.090.012.345')).toBe('008090012345');
  });
  it('refuses other lengths and letters', () => {
    expect(normalizePersonalId('12345')).toBeNull();
    expect(normalizePersonalId('0080900123456')).toBeNull();
    expect(normalizePersonalId('00809001234X')).toBeNull();
    expect(normalizePersonalId('')).toBeNull();
  });
});

describe('normalizeOldId', () => {
  it('keeps 9 digits and pads 8', () => {
    expect(normalizeOldId('070123456')).toBe('070123456');
    expect(normalizeOldId('70123456')).toBe('070123456');
  });
  it('refuses a 7-digit number', () => {
    expect(normalizeOldId('7012345')).toBeNull();
  });
});
