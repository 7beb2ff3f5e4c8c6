import { EventEmitter } from 'node:events';
import { expect } from 'vitest';
import { HID_POS_USAGE_PAGE, type HidDevice, type HidHandle, type HidModule } from '../../src/main/scanner/hid-transport';

/** A composite Honeywell-like scanner: keyboard, HID POS and vendor collections. */
export const COMPOSITE: HidDevice[] = [
  { vendorId: 0x0c2e, productId: 0x0b61, path: 'kbd', product: 'Honeywell Scanner', usagePage: 0x01, usage: 0x06, interface: 0 },
  {
    vendorId: 0x0c2e,
    productId: 0x0b61,
    path: 'pos',
    product: 'Honeywell Scanner',
    usagePage: HID_POS_USAGE_PAGE,
    usage: 0x02,
    interface: 1,
  },
  {
    vendorId: 0x0c2e,
    productId: 0x0b61,
    path: 'vendor',
    product: 'Honeywell Scanner',
    usagePage: 0xff00,
    usage: 0x01,
    interface: 2,
  },
];
export const MOUSE: HidDevice = {
  vendorId: 0x046d,
  productId: 0xc077,
  path: 'mouse',
  product: 'USB Optical Mouse',
  usagePage: 0x01,
  usage: 0x02,
  interface: 0,
};

export function honeywellReport(text: string): Buffer {
  const data = Buffer.from(text, 'utf8');
  const report = Buffer.alloc(64);
  report[0] = 0x02;
  report[1] = data.length;
  report.write(']Q1', 2, 'latin1');
  data.copy(report, 5);
  return report;
}

/** node-hid's edge, faked: devices that come and go, handles that emit reports and errors. */
export class FakeHid implements HidModule {
  devices: HidDevice[] = [...COMPOSITE, MOUSE];
  opened: string[] = [];
  handles: (EventEmitter & HidHandle)[] = [];
  async devicesAsync() {
    return this.devices;
  }
  async open(path: string) {
    this.opened.push(path);
    const handle = Object.assign(new EventEmitter(), { close: async () => undefined }) as EventEmitter & HidHandle;
    this.handles.push(handle);
    return handle;
  }
}

/** Waits (up to a second) for a condition the background transport brings about. */
export const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};
