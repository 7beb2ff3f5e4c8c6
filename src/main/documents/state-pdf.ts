/**
 * A printed list in the state format (Decree 30/2020/NĐ-CP, Annex I; DOMAIN.md §7), drawn with
 * pdfkit from a frozen document version: both header blocks, the number and the place-and-date line,
 * the title, the table (header row on every page, no row split, long names and addresses wrapped,
 * A4 portrait or landscape when the columns need it), totals per status, page numbers from page 2,
 * the signature block and "Nơi nhận". Tinos is embedded and subset; every page carries a QR code
 * with the document's number, version and hash, which the PDF's metadata repeats for `doc verify`.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatDateVi } from '../../shared/dates';
import {
  formatDocumentCode,
  issuingBodyLines,
  paperLetterhead,
  placeAndDate,
  recipientLines,
  signatureHeading,
} from '../../shared/documents/letterhead';
import { translate, type MessageKey } from '../../shared/i18n';
import { handlingLine } from '../../shared/verification/handling';
import { ENTRY_STATUSES } from '../../shared/verification/vocabulary';
import { resourcePath } from '../paths';
import { formatAuditHead, type AuditHead } from '../audit/audit';
import type { Letterhead } from '../../shared/documents/letterhead';
import type { DocumentContent, DocumentRow, StoredDocument } from './content';
import { CellWrapper, drawTableRow, paginateRows } from './pdf-table';

const MM = 72 / 25.4;
const A4 = { short: 595.28, long: 841.89 };
// Decree 30: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const QR_SIZE = 15 * MM;

// The paper is Vietnamese whatever the screen's language: it is a state document.
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('vi', key, params);

interface Column {
  readonly title: string;
  /** Narrowest this column can be, in points; extra width is shared by weight. */
  readonly min: number;
  readonly weight: number;
  readonly cell: (row: DocumentRow, index: number) => string;
}

function columnsFor(rows: readonly DocumentRow[]): Column[] {
  // A duplicate names the row it repeats by that row's number on this paper (its STT).
  const printedNumber = new Map(rows.map((r, i) => [r.row, i + 1]));
  const columns: (Column | false)[] = [
    { title: t('doc.colRow'), min: 26, weight: 0, cell: (_, i) => String(i + 1) },
    { title: t('col.fullName'), min: 96, weight: 3, cell: (r) => r.fullName ?? '' },
    { title: t('col.birthDate'), min: 56, weight: 0, cell: (r) => (r.birthDate ? formatDateVi(r.birthDate) : '') },
    // A foreigner's number is a passport's, not a personal ID.
    {
      title: t(rows.some((r) => r.status === 'foreign') ? 'export.idOrPassport' : 'export.idNumber'),
      min: 72,
      weight: 0,
      cell: (r) => r.idNumber ?? '',
    },
    rows.some((r) => r.address) && { title: t('col.permanentAddress'), min: 150, weight: 4, cell: (r) => r.address ?? '' },
    { title: t('export.status'), min: 66, weight: 1, cell: (r) => (r.status ? t(`status.${r.status}`) : '') },
    rows.some((r) => r.differences.length > 0) && {
      title: t('export.differences'),
      min: 60,
      weight: 1,
      cell: (r) => r.differences.map((d) => t(`field.${d}`)).join(', '),
    },
    // Every row that is not matched says how it was handled (or that it is still being verified).
    rows.some((r) => r.status !== 'matched') && {
      title: t('export.resolution'),
      min: 80,
      weight: 2,
      cell: (r) =>
        handlingLine(
          {
            status: r.status,
            resolution: r.resolution,
            note: r.note,
            duplicateOf: r.duplicateOf == null ? null : (printedNumber.get(r.duplicateOf) ?? null),
          },
          t,
        ),
    },
  ];
  return columns.filter((c): c is Column => c !== false);
}

/**
 * A QR code drawn as vector rectangles (each run of dark modules in a row is one): sharp at any print
 * resolution, one path per page.
 */
function drawQr(doc: PDFKit.PDFDocument, modules: { size: number; get(r: number, c: number): number }, x: number, y: number) {
  const cell = QR_SIZE / modules.size;
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size;) {
      if (!modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < modules.size && modules.get(r, c)) c++;
      doc.rect(x + start * cell, y + r * cell, (c - start) * cell, cell + 0.01);
    }
  }
  doc.fillColor('black').fill();
}

