/** A chip read that returned a person is a look-up of them (issue 21): recorded in the access log. */
import type { ChipRead } from '../../shared/chip/chip-read';
import type { Result } from '../../shared/result';
import type { Db } from '../db/open-database';
import { recordAccess } from './access-log';

/** Passes a read through, recording the person it names as looked up at the desk by the current actor. */
export function recordChipRead(db: Db, read: Result<ChipRead>, now: Date): Result<ChipRead> {
  if (read.ok && read.value.personalId !== null)
    recordAccess(db, [{ action: 'chip', personalId: read.value.personalId, context: 'desk' }], now);
  return read;
}
