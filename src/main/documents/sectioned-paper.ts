/**
 * A paper in the state format made of numbered sections, each a short text or a table (the
 * citizen's data report, the processing record): header blocks, title, sections, closing lines, the
 * signature block and "Nơi nhận", page numbers from page 2. Portrait A4; no QR code (these papers
 * are not kept as document versions).
 */
import type { IsoDate } from '../../shared/dates';
import type { Letterhead } from '../../shared/documents/letterhead';
import {
  CONTINUED_TOP,
  columnWidths,
  decoratePages,
  drawHeaderBlocks,
  drawPaperTable,
  drawSignature,
  openPaper,
  paperLayout,
  signatureHeight,
  type PaperLayout,
} from './state-paper';

export interface SectionColumn {
  readonly title: string;
  readonly min: number;
  readonly weight: number;
}

/** One section: its heading, then lines of text, then a table (or the `empty` line when it has no rows). */
export interface PaperSection {
  readonly title: string;
  readonly lines?: readonly string[];
  readonly table?: {
    readonly columns: readonly SectionColumn[];
    readonly rows: readonly (readonly string[])[];
    readonly empty: string;
  };
}

export interface SectionedPaper {
  readonly letterhead: Letterhead;
  readonly numberLine: string;
  readonly issuedOn: IsoDate;
  readonly title: string;
  readonly subtitle: string;
  readonly intro: readonly string[];
  readonly sections: readonly PaperSection[];
  readonly closing: readonly string[];
  readonly recipients: readonly string[];
  readonly footer: string;
  readonly info: { readonly Title: string; readonly Subject: string };
}

/** Moves to a new page when `needed` points do not fit below `y`. */
function room(doc: PDFKit.PDFDocument, layout: PaperLayout, y: number, needed: number): number {
  if (y + needed <= layout.bottom) return y;
  doc.addPage();
  return CONTINUED_TOP;
}

function drawLines(doc: PDFKit.PDFDocument, layout: PaperLayout, lines: readonly string[], y: number, font = 'regular'): number {
  let at = y;
  for (const line of lines) {
    doc.font(font).fontSize(13);
    at = room(doc, layout, at, doc.heightOfString(line, { width: layout.width }));
    doc.text(line, layout.left, at, { width: layout.width, align: 'justify' });
    at = doc.y + 2;
  }
  return at;
}

function drawSection(doc: PDFKit.PDFDocument, layout: PaperLayout, section: PaperSection, y: number): number {
  // A heading never stands alone at the foot of a page.
  let at = room(doc, layout, y, 70);
  doc.font('bold').fontSize(13).text(section.title, layout.left, at, { width: layout.width });
  at = drawLines(doc, layout, section.lines ?? [], doc.y + 4);
  const table = section.table;
  if (!table) return at + 6;
  if (table.rows.length === 0) return drawLines(doc, layout, [table.empty], at, 'italic') + 6;
  const widths = columnWidths(table.columns, layout.width);
  const header = table.columns.map((c) => c.title);
  return drawPaperTable(doc, layout, widths, { header, rows: table.rows }, { y: at, closingHeight: 0 }) + 12;
}

/** The PDF of a sectioned paper. */
export function sectionedPaperPdf(paper: SectionedPaper): Promise<Uint8Array> {
  const layout = paperLayout(0);
  const { doc, done } = openPaper(layout, { ...paper.info, Author: paper.letterhead.issuingBody });
  decoratePages(doc, layout, null, paper.footer);
  const headingEnd = drawHeaderBlocks(doc, layout, paper);
  doc.font('bold').fontSize(14).text(paper.title, layout.left, headingEnd, { width: layout.width, align: 'center' });
  doc.font('bold').fontSize(13).text(paper.subtitle, { width: layout.width, align: 'center' });
  let y = drawLines(doc, layout, paper.intro, doc.y + 10);
  for (const section of paper.sections) y = drawSection(doc, layout, section, y + 4);
  y = drawLines(doc, layout, paper.closing, y + 4);
  y = room(doc, layout, y + 12, signatureHeight(paper.letterhead, paper.recipients));
  drawSignature(doc, layout, paper.letterhead, paper.recipients, y);
  doc.end();
  return done;
}
