/**
 * Returning a checked list (DESIGN.md §4, DOMAIN.md §1): the .xlsx in the layout it arrived in with
 * the result columns added, and a PDF table of the result.
 */
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import type { EntryView, ExportedFile, ListSummary } from '../../shared/api-contract';
import { formatDateVi } from '../../shared/dates';
import { translate, type Locale, type MessageKey } from '../../shared/i18n';
import { ENTRY_STATUSES } from '../../shared/verification/vocabulary';
import type { Db } from '../db/open-database';
import { resourcesDir } from '../paths';
import { listEntries, listSummaries } from './list-views';

interface StoredList {
  readonly file_name: string;
  readonly file_data: Buffer;
  readonly sheet_name: string;
  readonly header_row: number;
  readonly columns: string;
}

/** Text that a spreadsheet would run as a formula is stored as plain text. */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
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

function resultValues(entry: EntryView, locale: Locale): string[] {
  const t = (key: MessageKey) => translate(locale, key);
  const r = entry.resident;
  return [
    entry.status ? t(`status.${entry.status}`) : '',
    entry.differences.map((d) => t(`field.${d}`)).join(', '),
    r?.personalId ?? '',
    r?.fullName ?? '',
    r?.birthDate ? formatDateVi(r.birthDate) : '',
    r?.sex ? t(r.sex === 'male' ? 'sex.male' : 'sex.female') : '',
    r?.permanentAddress ?? '',
    entry.resolution ? `${t(`resolution.${entry.resolution}`)}${entry.resolutionNote ? `: ${entry.resolutionNote}` : ''}` : '',
  ].map(neutralizeFormula);
}

