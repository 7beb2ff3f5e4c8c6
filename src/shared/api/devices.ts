/** Scanners: the devices the computer sees, the chosen one, and the scans it reads. */
import { z } from 'zod';
import { EVERYONE, POLICE } from '../auth/roles';
import type { ChipScan } from './chip';
import { channel, noFields } from './define';

/** The longest a screen waits in one `scanner-next` call. */
export const SCANNER_WAIT_MAX_MS = 25_000;

export interface HidDeviceView {
  readonly vendorId: number;
  readonly productId: number;
  readonly path: string | null;
  readonly name: string;
  readonly usagePage: number | null;
  readonly usage: number | null;
  readonly hidPos: boolean;
  readonly likelyScanner: boolean;
}

export interface SerialPortView {
  readonly path: string;
  readonly name: string;
  readonly vendorId: string | null;
  readonly productId: string | null;
  /** A USB virtual COM port (not a built-in serial port). */
  readonly usb: boolean;
  readonly likelyScanner: boolean;
}

/** The scanner the officer chose: a HID POS device, or a virtual COM port. */
export type ScannerChoice =
  | { readonly kind: 'hid'; readonly vendorId: number; readonly productId: number; readonly name: string }
  | { readonly kind: 'serial'; readonly path: string; readonly name: string; readonly baudRate: number };

export interface ScannerStatus {
  readonly source: 'none' | 'hid' | 'serial';
  /** `waiting`: chosen but not plugged in (or not yet opened). */
  readonly state: 'off' | 'open' | 'waiting';
  readonly name: string | null;
}

/** One scan read by the chosen scanner (or played by the demo mode). */
export interface ScanEvent {
  readonly seq: number;
  readonly at: string;
  readonly text: string;
  /** False when the scan's last report never came: the officer should scan again. */
  readonly complete: boolean;
  readonly source: 'hid' | 'serial' | 'demo' | 'chip';
  /** A chip card on the watched reader (source 'chip'; `text` is empty then). */
  readonly chip?: ChipScan;
}

export interface DevicesState {
  readonly devices: readonly HidDeviceView[];
  readonly serialPorts: readonly SerialPortView[];
  readonly chosen: ScannerChoice | null;
  /** Why the USB devices could not be listed (a missing libusb, no permission), if so. */
  readonly error: string | null;
}

export const DEVICES_CHANNELS = {
  'devices-list': channel<DevicesState>()({ effect: 'reads', request: noFields, roles: EVERYONE }),
  'devices-choose': channel<DevicesState>()({
    effect: 'writes',
    request: z
      .object({
        vendorId: z.number().int().min(0).max(0xffff),
        productId: z.number().int().min(0).max(0xffff),
        name: z.string().max(200),
      })
      .strict(),
    roles: POLICE,
  }),
  'devices-choose-serial': channel<DevicesState>()({
    effect: 'writes',
    request: z
      .object({
        path: z.string().trim().min(1).max(200),
        name: z.string().max(200),
        baudRate: z.number().int().min(1200).max(921600),
      })
      .strict(),
    roles: POLICE,
  }),
  'devices-forget': channel<DevicesState>()({ effect: 'writes', request: noFields, roles: POLICE }),
  'scanner-next': channel<{ readonly scans: readonly ScanEvent[]; readonly status: ScannerStatus }>()({
    effect: 'reads',
    request: z.object({ after: z.number().int().min(0), waitMs: z.number().int().min(0).max(SCANNER_WAIT_MAX_MS) }).strict(),
    roles: EVERYONE,
  }),
  'scanner-demo': channel<{ readonly fullName: string }>()({ effect: 'reads', request: noFields, roles: EVERYONE }),
} as const;
