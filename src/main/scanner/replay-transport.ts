import type { CapturedReport } from '../../shared/scanner/capture';
import type { ScanFormat } from '../../shared/scanner/decoders';
import type { ScannerTransport } from './transport';

/**
 * A transport that plays a recorded capture back: for tests and the demo mode. With `realTime` the
 * reports keep their recorded spacing; otherwise they are delivered at once with their timestamps.
 */
export function replayTransport(reports: readonly CapturedReport[], format: ScanFormat, realTime = false): ScannerTransport {
  let closed = false;
  return {
    format,
    async start(onReport) {
      let previous = reports[0]?.atMs ?? 0;
      for (const report of reports) {
        if (closed) return;
        if (realTime) await new Promise((resolve) => setTimeout(resolve, Math.max(0, report.atMs - previous)));
        previous = report.atMs;
        onReport(report.bytes, report.atMs);
      }
    },
    close() {
      closed = true;
    },
  };
}
