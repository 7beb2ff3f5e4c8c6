import { describe, expect, it } from 'vitest';
import { describeDevices, hidPosPath, hidPosTransport, nodeHidModule } from '../../src/main/scanner/hid-transport';
import { readScans } from '../../src/main/scanner/read-scans';
import { COMPOSITE, FakeHid, MOUSE, honeywellReport, until } from '../helpers/fake-hid';

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
