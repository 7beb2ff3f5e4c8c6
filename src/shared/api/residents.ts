/** A resident's card (issue 16 renders it; issue 21 builds it): everything the app holds about one person. */
import { z } from 'zod';
import { EVERYONE } from '../auth/roles';
import type { IsoDate } from '../dates';
import type { ResidentRecord } from '../types';
import type { ComparedField, EntryStatus, Resolution } from '../verification/vocabulary';
import { channel, rowId } from './define';
import type { CheckpointVisit } from './lookup';
import type { AccessEntryView } from './privacy';
import { residentId } from './privacy';
import type { ResidentView } from './registry';

/** Where a field's current value came from: the registry extract (file, import time); null for demo data. */
export interface FieldSource {
  readonly field: keyof ResidentRecord;
  readonly extract: { readonly fileName: string; readonly importedAt: string } | null;
}

/** A list the person appears in, and what the check and the officer made of their row. */
export interface CardListEntry {
  readonly listId: number;
  readonly fileName: string;
  readonly kind: 'registration' | 'results' | 'support68';
  readonly source: string;
  readonly drawnUp: IsoDate;
  readonly row: number;
  readonly status: EntryStatus;
  readonly differences: readonly ComparedField[];
  readonly resolution: Resolution | null;
  readonly returnedAt: string | null;
}

export interface CardDose {
  readonly listId: number;
  readonly vaccinationDate: IsoDate | null;
  readonly vaccine: string | null;
  readonly lot: string | null;
  readonly dose: number | null;
  readonly facility: string | null;
}

export interface CardInfection {
  readonly confirmedOn: IsoDate;
  readonly recoveredOn: IsoDate | null;
  readonly test: string | null;
}

/** A registry correction (or the collected record) about the person, with where it stands. */
export interface CardChange {
  readonly changeId: number;
  readonly kind: 'correction' | 'new';
  readonly fields: Readonly<Record<string, unknown>>;
  readonly evidence: string | null;
  readonly status: 'pending' | 'exported' | 'accepted' | 'rejected';
  readonly createdAt: string;
  readonly listId: number | null;
  readonly row: number | null;
}

export interface ResidentCard {
  readonly resident: ResidentView;
  readonly sources: readonly FieldSource[];
  readonly lists: readonly CardListEntry[];
  readonly doses: readonly CardDose[];
  readonly infections: readonly CardInfection[];
  /** Checkpoint visits; null when the user's role may not see the checkpoint log. */
  readonly visits: readonly CheckpointVisit[] | null;
  readonly changes: readonly CardChange[];
  /** Who looked at this person and why, newest first; null unless the user may read the access log (administrators). */
  readonly access: readonly AccessEntryView[] | null;
}

export const RESIDENTS_CHANNELS = {
  /** Opening a card is a look-up: it is written to the access log (`from` says where it was opened). */
  'residents-card': channel<ResidentCard>()({
    effect: 'writes',
    request: z.object({ residentId, from: z.enum(['search', 'list', 'desk']).optional(), listId: rowId.optional() }).strict(),
    roles: EVERYONE,
  }),
} as const;