/** What a print carries besides the content. */
export interface PrintMarks {
  /** The installation's key fingerprint, at the foot of every page. */
  readonly keyFingerprint: string;
  /** The audit trail's signed head at printing, kept in the PDF's metadata: an anchor outside the machine. */
  readonly auditHead: AuditHead;
}

/** The page and the table's columns: A4 portrait unless the columns' minimum widths need landscape. */
interface Layout {
  readonly landscape: boolean;
  readonly pageWidth: number;
  readonly pageHeight: number;
  /** Between the margins. */
  readonly width: number;
  readonly left: number;
  readonly bottom: number;
  readonly widths: readonly number[];
}

function layoutFor(columns: readonly Column[]): Layout {
  const portraitWidth = A4.short - MARGINS.left - MARGINS.right;
  const minWidth = columns.reduce((n, c) => n + c.min, 0);
  const landscape = minWidth > portraitWidth;
  const pageWidth = landscape ? A4.long : A4.short;
  const pageHeight = landscape ? A4.short : A4.long;
  const width = pageWidth - MARGINS.left - MARGINS.right;
  const totalWeight = columns.reduce((n, c) => n + c.weight, 0);
  const widths = columns.map((c) => c.min + ((width - minWidth) * c.weight) / totalWeight);
  return { landscape, pageWidth, pageHeight, width, left: MARGINS.left, bottom: pageHeight - MARGINS.bottom, widths };
}

