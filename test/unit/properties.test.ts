import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateText, parseDateValue } from '../../src/shared/dates';
import { normalizeOldId, normalizePersonalId } from '../../src/shared/id-number';
import { parseCccdMrz } from '../../src/shared/identity/cccd-mrz';
import { parseCccdQr } from '../../src/shared/identity/cccd-qr';
import { checkIdNumber } from '../../src/shared/identity/id-check';
import { mergeSplitHeader } from '../../src/shared/header-repair';
import { detectHeader } from '../../src/shared/registry/fields';
import { validateResidentRow } from '../../src/shared/registry/validate-row';
import {
  VIETNAMESE_LETTERS,
  decodeTcvn3,
  decodeVni,
  encodeTcvn3,
  encodeVni,
  repairLegacyText,
} from '../../src/shared/text/legacy-encodings';
import { repairMojibake } from '../../src/shared/text/mojibake';
import { canonicalName, compareNames } from '../../src/shared/text/names';
import { cleanText, looseKey, matchKey } from '../../src/shared/text/normalize';
import { normalizeTonePlacement, parseSyllable } from '../../src/shared/text/syllable';

const RUNS = { numRuns: 300 };
/** Text mixing ASCII, Vietnamese letters in both Unicode forms, marks, separators and odd characters. */
const messyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom(
      ...VIETNAMESE_LETTERS,
      ...VIETNAMESE_LETTERS.map((l) => l.toUpperCase()),
      'a',
      'N',
      ' ',
      '|',
      '?',
      '\u0301',
      '\ufffd',
      '\u00ad',
      '1',
      '/',
      '\n',
    ),
    maxLength: 60,
  }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
const vietnameseText = fc.string({
  unit: fc.constantFrom(
    ...VIETNAMESE_LETTERS,
    ...VIETNAMESE_LETTERS.map((l) => l.toUpperCase()),
    ...'abcdeghiklmnopqrstuvxy ABCDEGHIKLMNOPQRSTUVXY',
  ),
  maxLength: 40,
});
const lowerVietnamese = fc.string({ unit: fc.constantFrom(...VIETNAMESE_LETTERS, ...'abcdeghiklmnopqrstuvxy '), maxLength: 40 });

describe('parsers return a value or their typed error, and never throw', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        const qr = parseCccdQr(text);
        expect(typeof qr.ok).toBe('boolean');
        checkIdNumber(text, { birthDate: '1990-01-01', sex: 'female' });
        normalizePersonalId(text);
        normalizeOldId(text);
        parseDateText(text);
        parseSyllable(text);
        decodeVni(text);
        decodeTcvn3(text);
        repairLegacyText(text);
        repairMojibake(text);
        compareNames(text, 'Nguyễn Văn A');
        mergeSplitHeader(text.split(','));
        detectHeader([text.split(','), text.split('|')]);
        validateResidentRow([text, text, text, text], { personalId: 0, fullName: 1, birthDate: 2, sex: 3 });
      }),
      RUNS,
    );
  });

  it('on arbitrary MRZ-like lines', () => {
    const line = fc.string({ unit: fc.constantFrom(...'ABCIDVNM0123456789<'), minLength: 28, maxLength: 32 });
    fc.assert(
      fc.property(line, line, line, (a, b, c) => {
        const parsed = parseCccdMrz([a, b, c]);
        expect(typeof parsed.ok).toBe('boolean');
      }),
      RUNS,
    );
  });

  it('on arbitrary cell values', () => {
    const cell = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.date({ noInvalidDate: false }),
      fc.string(),
      fc.constant(null),
      fc.boolean(),
    );
    fc.assert(
      fc.property(cell, fc.boolean(), (value, date1904) => {
        const date = parseDateValue(value, date1904);
        expect(date === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('normalisation is idempotent', () => {
  it.each([
    ['cleanText', cleanText],
    ['matchKey', matchKey],
    ['looseKey', looseKey],
    ['normalizeTonePlacement', normalizeTonePlacement],
    ['canonicalName', canonicalName],
  ] as const)('%s', (_name, normalize) => {
    fc.assert(
      fc.property(fc.oneof(messyText, vietnameseText), (text) => {
        const once = normalize(text);
        expect(normalize(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it('a name equals itself in any Unicode form and tone style', () => {
    fc.assert(
      fc.property(vietnameseText, (name) => {
        expect(compareNames(name.normalize('NFD'), name)).toBe('same');
      }),
      RUNS,
    );
  });
});

describe('encodings round-trip', () => {
  it('VNI, for any Vietnamese text', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        expect(decodeVni(encodeVni(text))).toBe(text.normalize('NFC'));
      }),
      RUNS,
    );
  });
  it('TCVN3, for lower-case Vietnamese text', () => {
    fc.assert(
      fc.property(lowerVietnamese, (text) => {
        expect(decodeTcvn3(encodeTcvn3(text))).toBe(text);
      }),
      RUNS,
    );
  });
  it('mojibake, for any text', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const garbled = new TextDecoder('windows-1252').decode(new TextEncoder().encode(text));
        expect(repairMojibake(garbled)).toBe(text.normalize('NFC'));
      }),
      RUNS,
    );
  });
});
