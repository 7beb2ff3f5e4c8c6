/**
 * Every scanner transport (HID POS through node-hid, virtual COM, keyboard capture, replay) sits
 * behind this one small interface (DESIGN.md §7).
 */
import type { ScanFormat } from '../../shared/scanner/decoders';

export interface ScannerTransport {
  /** How this transport's reports are laid out. */
  readonly format: ScanFormat;
  /** Starts delivering input reports; resolves when the transport has nothing more (replay) or is closed. */
  start(onReport: (report: Uint8Array, atMs: number) => void): Promise<void>;
  close(): void;
}
