/** The lookup desk: a scanned or typed card beside the registry, and the checkpoint log. */
import { z } from 'zod';
import { EVERYONE, LISTS, POLICE } from '../auth/roles';
import type { AuthenticityStatus, ChipRead } from '../chip/chip-read';
import type { IsoDate } from '../dates';
import type { Sex } from '../types';
import type { AddressNote } from '../verification/address';
import type { ComparedField, EntryStatus } from '../verification/vocabulary';
import { channel, rowId, type ExportedFile } from './define';
import type { ResidentView } from './registry';

/** What a card says, read from its QR code (everything) or its MRZ lines (no address, the name without accents). */
export interface LookupCard {
  readonly personalId: string;
  readonly oldId: string | null;
  readonly fullName: string;
  readonly birthDate: IsoDate | null;
  readonly sex: Sex | null;
  readonly address: string | null;
  readonly issueDate: IsoDate | null;
  readonly expiryDate: IsoDate | null;
}

/** How the person was identified: the card's QR code, its MRZ lines, its chip, or a typed number. */
export type LookupSource = 'qr' | 'mrz' | 'typed' | 'chip';

/** The chip of the card (a chip read, or a QR scan of a card whose chip was read minutes before). */
export interface LookupChip {
  readonly read: ChipRead;
  /** Where the card's QR code and its chip disagree; null when no QR code of this card was scanned. */
  readonly qrDifferences: readonly ComparedField[] | null;
}

export interface LookupResult {
  readonly source: LookupSource;
  /** What the card says (a typed number has no card). */
  readonly card: LookupCard | null;
  readonly number: string;
  readonly idCheck: {
    readonly valid: boolean;
    readonly kind: 'personal_id' | 'cmnd';
    /** The old province (of the 63) where the birth was registered: "Hà Giang". */
    readonly provinceName: string | null;
    /** The province that contains it since 1 July 2025: "Tuyên Quang". */
    readonly provinceNow: string | null;
    readonly sex: Sex | null;
    readonly birthYear: number | null;
  };
  readonly resident: ResidentView | null;
  readonly differences: readonly ComparedField[];
  /** Why the card's address agrees with the registry's though it names a former unit. */
  readonly addressNotes?: readonly AddressNote[];
  readonly chip: LookupChip | null;
  readonly warnings: readonly string[];
  readonly openEntries: readonly {
    readonly listId: number;
    readonly fileName: string;
    readonly row: number;
    readonly status: EntryStatus;
  }[];
  readonly visitId: number;
}

export interface CheckpointVisit {
  readonly id: number;
  readonly at: string;
  readonly place: string;
  readonly direction: 'visit' | 'in' | 'out';
  readonly personalId: string | null;
  readonly fullName: string | null;
  readonly source: LookupSource;
  /** The chip's verdict, when the person was identified by the chip. */
  readonly chipStatus?: AuthenticityStatus | null;
}

const place = z.string().trim().min(1).max(200);
const direction = z.enum(['visit', 'in', 'out']);

const visitsQuery = z
  .object({ place: z.string().max(200).optional(), from: z.string().max(40).optional(), to: z.string().max(40).optional() })
  .strict();

export const LOOKUP_CHANNELS = {
  'lookup-scan': channel<LookupResult>()({
    effect: 'writes',
    request: z
      .object({
        text: z.string().min(1).max(1000),
        place,
        direction,
      })
      .strict(),
    roles: LISTS,
  }),
  /**
   * A card read by the chip reader at the desk (`readId` from the scan queue). `visitId`: the visit
   * the desk logged for this card's QR or MRZ scan a moment before, which becomes the chip's.
   */
  'lookup-chip': channel<LookupResult>()({
    effect: 'writes',
    request: z.object({ readId: rowId, place, direction, visitId: rowId.optional() }).strict(),
    roles: LISTS,
  }),
  'checkpoint-visits': channel<readonly CheckpointVisit[]>()({ effect: 'reads', request: visitsQuery, roles: POLICE }),
  'checkpoint-export': channel<ExportedFile>()({ effect: 'writes', request: visitsQuery, roles: POLICE }),
  'qr-parse': channel<{ readonly fullName: string; readonly personalId: string; readonly warnings: readonly string[] }>()({
    effect: 'reads',
    request: z.object({ text: z.string().min(1).max(1000) }).strict(),
    roles: EVERYONE,
  }),
} as const;
