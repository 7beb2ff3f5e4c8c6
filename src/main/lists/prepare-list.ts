/**
 * Reading a list (in the reading worker, list-reading.ts): the header, its entries, the date it was
 * drawn up and its heading lines. The app keeps answering while the file is parsed.
 */
import { createHash } from 'node:crypto';
import type { IsoDate } from '../../shared/dates';
import type { ListMapping } from '../../shared/lists/fields';
import type { Result } from '../../shared/result';
import type { CellValue } from '../../shared/types';
import { runReadTask, type ReadProgress } from '../spreadsheet/read-worker-client';
import { sourceRef } from '../spreadsheet/source';
import type { ListReading } from './list-reading';

export { MAX_LIST_ROWS, drawnUpFromTitles } from './list-reading';

export interface ParsedList {
  readonly fileName: string;
  readonly sha256: string;
  readonly data: Uint8Array;
  readonly sheetName: string;
  readonly headerRow: number;
  readonly columnTitles: readonly string[];
  readonly mapping: ListMapping;
  /** The date the sheet says it was drawn up ("Ngày lập: 10/11/2021"), if it says. */
  readonly drawnUpInSheet: IsoDate | null;
  /** The text of the rows above the header (who sends it, the list's title), top down. */
  readonly headingLines: readonly string[];
  /** The table's rows that are entries: blank rows and the signature block left out. */
  readonly entries: readonly { readonly row: number; readonly cells: readonly CellValue[] }[];
  readonly date1904: boolean;
}

/** A signature of a header (its titles' keys), under which a source's chosen mapping is remembered. */
export function headerSignature(titles: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify(titles.map((t) => t.toLowerCase())))
    .digest('hex')
    .slice(0, 16);
}

/** Reads a list file, finds its header and its entries (off the main thread, within the limits). */
export async function prepareList(data: Uint8Array, fileName: string, onProgress?: ReadProgress): Promise<Result<ParsedList>> {
  const read = await runReadTask<ListReading>({ kind: 'read-list', fileName }, sourceRef(data), { onProgress });
  if (read === 'cancelled') throw new Error('a list read without a cancel was cancelled');
  if (!read.ok) return read;
  return { ok: true, value: { fileName, data, ...read.value } };
}
