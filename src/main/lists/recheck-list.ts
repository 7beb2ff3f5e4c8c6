import { fail, ok, type Result } from '../../shared/result';
import type { Db } from '../db/open-database';
import { isConfirmed } from '../vaccination/vaccinations';
import { checkList, type ListCheckResult } from './check-list';

/** Checks a list (again) against the registry; a confirmed results list is frozen and refused. */
export function recheckList(db: Db, listId: number, now: Date): Result<ListCheckResult> {
  if (isConfirmed(db, listId)) return fail('list.confirmedNoCheck', { listId });
  const checked = checkList(db, listId, now);
  return checked ? ok(checked) : fail('list.notFound', { listId });
}
