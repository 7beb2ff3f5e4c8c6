/**
 * A printed list in the state format (Decree 30/2020/NĐ-CP, Annex I; DOMAIN.md §7), drawn with
 * pdfkit from a frozen document version: both header blocks, the number and the place-and-date line,
 * the title, the table (header row on every page, no row split, long names and addresses wrapped,
 * A4 portrait or landscape when the columns need it), totals per status, page numbers from page 2,
 * the signature block and "Nơi nhận". Tinos is embedded and subset; every page carries a QR code
 * with the document's number, version and hash, which the PDF's metadata repeats for `doc verify`.
 */
import { formatDateVi } from '../../shared/dates';
import { formatDocumentCode, paperLetterhead, recipientLines } from '../../shared/documents/letterhead';
import { handlingLine } from '../../shared/verification/handling';
import { ENTRY_STATUSES } from '../../shared/verification/vocabulary';
import { formatAuditHead, type AuditHead } from '../audit/audit';
import type { Letterhead } from '../../shared/documents/letterhead';
import type { DocumentContent, DocumentRow, StoredDocument } from './content';
import {
  CONTINUED_TOP,
  columnWidths,
  decoratePages,
  drawHeaderBlocks,
  drawPaperTable,
  drawSignature,
  openPaper,
  paperLayout,
  paperText as t,
  signatureHeight,
  type PaperColumn,
  type PaperLayout,
} from './state-paper';

interface Column extends PaperColumn {
  readonly title: string;
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

/** What a print carries besides the content. */
export interface PrintMarks {
  /** The installation's key fingerprint, at the foot of every page. */
  readonly keyFingerprint: string;
  /** The audit trail's signed head at printing, kept in the PDF's metadata: an anchor outside the machine. */
  readonly auditHead: AuditHead;
}

/** The page and the table's columns: A4 portrait unless the columns' minimum widths need landscape. */
interface Layout extends PaperLayout {
  readonly widths: readonly number[];
}

function layoutFor(columns: readonly Column[]): Layout {
  const page = paperLayout(columns.reduce((n, c) => n + c.min, 0));
  return { ...page, widths: columnWidths(columns, page.width) };
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
        file: content.list.title ?? content.list.fileName,
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

/** Totals per status, then the signature block (right) and "Nơi nhận" (left). */
function drawClosing(doc: PDFKit.PDFDocument, layout: Layout, letterhead: Letterhead, totalsText: string, top: number): void {
  doc
    .font('regular')
    .fontSize(13)
    .text(totalsText, layout.left, top + 8, { width: layout.width });
  drawSignature(doc, layout, letterhead, recipientLines(letterhead), doc.y + 12);
}

/** The PDF of one document version. */
export function documentPdf(document: StoredDocument, marks: PrintMarks | null = null): Promise<Uint8Array> {
  const { content } = document;
  const letterhead = paperLetterhead(content.letterhead, content.issuedOn);
  const columns = columnsFor(content.rows);
  const layout = layoutFor(columns);
  const code = formatDocumentCode({ number: document.number, version: document.version, hash: document.hash });
  const { doc, done } = openPaper(layout, {
    Title: `${t('doc.title')} ${document.number}`,
    Author: content.letterhead.issuingBody,
    Subject: t(`doc.subtitle.${content.list.kind}`),
    // Read back by `doc verify`: the same code as the QR on every page.
    DoichieuDocument: code,
    ...(marks ? { DoichieuAudit: formatAuditHead(marks.auditHead) } : {}),
  });
  // The installation's key fingerprint tells the registry side whose document (and packages) these are.
  const footer = [
    t('doc.footer', { number: document.number, version: document.version, hash: document.hash.slice(0, 16) }),
    marks ? t('doc.footerKey', { fingerprint: marks.keyFingerprint }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  decoratePages(doc, layout, code, footer);
  // From 1 July 2025 no district line above the commune (paperLetterhead).
  const heading = { letterhead, numberLine: t('doc.numberLine', { number: document.number }), issuedOn: content.issuedOn };
  let y = drawTitle(doc, layout, content, drawHeaderBlocks(doc, layout, heading));

  const totalsText = totalsLine(content);
  doc.font('regular').fontSize(13);
  const totalsHeight = doc.heightOfString(totalsText, { width: layout.width }) + 20;
  const blockHeight = signatureHeight(letterhead, recipientLines(letterhead));
  const table = { header: columns.map((c) => c.title), rows: content.rows.map((row, i) => columns.map((c) => c.cell(row, i))) };
  y = drawPaperTable(doc, layout, layout.widths, table, { y, closingHeight: totalsHeight + blockHeight });
  if (y + totalsHeight + blockHeight > layout.bottom) {
    doc.addPage();
    y = CONTINUED_TOP;
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
