import { SerialPortMock } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import { createHandlers } from '../../src/main/api/handlers';
import type { App } from '../../src/main/app-context';
import { loadDemo } from '../../src/main/demo/demo-residents';
import { ScannerService } from '../../src/main/scanner/scanner-service';
import { describeSerialPorts, serialModuleOf, serialTransport, type SerialModule } from '../../src/main/scanner/serial-transport';
import { readScans } from '../../src/main/scanner/read-scans';
import { hidPosReports } from '../../src/shared/scanner/encode';
import { tempApp } from '../helpers/app';
import { FakeHid, honeywellReport, until } from '../helpers/fake-hid';

// The mock binding serialport itself uses (importing @serialport/binding-mock may load a second copy).
const MockBinding = SerialPortMock.binding;
const CARD = '008090012345|070123456|Ma Văn Tường|06081990|Nam|Thôn Ba 1|15062021';

/** serialport over its own mock binding, keeping every port it opens so a test can pull the plug. */
function mockSerial(): { serial: SerialModule; ports: InstanceType<typeof SerialPortMock>[] } {
  const ports: InstanceType<typeof SerialPortMock>[] = [];
  class Tracked extends SerialPortMock {
    constructor(options: ConstructorParameters<typeof SerialPortMock>[0]) {
      super(options);
      ports.push(this);
    }
  }
  return { serial: serialModuleOf(async () => Tracked as never), ports };
}

beforeEach(() => MockBinding.reset());

describe('virtual COM scanners (serialport)', () => {
  it('frames scans at the CR LF suffix, keeps a letter cut between chunks whole, and reopens after an unplug', async () => {
    MockBinding.createPort('/dev/ttyACM0', { vendorId: '0c2e', productId: '0b6a', manufacturer: 'Honeywell' });
    const { serial, ports } = mockSerial();
    const states: string[] = [];
    let clock = 0;
    const transport = serialTransport(serial, {
      path: '/dev/ttyACM0',
      baudRate: 9600,
      now: () => (clock += 5),
      reopenMs: 5,
      onState: (s) => states.push(s),
    });
    const scans = readScans(transport);
    await until(() => ports.length === 1 && ports[0]!.isOpen);
    const bytes = Buffer.from(`${CARD}\r\n`, 'utf8');
    const cut = bytes.indexOf(Buffer.from('ư', 'utf8')) + 1; // inside the two bytes of "ư"
    ports[0]!.port!.emitData(bytes.subarray(0, cut));
    ports[0]!.port!.emitData(bytes.subarray(cut));
    await new Promise((r) => setTimeout(r, 20));
    // Unplugged: the port disappears and closes; plugged back, it is opened again.
    MockBinding.reset();
    ports[0]!.close();
    await until(() => states.includes('waiting'));
    MockBinding.createPort('/dev/ttyACM0', { vendorId: '0c2e', productId: '0b6a' });
    await until(() => ports.length === 2 && ports[1]!.isOpen);
    ports[1]!.port!.emitData(Buffer.from('008195004321||Lường Thị Hưởng|12031995|Nữ|Thôn Nà Coóc|04102024\r', 'utf8'));
    await new Promise((r) => setTimeout(r, 20));
    transport.close();
    const texts = (await scans).map((s) => s.text);
    expect(texts[0]).toBe(CARD);
    expect(texts[1]).toContain('Lường Thị Hưởng');
    expect(texts).toHaveLength(2);
  });

  it('lists serial ports, USB scanners first', async () => {
    MockBinding.createPort('/dev/ttyS0');
    MockBinding.createPort('/dev/ttyACM0', { vendorId: '0C2E', productId: '0B6A', manufacturer: 'Honeywell' });
    const views = describeSerialPorts(await mockSerial().serial.list());
    expect(views.map((v) => [v.path, v.usb, v.likelyScanner])).toEqual([
      ['/dev/ttyACM0', true, true],
      ['/dev/ttyS0', false, false],
    ]);
  });
});

