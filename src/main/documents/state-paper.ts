/**
 * The pieces of a paper in the state format (Decree 30/2020/NĐ-CP, Annex I; DOMAIN.md §7) that
 * every printed paper shares: A4 with the decree's margins, Tinos embedded, both header blocks, a
 * table with its header row on every page and no row split, page numbers from page 2 (and a QR
 * code in the bottom margin when the paper has a code), the signature block and "Nơi nhận".
 * A printed list (`state-pdf.ts`), a citizen's data report and the processing record draw with them.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { IsoDate } from '../../shared/dates';
import { issuingBodyLines, placeAndDate, signatureHeading, type Letterhead } from '../../shared/documents/letterhead';
import { translate, type MessageKey } from '../../shared/i18n';
import { resourcePath } from '../paths';
import { CellWrapper, drawTableRow, paginateRows } from './pdf-table';

export const MM = 72 / 25.4;
const A4 = { short: 595.28, long: 841.89 };
// Decree 30: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
export const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const QR_SIZE = 15 * MM;
/** Where a page after the first begins (room for its number). */
export const CONTINUED_TOP = MARGINS.top + 14;

// The paper is Vietnamese whatever the screen's language: it is a state document.
export const paperText = (key: MessageKey, params?: Record<string, string | number>) => translate('vi', key, params);

/** A table column: its narrowest width in points; extra width is shared by weight. */
export interface PaperColumn {
  readonly min: number;
  readonly weight: number;
}

/** The page: A4 portrait, or landscape when asked. */
export interface PaperLayout {
  readonly landscape: boolean;
  readonly pageWidth: number;
  readonly pageHeight: number;
  /** Between the margins. */
  readonly width: number;
  readonly left: number;
  readonly bottom: number;
}

/** A4 portrait unless `minWidth` (a table's narrowest) needs landscape. */
export function paperLayout(minWidth: number): PaperLayout {
  const landscape = minWidth > A4.short - MARGINS.left - MARGINS.right;
  const pageWidth = landscape ? A4.long : A4.short;
  const pageHeight = landscape ? A4.short : A4.long;
  const width = pageWidth - MARGINS.left - MARGINS.right;
  return { landscape, pageWidth, pageHeight, width, left: MARGINS.left, bottom: pageHeight - MARGINS.bottom };
}

/** The columns' widths filling `width`: each its minimum, the rest shared by weight. */
export function columnWidths(columns: readonly PaperColumn[], width: number): number[] {
  const minWidth = columns.reduce((n, c) => n + c.min, 0);
  const totalWeight = columns.reduce((n, c) => n + c.weight, 0);
  return columns.map((c) => c.min + ((width - minWidth) * c.weight) / totalWeight);
}

