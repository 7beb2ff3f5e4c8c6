/** The CCCD chip (issue 20): card readers (PC/SC), reading a chip with a BAC key, and the CSCA certificates. */
import { z } from 'zod';
import type { Role } from '../auth/roles';
import type { ChipRead } from '../chip/chip-read';
import { MAX_QR_PAYLOAD } from '../identity/cccd-qr';
import type { Problem } from '../result';
import { bytes, channel, fileName, noFields } from './define';

/** The desk that reads cards: police and health station (and the administrator). */
const CHIP_DESK: readonly Role[] = ['police', 'health', 'admin'];
const ADMIN_ONLY: readonly Role[] = ['admin'];

export interface ChipReaderView {
  readonly name: string;
  readonly cardPresent: boolean;
}

/** An installed CSCA certificate, as Settings lists it. */
export interface CscaView {
  readonly subject: string;
  readonly country: string | null;
  readonly validTo: string;
  readonly fingerprint: string;
}

export interface ChipReadersState {
  /** False without the PC/SC library or service: `problem` says which. */
  readonly available: boolean;
  readonly problem: Problem | null;
  readonly readers: readonly ChipReaderView[];
  /** The reader the officer chose (remembered), or null to use whichever holds a card. */
  readonly chosen: string | null;
  readonly csca: readonly CscaView[];
}

export interface CscaInstallResult {
  readonly added: number;
  readonly csca: readonly CscaView[];
}

/**
 * What the background reading of the chosen reader says through the scan queue (issue 20): a card
 * is being read, was read (the read kept in main under `readId`, for `lookup-chip`), could not be
 * read (why), or waits for its key (scan its QR code or MRZ, or type its numbers).
 */
export type ChipScan =
  | { readonly state: 'reading'; readonly reader: string }
  | { readonly state: 'read'; readonly reader: string; readonly readId: number }
  | { readonly state: 'failed'; readonly reader: string; readonly problem: Problem }
  | { readonly state: 'needsKey'; readonly reader: string };

export interface ChipKeyAnswer {
  /** A card waiting on the watched reader is being read with the key now. */
  readonly reading: boolean;
}

export const keySource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mrz'), lines: z.string().max(200) }).strict(),
  z.object({ kind: z.literal('qr'), payload: z.string().max(MAX_QR_PAYLOAD) }).strict(),
  z
    .object({
      kind: z.literal('typed'),
      documentNumber: z.string().trim().min(1).max(20),
      birthDate: z.string().trim().min(1).max(20),
      expiryDate: z.string().trim().max(20).nullable().optional(),
      issueDate: z.string().trim().max(20).optional(),
    })
    .strict(),
]);

export const CHIP_CHANNELS = {
  'chip-readers': channel<ChipReadersState>()({ effect: 'reads', request: noFields, roles: CHIP_DESK }),
  'chip-choose': channel<ChipReadersState>()({
    effect: 'writes',
    request: z.object({ reader: z.string().max(200).nullable() }).strict(),
    roles: CHIP_DESK,
  }),
  'chip-read': channel<ChipRead>()({
    effect: 'writes',
    request: z.object({ key: keySource, reader: z.string().max(200).optional() }).strict(),
    roles: CHIP_DESK,
  }),
  /** The key typed on the lookup page, for the card placed (or to be placed) on the reader. */
  'chip-key': channel<ChipKeyAnswer>()({ effect: 'reads', request: z.object({ key: keySource }).strict(), roles: CHIP_DESK }),
  'chip-csca-install': channel<CscaInstallResult>()({
    effect: 'writes',
    request: z.object({ fileName, data: bytes }).strict(),
    roles: ADMIN_ONLY,
  }),
} as const;
