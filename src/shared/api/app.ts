/** The app itself: what the shell shows, the language, the demo data. */
import { z } from 'zod';
import { EVERYONE, POLICE } from '../auth/roles';
import { channel, noFields } from './define';

export interface AppInfo {
  readonly version: string;
  readonly databaseFile: string;
  readonly locale: 'vi' | 'en';
  readonly residentCount: number;
  readonly demoResidentCount: number;
  readonly demoChoiceMade: boolean;
  /** Lists not yet returned whose due date has passed. */
  readonly overdueLists: number;
  /** Lists returned in part ("đã trả một phần"): still to finish and print again. */
  readonly partialLists: number;
  /** The database is encrypted at rest. */
  readonly encrypted: boolean;
}

export const APP_CHANNELS = {
  'app-info': channel<AppInfo>()({ effect: 'reads', request: noFields, roles: 'public' }),
  'settings-set-locale': channel<AppInfo>()({
    effect: 'writes',
    request: z.object({ locale: z.enum(['vi', 'en']) }).strict(),
    roles: EVERYONE,
  }),
  'demo-load': channel<{ readonly count: number }>()({ effect: 'writes', request: noFields, roles: POLICE }),
  'demo-dismiss': channel<AppInfo>()({ effect: 'writes', request: noFields, roles: EVERYONE }),
  'demo-remove': channel<{ readonly count: number }>()({ effect: 'writes', request: noFields, roles: POLICE }),
} as const;