function openDocument(document: StoredDocument, marks: PrintMarks | null, layout: Layout, code: string) {
  const { content } = document;
  const doc = new PDFDocument({
    size: 'A4',
    layout: layout.landscape ? 'landscape' : 'portrait',
    margins: MARGINS,
    info: {
      Title: `${t('doc.title')} ${document.number}`,
      Author: content.letterhead.issuingBody,
      Creator: 'Đối chiếu dân cư',
      Subject: t(`doc.subtitle.${content.list.kind}`),
      // Read back by `doc verify`: the same code as the QR on every page.
      DoichieuDocument: code,
      ...(marks ? { DoichieuAudit: formatAuditHead(marks.auditHead) } : {}),
    } as PDFKit.DocumentInfo,
  });
  doc.registerFont('regular', resourcePath('fontRegular'));
  doc.registerFont('bold', resourcePath('fontBold'));
  doc.registerFont('italic', resourcePath('fontItalic'));
  doc.registerFont('bolditalic', resourcePath('fontBoldItalic'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  return { doc, done };
}

/**
 * Every page, as it is begun: the QR code and its text in the bottom margin, the page number from
 * page 2 on. (Drawn up front, so pages need not be kept in memory to the end.)
 */
function decoratePages(doc: PDFKit.PDFDocument, layout: Layout, code: string, footer: string): void {
  const qr = QRCode.create(code, { errorCorrectionLevel: 'M' }).modules;
  let pageNumber = 0;
  const decoratePage = () => {
    pageNumber++;
    const { x, y } = doc;
    const keptBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // drawing inside the margin must not start a new page
    const qrX = layout.pageWidth - MARGINS.right - QR_SIZE;
    const qrY = layout.pageHeight - MARGINS.bottom + 2 * MM;
    drawQr(doc, qr, qrX, qrY);
    doc.font('regular').fontSize(7).fillColor('#333333');
    doc.text(footer, qrX - 6 - doc.widthOfString(footer), qrY + 4 * MM, { lineBreak: false });
    if (pageNumber > 1) {
      const label = String(pageNumber);
      doc.fontSize(13).fillColor('black');
      doc.text(label, layout.left + (layout.width - doc.widthOfString(label)) / 2, 10 * MM, { lineBreak: false });
    }
    doc.page.margins.bottom = keptBottom;
    doc.fillColor('black');
    doc.x = x;
    doc.y = y;
  };
  doc.on('pageAdded', decoratePage);
  decoratePage();
}

/** Header blocks: issuing bodies and number on the left, the national motto and place-date on the right. Returns where they end. */
function drawHeading(doc: PDFKit.PDFDocument, layout: Layout, document: StoredDocument): number {
  // From 1 July 2025 no district line above the commune (paperLetterhead).
  const letterhead = paperLetterhead(document.content.letterhead, document.content.issuedOn);
  const { left, width } = layout;
  const leftWidth = width * (layout.landscape ? 0.4 : 0.42);
  const rightX = left + leftWidth;
  const rightWidth = width - leftWidth;
  const top = MARGINS.top;
  doc.x = left;
  doc.y = top;
  if (letterhead.parentBody.trim() !== '') {
    doc.font('regular').fontSize(12).text(letterhead.parentBody.toUpperCase(), { width: leftWidth, align: 'center' });
  }
  for (const line of issuingBodyLines(letterhead))
    doc.font('bold').fontSize(12).text(line, { width: leftWidth, align: 'center' });
  const ruleY = doc.y + 2;
  doc
    .moveTo(left + leftWidth / 3, ruleY)
    .lineTo(left + (2 * leftWidth) / 3, ruleY)
    .lineWidth(0.6)
    .stroke('black');
  doc
    .font('regular')
    .fontSize(13)
    .text(t('doc.numberLine', { number: document.number }), left, ruleY + 6, { width: leftWidth, align: 'center' });
  const leftBottom = doc.y;
  doc.font('bold').fontSize(12).text(t('doc.nation'), rightX, top, { width: rightWidth, align: 'center' });
  doc.font('bold').fontSize(13);
  const motto = t('doc.motto');
  const mottoWidth = doc.widthOfString(motto);
  doc.text(motto, rightX, doc.y, { width: rightWidth, align: 'center' });
  const mottoRule = doc.y + 1;
  doc
    .moveTo(rightX + (rightWidth - mottoWidth) / 2, mottoRule)
    .lineTo(rightX + (rightWidth + mottoWidth) / 2, mottoRule)
    .lineWidth(0.6)
    .stroke('black');
  doc
    .font('italic')
    .fontSize(13)
    .text(placeAndDate(letterhead.place, document.content.issuedOn), rightX, mottoRule + 6, {
      width: rightWidth,
      align: 'center',
    });
  return Math.max(leftBottom, doc.y) + 18;
}

/** The title, the kind of list, and what it is attached to. Returns where it ends. */
function drawTitle(doc: PDFKit.PDFDocument, layout: Layout, content: DocumentContent, y: number): number {
  const { left, width } = layout;
  doc.font('bold').fontSize(14).text(t('doc.title'), left, y, { width, align: 'center' });
  doc
    .font('bold')
    .fontSize(13)
    .text(t(`doc.subtitle.${content.list.kind}`), { width, align: 'center' });
  doc
    .font('italic')
    .fontSize(12)
    .text(
      t('doc.attached', {
        file: content.list.fileName,
        source: content.list.source,
        drawnUp: formatDateVi(content.list.drawnUp),
      }),
      { width, align: 'center' },
    );
  return doc.y + 10;
}

function totalsLine(content: DocumentContent): string {
  const total = ENTRY_STATUSES.reduce((n, s) => n + content.totals[s], 0);
  const parts = ENTRY_STATUSES.filter((s) => content.totals[s] > 0)
    .map((s) => `${t(`status.${s}`)}: ${content.totals[s]}`)
    .join('; ');
  return t('doc.totals', { total, parts: parts || '0' });
}

/**
 * The table, header row on every page, rows never split; `closingHeight` is what must follow the
 * last row on its page (totals and signature): when it does not fit, the last two rows move over
 * with it. Returns where the table ends.
 */
function drawTable(
  doc: PDFKit.PDFDocument,
  layout: Layout,
  columns: readonly Column[],
  rows: readonly DocumentRow[],
  start: { readonly y: number; readonly closingHeight: number },
): number {
  const wrapper = new CellWrapper(doc, layout.widths);
  const continuedTop = MARGINS.top + 14; // room for the page number
  const newPage = () => {
    doc.addPage();
    return continuedTop;
  };
  const headerCells = columns.map((c) => c.title);
  const headerHeight = wrapper.heightOf(headerCells, 'bold');
  const rowCells = rows.map((row, i) => columns.map((c) => c.cell(row, i)));
  const rowHeights = rowCells.map((cells) => wrapper.heightOf(cells, 'regular'));
  const tableTop = start.y + headerHeight + 40 > layout.bottom ? null : start.y;
  const page = { firstTop: tableTop ?? continuedTop, continuedTop, headerHeight, bottom: layout.bottom };
  let { breaks, end } = paginateRows(rowHeights, page, 0);
  if (end + start.closingHeight > layout.bottom && rowHeights.length > 2) ({ breaks, end } = paginateRows(rowHeights, page, 2));

  const drawHeader = (top: number) => {
    drawTableRow(doc, wrapper, layout, { cells: headerCells, top, height: headerHeight }, { font: 'bold', align: 'center' });
    return top + headerHeight;
  };
  let y = drawHeader(tableTop ?? newPage());
  rowCells.forEach((cells, i) => {
    if (breaks.has(i)) y = drawHeader(newPage());
    drawTableRow(doc, wrapper, layout, { cells, top: y, height: rowHeights[i]! }, { font: 'regular', align: 'left' });
    y += rowHeights[i]!;
  });
  return y;
}

/** Totals per status, then the signature block (right) and "Nơi nhận" (left). */
function drawClosing(doc: PDFKit.PDFDocument, layout: Layout, letterhead: Letterhead, totalsText: string, top: number): void {
  const { left, width } = layout;
  doc
    .font('regular')
    .fontSize(13)
    .text(totalsText, left, top + 8, { width });
  const y = doc.y + 12;
  const signX = left + width / 2;
  const signWidth = width / 2;
  const heading = signatureHeading(letterhead);
  doc.font('bold').fontSize(13);
  heading.forEach((line, i) => doc.text(line.toUpperCase(), signX, y + i * 17, { width: signWidth, align: 'center' }));
  doc.text(letterhead.signerName, signX, y + heading.length * 17 + 25 * MM, { width: signWidth, align: 'center' });
  doc
    .font('bolditalic')
    .fontSize(12)
    .text(t('doc.recipients'), left, y, { width: width / 2 });
  doc.font('regular').fontSize(11);
  for (const line of recipientLines(letterhead)) doc.text(line, left, doc.y, { width: width / 2 - 10 });
}

/** The PDF of one document version. */
export function documentPdf(document: StoredDocument, marks: PrintMarks | null = null): Promise<Uint8Array> {
  const { content } = document;
  const letterhead = paperLetterhead(content.letterhead, content.issuedOn);
  const columns = columnsFor(content.rows);
  const layout = layoutFor(columns);
  const code = formatDocumentCode({ number: document.number, version: document.version, hash: document.hash });
  const { doc, done } = openDocument(document, marks, layout, code);
  // The installation's key fingerprint tells the registry side whose document (and packages) these are.
  const footer = [
    t('doc.footer', { number: document.number, version: document.version, hash: document.hash.slice(0, 16) }),
    marks ? t('doc.footerKey', { fingerprint: marks.keyFingerprint }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  decoratePages(doc, layout, code, footer);
  let y = drawTitle(doc, layout, content, drawHeading(doc, layout, document));

  const totalsText = totalsLine(content);
  doc.font('regular').fontSize(13);
  const totalsHeight = doc.heightOfString(totalsText, { width: layout.width }) + 20;
  const heading = signatureHeading(letterhead);
  const blockHeight = Math.max(heading.length * 17 + 25 * MM + 17, 16 + recipientLines(letterhead).length * 14);
  y = drawTable(doc, layout, columns, content.rows, { y, closingHeight: totalsHeight + blockHeight });
  if (y + totalsHeight + blockHeight > layout.bottom) {
    doc.addPage();
    y = MARGINS.top + 14;
  }
  drawClosing(doc, layout, letterhead, totalsText, y);
  doc.end();
  return done;
}

/** "list-ket-qua-12-ban-2.pdf": the list's name, then the document's number and version. */
export function documentFileName(document: Pick<StoredDocument, 'number' | 'version' | 'content'>): string {
  const base = document.content.list.fileName.replace(/\.[^.]*$/, '');
  return `${base}-ket-qua-${document.number.split('/')[0]}-ban-${document.version}.pdf`;
}
