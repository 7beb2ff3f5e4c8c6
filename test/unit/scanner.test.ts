import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCapture } from '../../src/shared/scanner/capture';
import { createScanDecoder, decodeReports, REPORT_GAP_MS, type ScanFormat } from '../../src/shared/scanner/decoders';
import { hidPosReports } from '../../src/shared/scanner/encode';
import { SHARED_FIXTURES } from '../helpers/paths';

const SCANNER = join(SHARED_FIXTURES, 'scanner');
const PAYLOAD =
  '008195004321||Lường Thị Hưởng|12031995|Nữ|Thôn Nà Coóc, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang|04102024||||';

const reportsFor = hidPosReports;

describe('the recorded captures', () => {
  const expected = JSON.parse(readFileSync(join(SCANNER, 'expected.json'), 'utf8')) as {
    file: string;
    format: ScanFormat;
    scans: unknown[];
  }[];
  it.each(expected.map((e) => [e.file, e] as const))('%s decodes as expected.json says', (_file, e) => {
    const capture = parseCapture(readFileSync(join(SCANNER, e.file), 'utf8'));
    if (!capture.ok) throw new Error(`line ${capture.line}`);
    expect(decodeReports(capture.reports, e.format)).toEqual(e.scans);
  });
});

describe('HID POS reassembly', () => {
  it('decodes a letter cut between two reports only once the scan is whole', () => {
    // 55 ASCII bytes, then "ư" (C6 B0): the first report ends in the middle of the letter.
    const text = `${'x'.repeat(55)}ường ${PAYLOAD}`;
    const reports = reportsFor(text, 'honeywell');
    // Some report boundary falls inside a multi-byte letter: its first report alone is not valid UTF-8.
    const first = reports[0]!.bytes.slice(5, 5 + reports[0]!.bytes[1]!);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(first)).toThrow();
    expect(decodeReports(reports, 'hidpos')).toEqual([{ text, complete: true }]);
  });

  it('reads the Newland layout', () => {
    expect(decodeReports(reportsFor(PAYLOAD, 'newland'), 'hidpos-newland')).toEqual([{ text: PAYLOAD, complete: true }]);
  });

  it('reports a scan whose last report was lost as incomplete, and still reads the next scan', () => {
    const lost = reportsFor(PAYLOAD, 'honeywell').slice(0, -1);
    const next = reportsFor(PAYLOAD, 'honeywell', 5000);
    const scans = decodeReports([...lost, ...next], 'hidpos');
    expect(scans).toHaveLength(2);
    expect(scans[0]!.complete).toBe(false);
    expect(PAYLOAD.startsWith(scans[0]!.text.replace(/\ufffd$/, ''))).toBe(true);
    expect(scans[1]).toEqual({ text: PAYLOAD, complete: true });
  });

  it('waits no longer than the report gap', () => {
    const decoder = createScanDecoder('hidpos');
    const [head, tail] = reportsFor(PAYLOAD.slice(0, 80), 'honeywell');
    expect(decoder.push(head!.bytes, 0)).toEqual([]);
    // The scan waiting for its tail is given up as incomplete before the late report is read.
    const late = decoder.push(tail!.bytes, REPORT_GAP_MS + 50);
    expect(late[0]!.complete).toBe(false);
    expect(PAYLOAD.startsWith(late[0]!.text.replace(/\ufffd+$/, ''))).toBe(true);
  });

  it('reads several scans from one capture', () => {
    const scans = decodeReports([...reportsFor('A|1', 'honeywell'), ...reportsFor('B|2', 'honeywell', 1000)], 'hidpos');
    expect(scans).toEqual([
      { text: 'A|1', complete: true },
      { text: 'B|2', complete: true },
    ]);
  });
});

describe('keyboard mode', () => {
  const press = (modifiers: number, key: number) => Uint8Array.from([modifiers, 0, key, 0, 0, 0, 0, 0]);
  const release = new Uint8Array(8);
  it('reads shifted characters with the US layout and ends a scan at Enter', () => {
    const reports = [
      press(0x02, 0x10),
      release,
      press(0, 0x04),
      release,
      press(0x20, 0x31),
      release,
      press(0, 0x1e),
      release,
      press(0, 0x28),
      release,
    ];
    expect(
      decodeReports(
        reports.map((bytes, i) => ({ bytes, atMs: i * 8 })),
        'keyboard',
      ),
    ).toEqual([{ text: 'Ma|1', complete: true }]);
  });
  it('does not repeat a key held across reports, and gives text without Enter as incomplete', () => {
    const reports = [press(0, 0x04), press(0, 0x04), release, press(0, 0x05)];
    expect(
      decodeReports(
        reports.map((bytes, i) => ({ bytes, atMs: i * 8 })),
        'keyboard',
      ),
    ).toEqual([{ text: 'ab', complete: false }]);
  });
});

describe('capture files', () => {
  it('name the line that is malformed', () => {
    expect(parseCapture('800 02 38\n802 zz\n')).toEqual({ ok: false, line: 2 });
    expect(parseCapture('# comment\n\n10 00 01\n')).toMatchObject({
      ok: true,
      reports: [{ atMs: 10, bytes: Uint8Array.from([0, 1]) }],
    });
  });
});

describe('keyboard-mode bursts', () => {
  it('tell a scanner from a person typing', async () => {
    const { isScannerBurst } = await import('../../src/shared/scanner/keyboard-burst');
    const scanner = Array.from({ length: 60 }, (_, i) => i * 8);
    const person = Array.from({ length: 12 }, (_, i) => i * 180);
    expect(isScannerBurst(scanner)).toBe(true);
    expect(isScannerBurst(person)).toBe(false);
    expect(isScannerBurst([0, 5, 10])).toBe(false);
  });
});

describe('virtual COM frames', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('end at CR, LF or CR LF, with a letter cut between chunks decoded whole', () => {
    const decoder = createScanDecoder('serial');
    const data = bytes(`${PAYLOAD}\r\n008090012345\n`);
    const cut = data.indexOf(0xc6) + 1; // inside "ư" (C6 B0)
    expect(decoder.push(data.subarray(0, cut), 0)).toEqual([]);
    expect(decoder.push(data.subarray(cut), 5)).toEqual([
      { text: PAYLOAD, complete: true },
      { text: '008090012345', complete: true },
    ]);
    expect(decoder.flush()).toEqual([]);
  });

  it('end when a scanner set without a suffix falls silent', () => {
    const decoder = createScanDecoder('serial');
    expect(decoder.push(bytes('00809001'), 0)).toEqual([]);
    expect(decoder.push(bytes('2345'), 10)).toEqual([]);
    expect(decoder.expire(50)).toEqual([]);
    expect(decoder.expire(200)).toEqual([{ text: '008090012345', complete: true }]);
    // The next scan after a silence starts afresh even without a timer.
    decoder.push(bytes('0010'), 1000);
    expect(decoder.push(bytes('99'), 2000)).toEqual([{ text: '0010', complete: true }]);
  });
});

describe('a live HID POS scanner falling silent', () => {
  it('reports a scan whose next report never came as incomplete, once the wait is over', () => {
    const decoder = createScanDecoder('hidpos');
    const [first] = hidPosReports(PAYLOAD, 'honeywell');
    expect(decoder.push(first!.bytes, 0)).toEqual([]);
    expect(decoder.expire(REPORT_GAP_MS - 1)).toEqual([]);
    expect(decoder.expire(REPORT_GAP_MS + 1)).toEqual([
      { text: '008195004321||Lường Thị Hưởng|12031995|Nữ|Thô', complete: false },
    ]);
    expect(decoder.expire(10_000)).toEqual([]);
  });
});
