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
  return db
    .prepare<[], { total: number; demo: number }>('SELECT count(*) AS total, coalesce(sum(is_demo), 0) AS demo FROM residents')
    .get()!;
}

/** What the shell shows on every page: version, data, language, demo state and overdue lists. */
export function appInfo(db: Db, facts: AppFacts): AppInfo {
  const counts = residentCounts(db);
  return {
    version: facts.version,
    databaseFile: facts.databaseFile,
    locale: getLocale(db),
    residentCount: counts.total,
    demoResidentCount: counts.demo,
    demoChoiceMade: getSetting(db, 'demo-choice') !== null,
    overdueLists: listSummaries(db, facts.now).filter((l) => l.overdue).length,
    encrypted: facts.encrypted,
  };
}
