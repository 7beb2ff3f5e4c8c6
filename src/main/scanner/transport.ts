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

/** An opened device, as the reopening loop sees it. */
export interface OpenedDevice {
  onData(listener: (data: Uint8Array) => void): void;
  /** Called once when the device goes away (unplugged, port closed, read error). */
  onEnd(listener: () => void): void;
  close(): Promise<void>;
}

export interface ReopeningOptions {
  /** Where the device is now, or null while it is unplugged. */
  find(): Promise<string | null>;
  open(path: string): Promise<OpenedDevice>;
  readonly now: () => number;
  /** How often to look for the device again after it went away. */
  readonly reopenMs?: number | undefined;
  readonly onState?: ((state: 'open' | 'waiting') => void) | undefined;
}

/** A transport that reads a device until closed, waiting for it and reopening it after an unplug. */
export function reopeningTransport(format: ScanFormat, options: ReopeningOptions): ScannerTransport {
  let closed = false;
  let wake: (() => void) | null = null;
  const reopenMs = options.reopenMs ?? 1000;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  return {
    format,
    async start(onReport) {
      while (!closed) {
        let device: OpenedDevice;
        try {
          const path = await options.find();
          if (path === null) {
            options.onState?.('waiting');
            await sleep(reopenMs);
            continue;
          }
          device = await options.open(path);
        } catch {
          options.onState?.('waiting');
          await sleep(reopenMs);
          continue;
        }
        if (closed) {
          await device.close().catch(() => undefined);
          break;
        }
        options.onState?.('open');
        await new Promise<void>((resolve) => {
          device.onData((data) => onReport(data, options.now()));
          device.onEnd(resolve);
          wake = resolve;
        });
        await device.close().catch(() => undefined);
      }
    },
    close() {
      closed = true;
      wake?.();
    },
  };
}
