import { createScanDecoder, type Scan } from '../../shared/scanner/decoders';
import type { ScannerTransport } from './transport';

/** Runs a transport to its end and returns every scan it produced (a replay, or a bounded session). */
export async function readScans(transport: ScannerTransport): Promise<Scan[]> {
  const decoder = createScanDecoder(transport.format);
  const scans: Scan[] = [];
  await transport.start((report, atMs) => scans.push(...decoder.push(report, atMs)));
  scans.push(...decoder.flush());
  return scans;
}
