import type { ListPreview } from '../../shared/api-contract';
import { LIST_COLUMNS, type ListMapping } from '../../shared/lists/fields';
import { cellText } from '../../shared/text/cell-text';
import { PREVIEW_SAMPLE_ROWS } from '../registry/extract-preview';
import type { ParsedList } from './prepare-list';

/** What the receive dialog shows of a list read with a mapping: columns, sample rows, the date it says. */
export function describeListPreview(previewId: string, parsed: ParsedList, mapping: ListMapping): ListPreview {
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
  };
}
