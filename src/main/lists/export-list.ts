/**
 * Returning a checked list (DESIGN.md §4, DOMAIN.md §1): the .xlsx in the layout it arrived in with
 * the result columns added, and the signed paper's PDF — a numbered document version in the state
 * format (issue 6).
 */
import ExcelJS from 'exceljs';
import type { DocumentVersionView, EntryView, ExportedFile } from '../../shared/api-contract';
import { translate, type Locale, type MessageKey } from '../../shared/i18n';
import type { Db } from '../db/open-database';
import { writeTransactionResult } from '../db/write-transaction';
import { documentVersions, readLetterhead, saveLetterhead } from '../documents/documents';
import { commitPrint, preparePrint } from '../documents/print-version';
import { documentFileName } from '../documents/state-pdf';
import { recordListExport } from '../privacy/export-access';
import { boundCell, removeActiveContent, storedWorkbookLoadable } from '../spreadsheet/passive-workbook';
import { fitColumns, freezeHeader, neutralizeFormula, setDate, setText, styleHeaderCell } from '../spreadsheet/sheet-format';
import { fail, ok, type Result } from '../../shared/result';
import { handlingLine } from '../../shared/verification/handling';
import { ENTRY_STATUSES, type EntryStatus } from '../../shared/verification/vocabulary';
import { listEntries, listSummary } from './list-views';

export { neutralizeFormula };

interface StoredList {
  readonly file_name: string;
  readonly file_data: Buffer;
  readonly sheet_name: string;
  readonly header_row: number;
  readonly columns: string;
}

function resultColumns(locale: Locale): string[] {
  const t = (key: MessageKey) => translate(locale, key);
  return [
    t('export.status'),
    t('export.differences'),
    t('export.registryId'),
    t('export.registryName'),
    t('export.registryBirthDate'),
    t('export.registrySex'),
    t('export.registryAddress'),
    t('export.resolution'),
  ];
}

/** Writes an entry's result cells from `first` on: text as text, the registry's birth date as a real date. */
function writeResult(row: ExcelJS.Row, first: number, entry: EntryView, locale: Locale): void {
  const t = (key: MessageKey) => translate(locale, key);
  const r = entry.resident;
  const cell = (i: number) => row.getCell(first + i);
  setText(cell(0), entry.status ? t(`status.${entry.status}`) : '');
  setText(cell(1), entry.differences.map((d) => t(`field.${d}`)).join(', '));
  setText(cell(2), r?.personalId);
  setText(cell(3), r?.fullName);
  setDate(cell(4), r?.birthDate);
  setText(cell(5), r?.sex ? t(r.sex === 'male' ? 'sex.male' : 'sex.female') : '');
  setText(cell(6), r?.permanentAddress);
  const handling = {
    status: entry.status,
    resolution: entry.resolution,
    note: entry.resolutionNote,
    duplicateOf: entry.duplicateOfRow,
  };
  setText(
    cell(7),
    handlingLine(handling, (key, params) => translate(locale, key, params)),
  );
}

