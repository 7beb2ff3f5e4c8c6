import { mergeSplitHeader as mergeWith } from './columns';
import { LIST_COLUMNS } from './lists/fields';
import { RESIDENT_COLUMNS } from './registry/fields';

/** Whether a title names a column of any table the app reads. */
export function isKnownTitle(title: string): boolean {
  return RESIDENT_COLUMNS.fieldForHeader(title) !== null || LIST_COLUMNS.fieldForHeader(title) !== null;
}

/** Rejoins header titles split at their own commas by an unquoting CSV writer (see columns.ts). */
export function mergeSplitHeader(cells: readonly string[]): string[] {
  return mergeWith(cells, isKnownTitle);
}
