import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app-context';
import { dispatch } from '../../src/main/api/dispatch';
import { createHandlers } from '../../src/main/api/handlers';
import { HID_POS_USAGE_PAGE, type HidModule } from '../../src/main/scanner/hid-transport';
import { tempApp } from '../helpers/app';

let app: App;
let cleanup: () => void;
beforeEach(() => ({ app, cleanup } = tempApp()));
afterEach(() => cleanup());

function withHid(hid: HidModule) {
  const ctx = { ...app.ctx, hid };
  const handlers = createHandlers(ctx);
  return (channel: string, request: unknown) => dispatch(ctx, handlers, channel, request);
}

describe('the devices API', () => {
  it('lists HID devices with the HID POS scanner first, and remembers the chosen one', async () => {
    const call = withHid({
      devicesAsync: async () => [
        {
          vendorId: 0x046d,
          productId: 0xc077,
          path: 'mouse',
          product: 'USB Optical Mouse',
          usagePage: 1,
          usage: 2,
          interface: 0,
        },
        {
          vendorId: 0x0c2e,
          productId: 0x0b61,
          path: 'pos',
          product: 'Honeywell Scanner',
          usagePage: HID_POS_USAGE_PAGE,
          usage: 2,
          interface: 1,
        },
      ],
      open: async () => {
        throw new Error('not used');
      },
    });
    const listed = await call('devices-list', {});
    expect(listed).toMatchObject({
      ok: true,
      value: {
        devices: [
          { path: 'pos', hidPos: true },
          { path: 'mouse', likelyScanner: false },
        ],
        chosen: null,
        error: null,
      },
    });
    const chosen = await call('devices-choose', { vendorId: 0x0c2e, productId: 0x0b61, name: 'Honeywell Scanner' });
    expect(chosen).toMatchObject({
      ok: true,
      value: { chosen: { vendorId: 0x0c2e, productId: 0x0b61, name: 'Honeywell Scanner' } },
    });
  });

  it('says in Vietnamese when USB devices cannot be listed', async () => {
    const call = withHid({
      devicesAsync: async () => {
        throw new Error('libusb missing');
      },
      open: async () => {
        throw new Error('not used');
      },
    });
    expect(await call('devices-list', {})).toMatchObject({
      ok: true,
      value: { devices: [], error: expect.stringMatching(/libusb/) },
    });
  });

  it('parses a test scan, with the warnings a keyboard-mode scanner earns', async () => {
    const call = withHid({ devicesAsync: async () => [], open: async () => Promise.reject(new Error('x')) });
    const parsed = await call('qr-parse', { text: '008090012345|070123456|Ma Van Tuong|06081990|Nam|Thon Ba 1|15062021' });
    expect(parsed).toMatchObject({ ok: true, value: { fullName: 'Ma Van Tuong', warnings: [expect.stringMatching(/HID POS/)] } });
  });
});
