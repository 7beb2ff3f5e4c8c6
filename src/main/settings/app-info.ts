import type { AppInfo } from '../../shared/api-contract';
import type { Db } from '../db/open-database';
import { listSummaries } from '../lists/list-views';
import { getLocale, getSetting } from './settings';

export interface AppFacts {
  readonly version: string;
  readonly databaseFile: string;
  readonly encrypted: boolean;
  readonly now: Date;
}

/** How many residents the extract holds, and how many of them are the demo data. */
export function residentCounts(db: Db): { readonly total: number; readonly demo: number } {
  // Every page asks: the total is an index count; demo residents are looked for only while the demo
  // data is loaded (a full pass over a 1M-resident table on every page change would be felt).
  const total = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM residents').get()!.n;
  if (getSetting(db, 'demo-choice') !== 'loaded') return { total, demo: 0 };
  const demo = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM residents WHERE is_demo = 1').get()!.n;
  return { total, demo };
}

/** What the shell shows on every page: version, data, language, demo state and overdue lists. */
export function appInfo(db: Db, facts: AppFacts): AppInfo {
  const counts = residentCounts(db);
  const lists = listSummaries(db, facts.now);
  return {
    version: facts.version,
    databaseFile: facts.databaseFile,
    locale: getLocale(db),
    residentCount: counts.total,
    demoResidentCount: counts.demo,
    demoChoiceMade: getSetting(db, 'demo-choice') !== null,
    overdueLists: lists.filter((l) => l.overdue).length,
    partialLists: lists.filter((l) => l.returnState === 'partial').length,
    encrypted: facts.encrypted,
  };
}