async function resultWorkbook(
  list: StoredList,
  entries: readonly EntryView[],
  cellsByRow: ReadonlyMap<number, string[]>,
  locale: Locale,
) {
  let workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  // The workbook as it arrived, when it is within the reading limits; made passive (no formula,
  // hidden sheet or defined name survives to read the registry columns added beside the list).
  if (/\.xlsx$/i.test(list.file_name) && (await storedWorkbookLoadable(list.file_data))) {
    await workbook.xlsx.load(list.file_data as unknown as ArrayBuffer);
    sheet = workbook.getWorksheet(list.sheet_name);
    if (sheet) removeActiveContent(workbook, sheet);
    else workbook = new ExcelJS.Workbook();
  }
  if (!sheet) {
    // A CSV (or a sheet that cannot be found again): the same rows in a new workbook.
    sheet = workbook.addWorksheet(list.sheet_name.slice(0, 31) || 'Danh sach');
    sheet.getRow(list.header_row).values = (JSON.parse(list.columns) as string[]).map((c) => neutralizeFormula(boundCell(c)));
    for (const [row, cells] of cellsByRow) sheet.getRow(row).values = cells.map((c) => neutralizeFormula(boundCell(c)));
  }
  const titles = JSON.parse(list.columns) as string[];
  const first = Math.max(titles.length, sheet.getRow(list.header_row).cellCount) + 1;
  const header = sheet.getRow(list.header_row);
  const titles_ = resultColumns(locale);
  titles_.forEach((title, i) => {
    const cell = header.getCell(first + i);
    cell.value = title;
    styleHeaderCell(cell);
  });
  for (const entry of entries) writeResult(sheet.getRow(entry.row), first, entry, locale);
  freezeHeader(sheet, list.header_row);
  fitColumns(
    sheet,
    titles_.map((_, i) => first + i),
    list.header_row,
    12,
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface ListExport {
  readonly files: readonly ExportedFile[];
  /** The document version the PDF is (a new one when the list changed since it was last printed). */
  readonly document: DocumentVersionView;
}

export interface ExportOptions {
  /** Who prints (recorded with the document version). */
  readonly by: string | null;
  /** Return now although entries still need action: they are printed as still being verified. */
  readonly partial?: boolean;
  /** The signer's name, given with this print (the CLI's --signer): kept in the letterhead once it prints. */
  readonly signerName?: string;
}

/** "Sai lệch: 3; Không có trong CSDL: 2": the open entries by status. */
function openDetail(open: Readonly<Record<EntryStatus, number>>, locale: Locale): string {
  return ENTRY_STATUSES.filter((s) => open[s] > 0)
    .map((s) => `${translate(locale, `status.${s}`)}: ${open[s]}`)
    .join('; ');
}

export interface PreparedListExport {
  readonly files: readonly ExportedFile[];
  /** Records the print (the document version and its PDF), the access and the return: call once the files are written. */
  readonly commit: () => Result<ListExport>;
}

/**
 * The result of a checked list as an .xlsx and the PDF of its document version, made but not yet
 * recorded: a host that writes files records them (`commit`) only after writing them, so a failed
 * write leaves no print and no return behind. Refused while entries need action unless `partial`,
 * and while the letterhead names no signer.
 */
export async function prepareListExport(
  db: Db,
  listId: number,
  locale: Locale,
  now: Date,
  options: ExportOptions,
): Promise<Result<PreparedListExport>> {
  const list = db
    .prepare<[number], StoredList>('SELECT file_name, file_data, sheet_name, header_row, columns FROM lists WHERE id = ?')
    .get(listId);
  const summary = listSummary(db, listId, now);
  if (!list || !summary) return fail('list.notFound', { listId });
  if (summary.open > 0 && !options.partial)
    return fail('list.openEntries', { listId, open: summary.open, detail: openDetail(summary.openByStatus, locale) });
  const saved = readLetterhead(db);
  const letterhead = options.signerName ? { ...saved, signerName: options.signerName } : saved;
  if (letterhead.signerName.trim() === '') return fail('doc.signerMissing');
  const printed = (await preparePrint(db, listId, now, letterhead))!;
  const entries = listEntries(db, listId);
  const cells = db
    .prepare<[number], { row: number; cells: string }>('SELECT row, cells FROM list_entries WHERE list_id = ?')
    .all(listId);
  const cellsByRow = new Map(cells.map((c) => [c.row, JSON.parse(c.cells) as string[]]));
  const base = list.file_name.replace(/\.[^.]*$/, '');
  const files: readonly ExportedFile[] = [
    { fileName: `${base}-ket-qua.xlsx`, data: await resultWorkbook(list, entries, cellsByRow, locale) },
    { fileName: documentFileName(printed.document), data: printed.pdf },
  ];
  const commit = () =>
    writeTransactionResult(db, (): Result<ListExport> => {
      const document = commitPrint(db, printed, options.by, now);
      if (!document.ok) return document;
      if (letterhead !== saved) saveLetterhead(db, letterhead, now);
      recordListExport(db, listId, now);
      db.prepare('UPDATE lists SET returned_at = coalesce(returned_at, ?), returned_open = ? WHERE id = ?').run(
        now.toISOString(),
        summary.open,
        listId,
      );
      return ok({ files, document: documentVersions(db, listId).find((d) => d.id === document.value.id)! });
    });
  return ok({ files, commit });
}

/** `prepareListExport` and its record at once: the app hands the files to the page, which saves or opens them. */
export async function exportList(
  db: Db,
  listId: number,
  locale: Locale,
  now: Date,
  options: ExportOptions,
): Promise<Result<ListExport>> {
  const prepared = await prepareListExport(db, listId, locale, now, options);
  return prepared.ok ? prepared.value.commit() : prepared;
}
