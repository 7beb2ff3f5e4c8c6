/**
 * Scanners set to USB virtual COM (DESIGN.md §7, second in the order of support) through
 * `serialport`: the scanner appears as a serial port (COM3 on Windows, /dev/ttyACM0 on Linux) and
 * sends each scan as bytes ending in its suffix (CR/LF) or followed by silence.
 */
import type { SerialPortView } from '../../shared/api-contract';
import { reopeningTransport, type ScannerTransport } from './transport';

export interface SerialPortInfo {
  readonly path: string;
  readonly manufacturer?: string | undefined;
  readonly vendorId?: string | undefined;
  readonly productId?: string | undefined;
  readonly pnpId?: string | undefined;
}

export interface SerialHandle {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'close' | 'error', listener: () => void): unknown;
  close(): Promise<void>;
}

/** The edge of the serial world: serialport in the app, serialport's own mock binding in tests. */
export interface SerialModule {
  list(): Promise<SerialPortInfo[]>;
  open(path: string, baudRate: number): Promise<SerialHandle>;
}

type SerialPortClass = typeof import('serialport').SerialPort;

/** A SerialModule over a serialport class (the real one, or SerialPortMock in tests). */
export function serialModuleOf(load: () => Promise<SerialPortClass>): SerialModule {
  return {
    list: async () => (await load()).list(),
    open: async (path, baudRate) => {
      const SerialPort = await load();
      const port = new SerialPort({ path, baudRate, autoOpen: false });
      await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
      return {
        on: (event: 'data' | 'close' | 'error', listener: (data: Buffer) => void) => port.on(event, listener),
        close: () =>
          new Promise<void>((resolve) => {
            if (!port.isOpen) resolve();
            else port.close(() => resolve());
          }),
      } as SerialHandle;
    },
  };
}

/** serialport, loaded on first use. */
export function nodeSerialModule(): SerialModule {
  return serialModuleOf(async () => {
    const module = (await import('serialport')) as typeof import('serialport') & { default?: typeof import('serialport') };
    return (module.default ?? module).SerialPort;
  });
}

// USB vendor IDs of scanner makers whose virtual COM ports are likely scanners.
const SCANNER_VENDORS = new Set(['0c2e', '1eab', '05e0', '0536', '05f9', '1a86', '0483', '2dd6', '27dd']);
const SCANNER_NAMES = /scan|barcode|honeywell|newland|zebra|datalogic|symbol|metrologic|qr/i;

/** Serial ports as the Thiết bị page lists them, likely scanners first (USB ports before built-in ones). */
export function describeSerialPorts(ports: readonly SerialPortInfo[]): SerialPortView[] {
  return ports
    .map((p) => {
      const vendorId = p.vendorId?.toLowerCase() ?? null;
      const name = [p.manufacturer, p.path].filter(Boolean).join(' · ');
      return {
        path: p.path,
        name,
        vendorId,
        productId: p.productId?.toLowerCase() ?? null,
        usb: vendorId !== null,
        likelyScanner:
          (vendorId !== null && SCANNER_VENDORS.has(vendorId)) || SCANNER_NAMES.test(`${p.manufacturer ?? ''} ${p.pnpId ?? ''}`),
      };
    })
    .sort((a, b) => Number(b.likelyScanner) - Number(a.likelyScanner) || Number(b.usb) - Number(a.usb));
}

export interface SerialOptions {
  readonly path: string;
  readonly baudRate: number;
  readonly now: () => number;
  readonly reopenMs?: number;
  readonly onState?: (state: 'open' | 'waiting') => void;
}

/** A transport reading a virtual COM scanner, reopening the port after an unplug, until closed. */
export function serialTransport(serial: SerialModule, options: SerialOptions): ScannerTransport {
  return reopeningTransport('serial', {
    find: async () => ((await serial.list()).some((p) => p.path === options.path) ? options.path : null),
    open: async (path) => {
      const handle = await serial.open(path, options.baudRate);
      let ended = false;
      return {
        onData: (listener) => handle.on('data', (data) => listener(new Uint8Array(data))),
        onEnd: (listener) => {
          const end = () => {
            if (ended) return;
            ended = true;
            listener();
          };
          handle.on('close', end);
          handle.on('error', end);
        },
        close: () => handle.close(),
      };
    },
    now: options.now,
    reopenMs: options.reopenMs,
    onState: options.onState,
  });
}