/** A new paper with the fonts registered; `done` gives its bytes once `doc.end()` is called. */
export function openPaper(layout: PaperLayout, info: PDFKit.DocumentInfo & Readonly<Record<string, string>>) {
  const doc = new PDFDocument({
    size: 'A4',
    layout: layout.landscape ? 'landscape' : 'portrait',
    margins: MARGINS,
    info: { Creator: 'Đối chiếu dân cư', ...info } as PDFKit.DocumentInfo,
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

/**
 * Every page, as it is begun: the QR code (when the paper has a code) and the footer in the bottom
 * margin, the page number from page 2 on. (Drawn up front, so pages need not be kept to the end.)
 */
export function decoratePages(doc: PDFKit.PDFDocument, layout: PaperLayout, code: string | null, footer: string): void {
  const qr = code === null ? null : QRCode.create(code, { errorCorrectionLevel: 'M' }).modules;
  let pageNumber = 0;
  const decoratePage = () => {
    pageNumber++;
    const { x, y } = doc;
    const keptBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // drawing inside the margin must not start a new page
    const qrX = layout.pageWidth - MARGINS.right - (qr ? QR_SIZE : 0);
    const qrY = layout.pageHeight - MARGINS.bottom + 2 * MM;
    if (qr) drawQr(doc, qr, qrX, qrY);
    doc.font('regular').fontSize(7).fillColor('#333333');
    doc.text(footer, qrX - (qr ? 6 : 0) - doc.widthOfString(footer), qrY + 4 * MM, { lineBreak: false });
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

/** What the header blocks say: the letterhead as the paper's date wants it, the number line, the date. */
export interface PaperHeading {
  readonly letterhead: Letterhead;
  readonly numberLine: string;
  readonly issuedOn: IsoDate;
}

/** Header blocks: issuing bodies and number on the left, the national motto and place-date on the right. Returns where they end. */
export function drawHeaderBlocks(doc: PDFKit.PDFDocument, layout: PaperLayout, heading: PaperHeading): number {
  const { letterhead } = heading;
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
    .text(heading.numberLine, left, ruleY + 6, { width: leftWidth, align: 'center' });
  const leftBottom = doc.y;
  doc.font('bold').fontSize(12).text(paperText('doc.nation'), rightX, top, { width: rightWidth, align: 'center' });
  doc.font('bold').fontSize(13);
  const motto = paperText('doc.motto');
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
    .text(placeAndDate(letterhead.place, heading.issuedOn), rightX, mottoRule + 6, { width: rightWidth, align: 'center' });
  return Math.max(leftBottom, doc.y) + 18;
}

/**
 * A table, header row on every page, rows never split; `closingHeight` is what must follow the
 * last row on its page (totals and signature): when it does not fit, the last two rows move over
 * with it. Returns where the table ends.
 */
export function drawPaperTable(
  doc: PDFKit.PDFDocument,
  layout: PaperLayout,
  widths: readonly number[],
  table: { readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] },
  start: { readonly y: number; readonly closingHeight: number },
): number {
  const geometry = { left: layout.left, widths };
  const wrapper = new CellWrapper(doc, widths);
  const newPage = () => {
    doc.addPage();
    return CONTINUED_TOP;
  };
  const headerHeight = wrapper.heightOf(table.header, 'bold');
  const rowHeights = table.rows.map((cells) => wrapper.heightOf(cells, 'regular'));
  const tableTop = start.y + headerHeight + 40 > layout.bottom ? null : start.y;
  const page = { firstTop: tableTop ?? CONTINUED_TOP, continuedTop: CONTINUED_TOP, headerHeight, bottom: layout.bottom };
  let { breaks, end } = paginateRows(rowHeights, page, 0);
  if (end + start.closingHeight > layout.bottom && rowHeights.length > 2) ({ breaks, end } = paginateRows(rowHeights, page, 2));

  const drawHeader = (top: number) => {
    drawTableRow(doc, wrapper, geometry, { cells: table.header, top, height: headerHeight }, { font: 'bold', align: 'center' });
    return top + headerHeight;
  };
  let y = drawHeader(tableTop ?? newPage());
  table.rows.forEach((cells, i) => {
    if (breaks.has(i)) y = drawHeader(newPage());
    drawTableRow(doc, wrapper, geometry, { cells, top: y, height: rowHeights[i]! }, { font: 'regular', align: 'left' });
    y += rowHeights[i]!;
  });
  return y;
}

/** The height the signature block and "Nơi nhận" need. */
export function signatureHeight(letterhead: Letterhead, recipients: readonly string[]): number {
  return Math.max(signatureHeading(letterhead).length * 17 + 25 * MM + 17, 16 + recipients.length * 14);
}

/** The signature block (right) and "Nơi nhận" (left), from `y`. */
export function drawSignature(
  doc: PDFKit.PDFDocument,
  layout: PaperLayout,
  letterhead: Letterhead,
  recipients: readonly string[],
  y: number,
): void {
  const { left, width } = layout;
  const signX = left + width / 2;
  const signWidth = width / 2;
  const heading = signatureHeading(letterhead);
  doc.font('bold').fontSize(13);
  heading.forEach((line, i) => doc.text(line.toUpperCase(), signX, y + i * 17, { width: signWidth, align: 'center' }));
  doc.text(letterhead.signerName, signX, y + heading.length * 17 + 25 * MM, { width: signWidth, align: 'center' });
  doc
    .font('bolditalic')
    .fontSize(12)
    .text(paperText('doc.recipients'), left, y, { width: width / 2 });
  doc.font('regular').fontSize(11);
  for (const line of recipients) doc.text(line, left, doc.y, { width: width / 2 - 10 });
}