describe('the scanner service and its API', () => {
  let app: App;
  let cleanup: () => void;
  beforeEach(() => ({ app, cleanup } = tempApp()));
  afterEach(() => cleanup());

  function withScanner(hid: FakeHid, serial: SerialModule) {
    const scanner = new ScannerService({ hid, serial, clock: () => new Date(), onError: () => undefined });
    const ctx = { ...app.ctx, hid, serial, scanner };
    const handlers = createHandlers(ctx);
    return { scanner, call: (channel: string, request: unknown) => dispatch(ctx, handlers, channel, request) };
  }

  it('reads the chosen HID POS scanner in the background and hands its scans to a waiting screen', async () => {
    const hid = new FakeHid();
    const { scanner, call } = withScanner(hid, mockSerial().serial);
    try {
      expect(await call('scanner-next', { after: 0, waitMs: 0 })).toMatchObject({
        ok: true,
        value: { scans: [], status: { source: 'none', state: 'off' } },
      });
      await call('devices-choose', { vendorId: 0x0c2e, productId: 0x0b61, name: 'Honeywell Scanner' });
      await until(() => hid.handles.length === 1);
      const waiting = call('scanner-next', { after: 0, waitMs: 5000 });
      for (const report of hidPosReports(CARD, 'honeywell')) hid.handles[0]!.emit('data', Buffer.from(report.bytes));
      expect(await waiting).toMatchObject({
        ok: true,
        value: { scans: [{ seq: 1, text: CARD, complete: true, source: 'hid' }], status: { source: 'hid', state: 'open' } },
      });
      // A scan whose second report never comes is reported incomplete once the scanner falls silent.
      const first = honeywellReport('00809001234');
      first[63] = 1;
      hid.handles[0]!.emit('data', first);
      const incomplete = await call('scanner-next', { after: 1, waitMs: 5000 });
      expect(incomplete).toMatchObject({ ok: true, value: { scans: [{ seq: 2, text: '00809001234', complete: false }] } });
      // Forgetting the scanner closes it.
      expect(await call('devices-forget', {})).toMatchObject({ ok: true, value: { chosen: null } });
      expect(await call('scanner-next', { after: 2, waitMs: 0 })).toMatchObject({
        ok: true,
        value: { status: { source: 'none', state: 'off' } },
      });
    } finally {
      scanner.close();
    }
  });

  it('remembers a chosen virtual COM port and reads it', async () => {
    MockBinding.createPort('COM3', { vendorId: '1eab', productId: '1d06', manufacturer: 'Newland' });
    const { serial, ports } = mockSerial();
    const { scanner, call } = withScanner(new FakeHid(), serial);
    try {
      const chosen = await call('devices-choose-serial', { path: 'COM3', name: 'Newland · COM3', baudRate: 115200 });
      expect(chosen).toMatchObject({
        ok: true,
        value: {
          chosen: { kind: 'serial', path: 'COM3', baudRate: 115200 },
          serialPorts: [{ path: 'COM3', usb: true, likelyScanner: true }],
        },
      });
      await call('scanner-next', { after: 0, waitMs: 0 }); // a screen asks: reading starts
      await until(() => ports.length === 1 && ports[0]!.isOpen);
      expect(ports[0]!.baudRate).toBe(115200);
      const waiting = call('scanner-next', { after: 0, waitMs: 5000 });
      ports[0]!.port!.emitData(Buffer.from(CARD, 'utf8')); // no suffix: the silence ends the frame
      expect(await waiting).toMatchObject({
        ok: true,
        value: { scans: [{ text: CARD, complete: true, source: 'serial' }], status: { source: 'serial', state: 'open' } },
      });
    } finally {
      scanner.close();
    }
  });

  it('plays a demo resident’s card through the replay transport, or says to load residents first', async () => {
    const { scanner, call } = withScanner(new FakeHid(), mockSerial().serial);
    try {
      expect(await call('scanner-demo', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Dân cư/) } });
      loadDemo(app.ctx.db);
      // Every card it plays (elderly residents with a birth year only have no card to play) is one the lookup desk finds.
      for (let seq = 1; seq <= 25; seq++) {
        const played = await call('scanner-demo', {});
        if (!played.ok) throw new Error(played.error.message);
        const { fullName } = played.value as { fullName: string };
        const next = await call('scanner-next', { after: seq - 1, waitMs: 0 });
        if (!next.ok) throw new Error(next.error.message);
        const [scan] = (next.value as { scans: { text: string; source: string }[] }).scans;
        expect(scan).toMatchObject({ source: 'demo', text: expect.stringContaining(`|${fullName}|`) });
        const found = await call('lookup-scan', { text: scan!.text, place: 'Trụ sở', direction: 'visit' });
        expect(found).toMatchObject({ ok: true, value: { source: 'qr', resident: { fullName }, differences: [], warnings: [] } });
      }
    } finally {
      scanner.close();
    }
  });
});
