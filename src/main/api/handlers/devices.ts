import type { DEVICES_CHANNELS } from '../../../shared/api/devices';
import type { DevicesState, ScannerChoice } from '../../../shared/api-contract';
import { translate } from '../../../shared/i18n';
import { ok } from '../../../shared/result';
import { describeDevices } from '../../scanner/hid-transport';
import { demoCardText, readScannerChoice, saveScannerChoice } from '../../scanner/scanner-choice';
import { describeSerialPorts } from '../../scanner/serial-transport';
import { getLocale } from '../../settings/settings';
import type { ApiContext, DomainHandlers } from '../context';

/** The USB devices and serial ports the computer sees, and the chosen scanner. */
async function devicesState(ctx: ApiContext): Promise<DevicesState> {
  const [devices, serialPorts] = await Promise.all([
    ctx.hid.devicesAsync().then(describeDevices, (error: unknown) => {
      ctx.logger.error('devices-list', error);
      return null;
    }),
    ctx.serial.list().then(describeSerialPorts, (error: unknown) => {
      ctx.logger.error('serial-list', error);
      return [];
    }),
  ]);
  return {
    devices: devices ?? [],
    serialPorts,
    chosen: readScannerChoice(ctx.db),
    error: devices === null ? translate(getLocale(ctx.db), 'devices.unavailable') : null,
  };
}

export function devicesHandlers(ctx: ApiContext): DomainHandlers<typeof DEVICES_CHANNELS> {
  const { db } = ctx;
  ctx.scanner.choose(readScannerChoice(db));
  const chooseScanner = async (choice: ScannerChoice | null) => {
    saveScannerChoice(db, choice);
    ctx.scanner.choose(choice);
    return ok(await devicesState(ctx));
  };
  return {
    'devices-list': async () => ok(await devicesState(ctx)),
    'devices-choose': ({ vendorId, productId, name }) => chooseScanner({ kind: 'hid', vendorId, productId, name }),
    'devices-choose-serial': ({ path, name, baudRate }) => chooseScanner({ kind: 'serial', path, name, baudRate }),
    'devices-forget': () => chooseScanner(null),
    'scanner-next': ({ after, waitMs }) => {
      // The chip reader is watched, like the scanner, once a screen first asks for scans.
      ctx.chip.watch();
      return ctx.scanner.next(after, waitMs).then(ok);
    },
    'scanner-demo': async () => {
      const card = demoCardText(db, ctx.clock());
      if (!card.ok) return card;
      await ctx.scanner.playDemo(card.value.text);
      return ok({ fullName: card.value.fullName });
    },
  };
}
