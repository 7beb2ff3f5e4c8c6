import { vietnamToday, type IsoDate } from '../../shared/dates';
import { audit } from '../audit/audit';
import { translate, type Locale } from '../../shared/i18n';
import type { ListKind, ListMapping } from '../../shared/lists/fields';
import { LIST_FIELDS } from '../../shared/lists/fields';
import { normalizeEntry } from '../../shared/lists/normalize-entry';
import { cellText } from '../../shared/text/cell-text';
import { fail, ok, type Result } from '../../shared/result';
import { MAX_NAME_CHARS } from '../../shared/limits';
import type { RowError } from '../../shared/types';
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { titleFromHeading } from './list-heading';
import { headerSignature, type ParsedList } from './prepare-list';

export interface ListImportOptions {
  readonly kind: ListKind;
  readonly source: string;
  /** The list's title as the officer confirmed it; else what its heading rows say. */
  readonly title?: string;
  /** The date drawn up, when the user gives it; else the sheet's, else today. */
  readonly drawnUp?: IsoDate;
  /** A mapping the user chose; remembered for the source. */
  readonly mapping?: ListMapping;
  readonly now: Date;
  readonly locale: Locale;
}

export interface ListImportResult {
  readonly listId: number;
  readonly rows: number;
  readonly errors: readonly RowError[];
}

/** The mapping remembered for this source and header, if any. */
export function rememberedMapping(db: Db, source: string, titles: readonly string[]): ListMapping | null {
  const row = db
    .prepare<[string, string], { mapping: string }>('SELECT mapping FROM list_mappings WHERE source = ? AND signature = ?')
    .get(source, headerSignature(titles));
  return row ? (JSON.parse(row.mapping) as ListMapping) : null;
}

/** Checks a mapping against the header: a name column, columns that exist, none used twice. */
export function checkListMapping(parsed: ParsedList, mapping: ListMapping): Result<ListMapping> {
  const file = parsed.fileName;
  if (mapping.fullName === undefined) return fail('list.noNameColumn', { file });
  const used = new Set<number>();
  for (const field of LIST_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    if (column >= parsed.columnTitles.length) return fail('error.mappingColumn', { file, column: column + 1 });
    if (used.has(column))
      return fail('error.duplicateColumn', { file, field: parsed.columnTitles[column] ?? String(column + 1) });
    used.add(column);
  }
  // A name longer than any real one is the wrong column, or a hostile file: refused, with its row.
  const name = mapping.fullName;
  for (const entry of parsed.entries) {
    const length = cellText(entry.cells[name]).length;
    if (length > MAX_NAME_CHARS) return fail('input.nameTooLong', { file, row: entry.row, length, max: MAX_NAME_CHARS });
  }
  return ok(mapping);
}

/** Stores a read list and its entries in one transaction; the check is a separate step. */
export function importParsedList(db: Db, parsed: ParsedList, options: ListImportOptions): Result<ListImportResult> {
  const chosen = options.mapping ?? rememberedMapping(db, options.source, parsed.columnTitles) ?? parsed.mapping;
  const mapping = checkListMapping(parsed, chosen);
  if (!mapping.ok) return mapping;
  const drawnUp = options.drawnUp ?? parsed.drawnUpInSheet ?? vietnamToday(options.now);
  const drawnUpFrom = options.drawnUp ? 'option' : parsed.drawnUpInSheet ? 'sheet' : 'today';
  const errors: RowError[] = [];
  const insertList = db.prepare(
    `INSERT INTO lists (kind, source, file_name, file_sha256, file_data, sheet_name, header_row, columns, mapping, drawn_up, drawn_up_from, created_at, title)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntry = db.prepare(
    `INSERT INTO list_entries (list_id, row, cells, full_name, birth_date, sex, id_number, nationality, address, extra)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const remember = db.prepare(
    'INSERT INTO list_mappings (source, signature, mapping) VALUES (?, ?, ?) ON CONFLICT(source, signature) DO UPDATE SET mapping = excluded.mapping',
  );
  const listId = writeTransaction(db, () => {
    const id = Number(
      insertList.run(
        options.kind,
        options.source,
        parsed.fileName,
        parsed.sha256,
        Buffer.from(parsed.data.buffer, parsed.data.byteOffset, parsed.data.byteLength),
        parsed.sheetName,
        parsed.headerRow,
        JSON.stringify(parsed.columnTitles),
        JSON.stringify(mapping.value),
        drawnUp,
        drawnUpFrom,
        options.now.toISOString(),
        options.title ?? titleFromHeading(parsed.headingLines ?? []),
      ).lastInsertRowid,
    );
    for (const { row, cells } of parsed.entries) {
      const entry = normalizeEntry(cells, mapping.value, parsed.date1904);
      for (const problem of entry.problems) errors.push({ row, message: translate(options.locale, problem.key, problem.params) });
      insertEntry.run(
        id,
        row,
        JSON.stringify(cells.map((c) => cellText(c))),
        entry.fullName,
        entry.birthDate,
        entry.sex,
        entry.idNumber ?? entry.otherId,
        entry.nationality,
        entry.address,
        JSON.stringify(entry.extra),
      );
    }
    if (options.mapping) remember.run(options.source, headerSignature(parsed.columnTitles), JSON.stringify(mapping.value));
    audit(db, 'list.import', `list:${id}`, { kind: options.kind, rows: parsed.entries.length }, options.now);
    return id;
  });
  return ok({ listId, rows: parsed.entries.length, errors });
}

/** Removes a list and everything about it (entries, results; resident changes it created are kept only once exported). */
export function deleteList(db: Db, listId: number): void {
  writeTransaction(db, () => {
    db.prepare(
      "DELETE FROM resident_changes WHERE status = 'pending' AND list_entry_id IN (SELECT id FROM list_entries WHERE list_id = ?)",
    ).run(listId);
    db.prepare('DELETE FROM lists WHERE id = ?').run(listId);
    audit(db, 'list.delete', `list:${listId}`);
  });
}
