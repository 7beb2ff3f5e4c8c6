/**
 * What the "Xử lý" column says of an entry on every paper and workbook that leaves the office
 * (issue 15): the officer's resolution, or what the status itself decides, or that the entry is
 * still being verified. A matched entry needs no handling; nothing else is ever blank.
 */
import type { MessageKey, MessageParams } from '../i18n';
import type { EntryStatus, Resolution } from './vocabulary';

export interface HandlingFacts {
  readonly status: EntryStatus | null;
  readonly resolution: Resolution | null;
  readonly note: string | null;
  /** For a duplicate: the sheet row it repeats. */
  readonly duplicateOf: number | null;
}

export interface HandlingText {
  readonly key: MessageKey;
  readonly params?: MessageParams;
  /** The officer's note or basis, after the label. */
  readonly note: string | null;
}

/** The handling of an entry, or null for a matched one. */
export function handlingOf(entry: HandlingFacts): HandlingText | null {
  if (entry.resolution !== null) return { key: `resolution.${entry.resolution}`, note: entry.note };
  switch (entry.status) {
    case 'matched':
      return null;
    case 'foreign':
      return { key: 'handling.foreign', note: null };
    case 'duplicate':
      return entry.duplicateOf === null
        ? { key: 'status.duplicate', note: null }
        : { key: 'handling.duplicate', params: { row: entry.duplicateOf }, note: null };
    default:
      return { key: 'handling.verifying', note: null };
  }
}

/** The handling as one line, in a language given by `translate`. */
export function handlingLine(entry: HandlingFacts, translate: (key: MessageKey, params?: MessageParams) => string): string {
  const handling = handlingOf(entry);
  if (handling === null) return '';
  const label = translate(handling.key, handling.params);
  return handling.note ? `${label}: ${handling.note}` : label;
}
