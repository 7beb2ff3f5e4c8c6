import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCapture } from '../../src/shared/scanner/capture';
import { createScanDecoder, decodeReports, REPORT_GAP_MS, type ScanFormat } from '../../src/shared/scanner/decoders';
import { SHARED_FIXTURES } from '../helpers/paths';

const SCANNER = join(SHARED_FIXTURES, 'scanner');
const PAYLOAD =
  '008195004321||Lường Thị Hưởng|12031995|Nữ|Thôn Nà Coóc, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang|04102024||||';

/** The 64-byte HID POS reports a scanner of either layout sends for a text. */
function reportsFor(text: string, layout: 'honeywell' | 'newland', startMs = 0): { atMs: number; bytes: Uint8Array }[] {
  const data = new TextEncoder().encode(text);
  const reports: { atMs: number; bytes: Uint8Array }[] = [];
  for (let offset = 0, i = 0; offset < data.length; offset += 56, i++) {
    const chunk = data.subarray(offset, offset + 56);
    const report = new Uint8Array(64);
    report[0] = 0x02;
    report[1] = chunk.length;
    if (layout === 'honeywell') {
      report.set([0x5d, 0x51, 0x31], 2);
      report.set(chunk, 5);
      report[61] = 0x73;
    } else {
      report.set(chunk, 2);
      report[62] = 0x51;
    }
    report[63] = offset + 56 < data.length ? 1 : 0;
    reports.push({ atMs: startMs + i * 2, bytes: report });
  }
  return reports;
}

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
