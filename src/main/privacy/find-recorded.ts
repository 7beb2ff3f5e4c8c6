/**
 * Registry searches that leave their trace in the access log (issue 21): a search by ID (or CMND)
 * is a look-up of each person it finds; a search by name records the search itself, not every row
 * shown — the people are looked at when one of them is opened. A paged search records its first page.
 */
import type { ResidentView } from '../../shared/api-contract';
import { digitsOnly } from '../../shared/id-number';
import { cleanText } from '../../shared/text/normalize';
import type { Db } from '../db/open-database';
import { findResidents, searchResidents, type FindQuery } from '../registry/find-residents';
import { recordAccess } from './access-log';

/** Records a search as the current actor's: the people found by a number, or the name searched. */
export function recordSearch(db: Db, query: FindQuery, found: readonly ResidentView[], now: Date): void {
  const text = cleanText(query.text);
  if (text === '') return;
  const byNumber = digitsOnly(text) !== null && found.length > 0;
  recordAccess(
    db,
    byNumber
      ? found.map((r) => ({ action: 'find' as const, personalId: r.personalId, context: 'search' }))
      : [{ action: 'find', personalId: null, context: `search:${text}${query.birthYear ? ` (${query.birthYear})` : ''}` }],
    now,
  );
}

/** `findResidents`, recorded. */
export function findResidentsRecorded(db: Db, query: FindQuery, now: Date): ResidentView[] {
  const found = findResidents(db, query);
  recordSearch(db, query, found, now);
  return found;
}

/** `searchResidents`, recorded once per search (its first page); a number's matches are all on it. */
export function searchResidentsRecorded(
  db: Db,
  query: FindQuery,
  page: { offset: number; limit: number },
  now: Date,
): ReturnType<typeof searchResidents> {
  const found = searchResidents(db, query, page);
  if (page.offset === 0) recordSearch(db, query, found.residents, now);
  return found;
}
