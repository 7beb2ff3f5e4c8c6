/**
 * The reports a scanner sends for a text (DESIGN.md §7): what the demo mode plays through the replay
 * transport, and what tests build their captures from.
 */
import type { CapturedReport } from './capture';

/** The 64-byte HID POS reports of a Honeywell- or Newland-style scanner for one scan, 2 ms apart. */
export function hidPosReports(text: string, layout: 'honeywell' | 'newland', startMs = 0): CapturedReport[] {
  const data = new TextEncoder().encode(text);
  const reports: CapturedReport[] = [];
  for (let offset = 0, i = 0; offset < data.length; offset += 56, i++) {
    const chunk = data.subarray(offset, offset + 56);
    const report = new Uint8Array(64);
    report[0] = 0x02;
    report[1] = chunk.length;
    if (layout === 'honeywell') {
      report.set([0x5d, 0x51, 0x31], 2); // "]Q1": AIM identifier of a QR code
      report.set(chunk, 5);
      report[61] = 0x73; // Honeywell code ID of a QR code
    } else {
      report.set(chunk, 2);
      report[62] = 0x51;
    }
    report[63] = offset + 56 < data.length ? 1 : 0;
    reports.push({ atMs: startMs + i * 2, bytes: report });
  }
  return reports;
}