async function resultWorkbook(
  list: StoredList,
  entries: readonly EntryView[],
  cellsByRow: ReadonlyMap<number, string[]>,
  locale: Locale,
) {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  if (/\.xlsx$/i.test(list.file_name)) {
    await workbook.xlsx.load(list.file_data as unknown as ArrayBuffer);
    sheet = workbook.getWorksheet(list.sheet_name);
  }
  if (!sheet) {
    // A CSV (or a sheet that cannot be found again): the same rows in a new workbook.
    sheet = workbook.addWorksheet(list.sheet_name.slice(0, 31) || 'Danh sach');
    sheet.getRow(list.header_row).values = JSON.parse(list.columns) as string[];
    for (const [row, cells] of cellsByRow) sheet.getRow(row).values = cells.map(neutralizeFormula);
  }
  const titles = JSON.parse(list.columns) as string[];
  const first = Math.max(titles.length, sheet.getRow(list.header_row).cellCount) + 1;
  const header = sheet.getRow(list.header_row);
  resultColumns(locale).forEach((title, i) => {
    const cell = header.getCell(first + i);
    cell.value = title;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    sheet!.getColumn(first + i).width = i === 6 ? 40 : i === 1 || i === 3 ? 24 : 16;
  });
  for (const entry of entries) {
    const row = sheet.getRow(entry.row);
    resultValues(entry, locale).forEach((value, i) => {
      const cell = row.getCell(first + i);
      cell.value = value;
      cell.numFmt = '@';
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
const MM = 72 / 25.4;

/** A PDF table of the result, with a header row repeated on every page and no row split. */
export function resultPdf(summary: ListSummary, entries: readonly EntryView[], locale: Locale): Promise<Uint8Array> {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const fonts = join(resourcesDir(), 'fonts');
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 20 * MM, bottom: 20 * MM, left: 20 * MM, right: 15 * MM },
    info: { Title: t('export.pdfTitle'), Creator: 'Đối chiếu dân cư' },
  });
  doc.registerFont('regular', join(fonts, 'Tinos_400Regular.ttf'));
  doc.registerFont('bold', join(fonts, 'Tinos_700Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));

  const left = doc.page.margins.left;
  const width = A4_LANDSCAPE.width - left - doc.page.margins.right;
  const columns = [
    { title: t('col.row'), width: 0.05 },
    { title: t('col.fullName'), width: 0.19 },
    { title: t('col.birthDate'), width: 0.09 },
    { title: t('export.idNumber'), width: 0.12 },
    { title: t('export.status'), width: 0.13 },
    { title: t('export.differences'), width: 0.16 },
    { title: t('export.resolution'), width: 0.26 },
  ].map((c) => ({ ...c, width: c.width * width }));
  const cellsOf = (e: EntryView) => [
    String(e.row),
    e.fullName ?? '',
    e.birthDate ? formatDateVi(e.birthDate) : '',
    e.resident?.personalId ?? e.idNumber ?? '',
    e.status ? t(`status.${e.status}`) : '',
    e.differences.map((d) => t(`field.${d}`)).join(', '),
    e.resolution ? `${t(`resolution.${e.resolution}`)}${e.resolutionNote ? `: ${e.resolutionNote}` : ''}` : '',
  ];
  const padding = 3;
  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(10);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: columns[i]!.width - 2 * padding }))) + 2 * padding
    );
  };
  const drawRow = (cells: readonly string[], y: number, font: string, height: number) => {
    let x = left;
    doc.font(font).fontSize(10);
    cells.forEach((c, i) => {
      doc.rect(x, y, columns[i]!.width, height).stroke('#444444');
      doc.fillColor('black').text(c, x + padding, y + padding, { width: columns[i]!.width - 2 * padding });
      x += columns[i]!.width;
    });
  };

  doc.font('bold').fontSize(14).text(t('export.pdfTitle'), { align: 'center' });
  doc
    .font('regular')
    .fontSize(11)
    .text(
      t('export.pdfSubtitle', {
        file: summary.fileName,
        source: summary.source,
        drawnUp: formatDateVi(summary.drawnUp),
        due: formatDateVi(summary.dueDate),
      }),
      { align: 'center' },
    );
  doc.moveDown(0.5);
  const headerCells = columns.map((c) => c.title);
  const headerHeight = rowHeight(headerCells, 'bold');
  const bottom = A4_LANDSCAPE.height - doc.page.margins.bottom;
  let y = doc.y;
  drawRow(headerCells, y, 'bold', headerHeight);
  y += headerHeight;
  for (const entry of entries) {
    const cells = cellsOf(entry);
    const height = rowHeight(cells, 'regular');
    if (y + height > bottom) {
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(headerCells, y, 'bold', headerHeight);
      y += headerHeight;
    }
    drawRow(cells, y, 'regular', height);
    y += height;
  }
  if (y + 20 * ENTRY_STATUSES.length > bottom) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  doc
    .font('bold')
    .fontSize(11)
    .text(t('export.totals'), left, y + 10);
  for (const status of ENTRY_STATUSES) {
    if (summary.summary[status] > 0)
      doc
        .font('regular')
        .fontSize(11)
        .text(`${t(`status.${status}`)}: ${summary.summary[status]}`);
  }
  doc.end();
  return done;
}

/** The result of a checked list as an .xlsx and a PDF; marks the list returned. */
export async function exportList(db: Db, listId: number, locale: Locale, now: Date): Promise<ExportedFile[] | null> {
  const list = db
    .prepare<[number], StoredList>('SELECT file_name, file_data, sheet_name, header_row, columns FROM lists WHERE id = ?')
    .get(listId);
  if (!list) return null;
  const entries = listEntries(db, listId);
  const cells = db
    .prepare<[number], { row: number; cells: string }>('SELECT row, cells FROM list_entries WHERE list_id = ?')
    .all(listId);
  const cellsByRow = new Map(cells.map((c) => [c.row, JSON.parse(c.cells) as string[]]));
  db.prepare('UPDATE lists SET returned_at = coalesce(returned_at, ?) WHERE id = ?').run(now.toISOString(), listId);
  const summary = listSummaries(db, now).find((l) => l.id === listId)!;
  const base = list.file_name.replace(/\.[^.]*$/, '');
  return [
    { fileName: `${base}-ket-qua.xlsx`, data: await resultWorkbook(list, entries, cellsByRow, locale) },
    { fileName: `${base}-ket-qua.pdf`, data: await resultPdf(summary, entries, locale) },
  ];
}
