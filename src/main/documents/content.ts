/**
 * What a printed list says, frozen: the content a document version keeps, its canonical form (keys
 * sorted, so the same content always gives the same bytes) and that form's SHA-256.
 */
import { canonicalJson } from '../../shared/canonical-json';
import { sha256Hex } from '../crypto/hash';
import type { IsoDate } from '../../shared/dates';
import type { Letterhead } from '../../shared/documents/letterhead';
import type { ListKind } from '../../shared/lists/fields';
import type { Sex } from '../../shared/types';
import type { ComparedField, EntryStatus, Resolution } from '../../shared/verification/vocabulary';
import type { EntryView } from '../../shared/api-contract';
import type { Db } from '../db/open-database';
import { listEntries, listSummaries } from '../lists/list-views';

export interface DocumentRow {
  readonly row: number;
  readonly fullName: string | null;
  readonly birthDate: IsoDate | null;
  readonly sex: Sex | null;
  /** The registry's ID for a matched person, else the list's own. */
  readonly idNumber: string | null;
  readonly address: string | null;
  readonly status: EntryStatus | null;
  readonly differences: readonly ComparedField[];
  readonly resolution: Resolution | null;
  readonly note: string | null;
  /** For a duplicate: the sheet row it repeats (format 2). */
  readonly duplicateOf?: number | null;
}

export interface ListPart {
  readonly id: number;
  readonly kind: ListKind;
  readonly fileName: string;
  /** The list's own title (format 2; a format-1 paper names its file). */
  readonly title?: string;
  readonly source: string;
  readonly drawnUp: IsoDate;
  readonly dueDate: IsoDate;
}

export interface DocumentContent {
  readonly format: 1 | 2;
  readonly issuedOn: IsoDate;
  readonly letterhead: Letterhead;
  readonly list: ListPart;
  readonly rows: readonly DocumentRow[];
  readonly totals: Readonly<Record<EntryStatus, number>>;
}

/** A printed version as stored: its number, version, frozen content and hash. */
export interface StoredDocument {
  readonly id: number;
  readonly number: string;
  readonly version: number;
  readonly hash: string;
  readonly content: DocumentContent;
  readonly signed: boolean;
}

/**
 * One printed row. A matched person, or one whose list entry was corrected from the registry, is
 * printed as the registry spells them; every other row as the list wrote it, the registry's ID
 * where one was linked.
 */
function documentRow(e: EntryView): DocumentRow {
  // Matched, or the list corrected from the registry: the registry's record is what stands.
  const fromRegistry = e.status === 'matched' || e.resolution === 'list_corrected';
  const verified = fromRegistry && e.resident !== null ? e.resident : null;
  return {
    row: e.row,
    fullName: verified?.fullName ?? e.fullName,
    birthDate: verified?.birthDate ?? e.birthDate,
    sex: verified?.sex ?? e.sex,
    idNumber: e.resident?.personalId ?? e.idNumber,
    // The address as the list wrote it: it agreed (perhaps in a form from before the 2025 reform).
    address: e.address,
    status: e.status,
    differences: e.differences,
    resolution: e.resolution,
    note: e.resolutionNote,
    duplicateOf: e.duplicateOfRow,
  };
}

/** The list's result as it stands, ready to print; null when there is no such list. */
export function currentContent(
  db: Db,
  listId: number,
  issuedOn: IsoDate,
  letterhead: Letterhead,
  now: Date,
): DocumentContent | null {
  const summary = listSummaries(db, now).find((l) => l.id === listId);
  if (!summary) return null;
  return {
    // Format 2: matched rows carry the registry's spelling, duplicates the row they repeat.
    format: 2,
    issuedOn,
    letterhead,
    list: {
      id: summary.id,
      kind: summary.kind,
      fileName: summary.fileName,
      title: summary.title,
      source: summary.source,
      drawnUp: summary.drawnUp,
      dueDate: summary.dueDate,
    },
    rows: listEntries(db, listId).map(documentRow),
    totals: summary.summary,
  };
}

export function contentHash(content: DocumentContent): string {
  return sha256Hex(canonicalJson(content));
}

/** Everything printed but the issue date: an unchanged list printed again is the same version. */
export function printedBody(content: DocumentContent): string {
  const { issuedOn: _issuedOn, ...rest } = content;
  return canonicalJson(rest);
}

/** What the list itself says (not the letterhead): whether a paper still tells the list's truth. */
export function listBody(content: DocumentContent): string {
  return canonicalJson({ list: content.list, rows: content.rows, totals: content.totals });
}
