import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  HID_POS_USAGE_PAGE,
  describeDevices,
  hidPosPath,
  hidPosTransport,
  nodeHidModule,
  type HidDevice,
  type HidHandle,
  type HidModule,
} from '../../src/main/scanner/hid-transport';
import { readScans } from '../../src/main/scanner/read-scans';

/** A composite Honeywell-like scanner: keyboard, HID POS and vendor collections. */
const COMPOSITE: HidDevice[] = [
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
const MOUSE: HidDevice = {
  vendorId: 0x046d,
  productId: 0xc077,
  path: 'mouse',
  product: 'USB Optical Mouse',
  usagePage: 0x01,
  usage: 0x02,
  interface: 0,
};

function honeywellReport(text: string): Buffer {
  const data = Buffer.from(text, 'utf8');
  const report = Buffer.alloc(64);
  report[0] = 0x02;
  report[1] = data.length;
  report.write(']Q1', 2, 'latin1');
  data.copy(report, 5);
  return report;
}

/** node-hid's edge, faked: devices that come and go, handles that emit reports and errors. */
class FakeHid implements HidModule {
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

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};

describe('the node-hid adapter', () => {
  it("enumerates this machine's HID devices through node-hid (none here) without failing", async () => {
    const devices = await nodeHidModule().devicesAsync();
    expect(Array.isArray(devices)).toBe(true);
    expect(describeDevices(devices).every((d) => typeof d.name === 'string')).toBe(true);
  });

  it('lists scanners first and marks the HID POS collection', () => {
    const views = describeDevices([MOUSE, ...COMPOSITE]);
    expect(views[0]).toMatchObject({ path: 'pos', hidPos: true, likelyScanner: true });
    expect(views.at(-1)).toMatchObject({ path: 'mouse', likelyScanner: false });
  });

  it('opens only the HID POS collection of a composite device', () => {
    expect(hidPosPath(COMPOSITE, 0x0c2e, 0x0b61)).toBe('pos');
    expect(hidPosPath([COMPOSITE[0]!], 0x0c2e, 0x0b61)).toBeNull();
  });

  it('reads scans, and reopens the scanner after it is unplugged and plugged back', async () => {
    const hid = new FakeHid();
    let clock = 0;
    const states: string[] = [];
    const transport = hidPosTransport(hid, {
      vendorId: 0x0c2e,
      productId: 0x0b61,
      format: 'hidpos',
      now: () => (clock += 10),
      reopenMs: 5,
      onState: (s) => states.push(s),
    });
    const scans = readScans(transport);
    await until(() => hid.handles.length === 1);
    hid.handles[0]!.emit('data', honeywellReport('008090012345|070123456|Ma Văn Tường|06081990|Nam|Thôn Ba 1|15062021'));
    // Unplugged: the handle errors and the device disappears for a while.
    hid.devices = [MOUSE];
    hid.handles[0]!.emit('error', new Error('could not read from HID device'));
    await until(() => states.includes('waiting'));
    hid.devices = [...COMPOSITE, MOUSE];
    await until(() => hid.handles.length === 2);
    hid.handles[1]!.emit('data', honeywellReport('008195004321||Lường Thị Hưởng|12031995|Nữ|Thôn Nà Coóc|04102024||||'));
    transport.close();
    expect((await scans).map((s) => s.text.split('|')[0])).toEqual(['008090012345', '008195004321']);
    expect(hid.opened).toEqual(['pos', 'pos']);
  });
});
