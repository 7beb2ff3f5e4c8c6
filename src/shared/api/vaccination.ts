/** Vaccination results: doses with their problems, confirmation, hand entry, the vaccine table, F0 records. */
import { z } from 'zod';
import { ADMIN, EVERYONE, LISTS, SIGNER } from '../auth/roles';
import type { IsoDate } from '../dates';
import type { VaccineProduct } from '../vaccination/rules';
import type { EntryStatus } from '../verification/vocabulary';
import { channel, isoDate, noFields, rowId } from './define';

/** One dose of a results list, with its problems (each naming its rule). */
export interface VaccinationView {
  readonly id: number;
  readonly row: number;
  /** The entry's match against the registry: only a matched person's dose can leave the machine. */
  readonly status: EntryStatus | null;
  readonly personalId: string | null;
  readonly fullName: string | null;
  readonly vaccinationDate: IsoDate | null;
  readonly productCode: string | null;
  readonly vaccine: string | null;
  readonly lot: string | null;
  readonly dose: number | null;
  readonly facility: string | null;
  readonly problems: readonly string[];
}

export interface ListConfirmation {
  readonly listId: number;
  readonly confirmedBy: string;
  readonly confirmedAt: string;
}

export interface InfectionView {
  readonly id: number;
  readonly personalId: string;
  readonly fullName: string | null;
  readonly confirmedOn: IsoDate;
  readonly recoveredOn: IsoDate | null;
  readonly test: string | null;
  readonly createdAt: string;
}

const productCode = z.string().regex(/^[A-Z0-9-]{2,20}$/);
const manualRow = z
  .object({
    fullName: z.string().trim().min(1).max(200),
    birthDate: z.string().max(20),
    idNumber: z.string().max(20),
    address: z.string().max(300),
    vaccinationDate: isoDate,
    vaccine: z.string().trim().min(1).max(100),
    lot: z.string().max(50),
    dose: z.number().int().min(1).max(6),
    facility: z.string().max(200),
  })
  .strict();
const product = z
  .object({
    code: productCode,
    name: z.string().trim().min(1).max(100),
    aliases: z.array(z.string().trim().min(1).max(60)).max(20),
    primaryDoses: z.number().int().min(1).max(5),
    minIntervalDays: z.number().int().min(0).max(365),
    boosterAfterDays: z.number().int().min(0).max(730),
    approvedOn: isoDate,
    mixesWith: z.array(productCode).max(20),
  })
  .strict();

export const VACCINATION_CHANNELS = {
  'vaccination-doses': channel<readonly VaccinationView[]>()({
    effect: 'reads',
    request: z.object({ listId: rowId }).strict(),
    roles: EVERYONE,
  }),
  'vaccination-confirm': channel<ListConfirmation>()({
    effect: 'writes',
    // Recorded as the signed-in chairman (or facility head): no name is typed.
    request: z.object({ listId: rowId }).strict(),
    roles: SIGNER,
  }),
  'vaccination-manual': channel<{ readonly listId: number }>()({
    effect: 'writes',
    request: z.object({ rows: z.array(manualRow).min(1).max(500) }).strict(),
    roles: LISTS,
  }),
  'vaccine-products': channel<readonly VaccineProduct[]>()({ effect: 'reads', request: noFields, roles: EVERYONE }),
  'vaccine-product-save': channel<readonly VaccineProduct[]>()({
    effect: 'writes',
    request: z.object({ product }).strict(),
    roles: ADMIN,
  }),
  'infections-list': channel<readonly InfectionView[]>()({ effect: 'reads', request: noFields, roles: EVERYONE }),
  'infections-add': channel<InfectionView>()({
    effect: 'writes',
    request: z
      .object({
        personalId: z.string().trim().min(1).max(20),
        confirmedOn: isoDate,
        recoveredOn: isoDate.nullable(),
        test: z.string().max(100).nullable(),
      })
      .strict(),
    roles: LISTS,
  }),
} as const;
