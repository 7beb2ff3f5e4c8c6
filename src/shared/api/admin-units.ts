/** Administrative units since 1 July 2025: finding a commune, and the commune this installation serves. */
import { z } from 'zod';
import { ADMIN, EVERYONE } from '../auth/roles';
import type { Letterhead } from '../documents/letterhead';
import type { CommuneOption } from '../admin-units/search';
import { channel, noFields } from './define';

export type { CommuneOption, FormerCommuneView } from '../admin-units/search';

/** The commune chosen in Settings, with the letterhead that would fit it (the Settings page may offer it). */
export interface CommuneSetting {
  readonly commune: CommuneOption | null;
  readonly suggestedLetterhead: Letterhead | null;
}

export const ADMIN_UNITS_CHANNELS = {
  'admin-units-search': channel<readonly CommuneOption[]>()({
    effect: 'reads',
    request: z.object({ query: z.string().trim().min(1).max(80), limit: z.number().int().min(1).max(50).optional() }).strict(),
    roles: EVERYONE,
  }),
  'admin-units-commune': channel<CommuneSetting>()({ effect: 'reads', request: noFields, roles: EVERYONE }),
  'admin-units-commune-set': channel<CommuneSetting>()({
    effect: 'writes',
    request: z.object({ code: z.string().regex(/^\d{5}$/) }).strict(),
    roles: ADMIN,
  }),
} as const;
