/**
 * HID POS scanners through node-hid (DESIGN.md §7). A composite scanner exposes several HID
 * collections (keyboard, HID POS…); only the HID POS one (usage page 0x8C, usage 2) is opened, since
 * Windows keeps keyboard-class collections for itself. After an unplug the transport waits for the
 * device to come back and reopens it.
 */
import type { HidDeviceView } from '../../shared/api-contract';
import type { ScanFormat } from '../../shared/scanner/decoders';
import { reopeningTransport, type ScannerTransport } from './transport';

export const HID_POS_USAGE_PAGE = 0x8c;
export const HID_POS_SCANNER_USAGE = 0x02;

export interface HidDevice {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string | undefined;
  readonly product?: string | undefined;
  readonly manufacturer?: string | undefined;
  readonly serialNumber?: string | undefined;
  readonly usagePage?: number | undefined;
  readonly usage?: number | undefined;
  readonly interface: number;
}

export interface HidHandle {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): Promise<void>;
}

/** The edge of the HID world: node-hid in the app, a fake in tests. */
export interface HidModule {
  devicesAsync(): Promise<HidDevice[]>;
  open(path: string): Promise<HidHandle>;
}

/** node-hid, loaded on first use (a missing libusb/hidraw then fails here, not at start-up). */
export function nodeHidModule(): HidModule {
  const load = async () => {
    const hid = (await import('node-hid')) as typeof import('node-hid') & { default?: typeof import('node-hid') };
    return hid.default ?? hid;
  };
  return {
    devicesAsync: async () => (await load()).devicesAsync(),
    open: async (path) => (await (await load()).HIDAsync.open(path)) as unknown as HidHandle,
  };
}

/** A device as the Thiết bị page lists it (the contract's view). */
export type DeviceView = HidDeviceView;

const SCANNER_NAMES = /scan|barcode|honeywell|newland|zebra|datalogic|symbol|metrologic|qr|cccd/i;

/** Devices as the Thiết bị page lists them, scanners first. */
export function describeDevices(devices: readonly HidDevice[]): DeviceView[] {
  return devices
    .map((d) => {
      const hidPos = d.usagePage === HID_POS_USAGE_PAGE && d.usage === HID_POS_SCANNER_USAGE;
      const name = [d.manufacturer, d.product].filter(Boolean).join(' ') || `${hex(d.vendorId)}:${hex(d.productId)}`;
      return {
        vendorId: d.vendorId,
        productId: d.productId,
        path: d.path ?? null,
        name,
        usagePage: d.usagePage ?? null,
        usage: d.usage ?? null,
        hidPos,
        likelyScanner: hidPos || d.usagePage === HID_POS_USAGE_PAGE || SCANNER_NAMES.test(name),
      };
    })
    .sort((a, b) => Number(b.likelyScanner) - Number(a.likelyScanner) || Number(b.hidPos) - Number(a.hidPos));
}

function hex(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** The path of a device's HID POS scanner collection, or null when it has none (keyboard mode). */
export function hidPosPath(devices: readonly HidDevice[], vendorId: number, productId: number): string | null {
  const pos = devices.find(
    (d) =>
      d.vendorId === vendorId &&
      d.productId === productId &&
      d.usagePage === HID_POS_USAGE_PAGE &&
      d.usage === HID_POS_SCANNER_USAGE,
  );
  return pos?.path ?? null;
}

export interface HidPosOptions {
  readonly vendorId: number;
  readonly productId: number;
  readonly format: Extract<ScanFormat, 'hidpos' | 'hidpos-newland'>;
  readonly now: () => number;
  /** How often to look for the device again after it was unplugged. */
  readonly reopenMs?: number;
  readonly onState?: (state: 'open' | 'waiting') => void;
}

/** A transport reading a HID POS scanner, reopening it after an unplug, until closed. */
export function hidPosTransport(hid: HidModule, options: HidPosOptions): ScannerTransport {
  return reopeningTransport(options.format, {
    find: async () => hidPosPath(await hid.devicesAsync(), options.vendorId, options.productId),
    open: async (path) => {
      const handle = await hid.open(path);
      return {
        onData: (listener) => handle.on('data', (data) => listener(new Uint8Array(data))),
        onEnd: (listener) => handle.on('error', () => listener()),
        close: () => handle.close(),
      };
    },
    now: options.now,
    reopenMs: options.reopenMs,
    onState: options.onState,
  });
}
