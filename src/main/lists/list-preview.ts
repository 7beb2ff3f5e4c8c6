import type { ListPreview } from '../../shared/api-contract';
import { LIST_COLUMNS, type ListMapping } from '../../shared/lists/fields';
import { cellText } from '../../shared/text/cell-text';
import { PREVIEW_SAMPLE_ROWS } from '../registry/extract-preview';
import type { Db } from '../db/open-database';
import { senderFromHeading, titleFromHeading } from './list-heading';
import type { ParsedList } from './prepare-list';

/** A list received before from a file with the same bytes, if any. */
function sameFile(db: Db, sha256: string): ListPreview['sameAs'] {
  const row = db
    .prepare<[string], { id: number; title: string | null; file_name: string; created_at: string }>(
      'SELECT id, title, file_name, created_at FROM lists WHERE file_sha256 = ? ORDER BY id DESC LIMIT 1',
    )
    .get(sha256);
  return row ? { listId: row.id, title: row.title ?? row.file_name, createdAt: row.created_at } : null;
}

/** What the receive dialog shows of a list read with a mapping: columns, sample rows, the date it says. */
export function describeListPreview(db: Db, previewId: string, parsed: ParsedList, mapping: ListMapping): ListPreview {
  return {
    previewId,
    fileName: parsed.fileName,
    sheetName: parsed.sheetName,
    headerRow: parsed.headerRow,
    entries: parsed.entries.length,
    columns: parsed.columnTitles.map((title, index) => ({ index, title, field: LIST_COLUMNS.fieldAt(mapping, index) })),
    mapping,
    sample: parsed.entries.slice(0, PREVIEW_SAMPLE_ROWS).map((e) => e.cells.map((c) => cellText(c))),
    drawnUpInSheet: parsed.drawnUpInSheet,
    suggestedTitle: titleFromHeading(parsed.headingLines),
    suggestedSource: senderFromHeading(parsed.headingLines),
    sameAs: sameFile(db, parsed.sha256),
  };
}
