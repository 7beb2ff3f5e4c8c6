/**
 * The table of a printed list: cells broken into lines (greedy, by words; a word wider than the cell
 * by letters) and drawn line by line — pdfkit's own wrapper is far slower on ten thousand rows, and
 * the same address recurs on many of them — with pagination that keeps the totals and signature from
 * standing alone on a last page. A cell prints at most MAX_PRINTED_CELL_CHARS characters (then an
 * ellipsis), and a word too wide for its cell is cut by binary search on its width: the work is
 * bounded whatever the text (a 10,000-letter "name" once took minutes).
 */
import { MAX_PRINTED_CELL_CHARS } from '../../shared/limits';

export const TABLE_FONT_SIZE = 10;
const PADDING = 3;

/** Breaks table cells into lines that fit their column, remembering each text it has broken. */
export class CellWrapper {
  private readonly cache = new Map<string, string[]>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly widths: readonly number[],
  ) {}

  linesOf(full: string, column: number, font: string): string[] {
    const text = printable(full);
    const key = `${font}|${column}|${text}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const width = this.widths[column]! - 2 * PADDING;
    const lines = text.split('\n').flatMap((paragraph) => this.wrapParagraph(paragraph, width));
    this.cache.set(key, lines);
    return lines;
  }

  /** The height of a row of cells in `font`. */
  heightOf(cells: readonly string[], font: string): number {
    this.doc.font(font).fontSize(TABLE_FONT_SIZE);
    const lineHeight = this.doc.currentLineHeight(true);
    return Math.max(...cells.map((c, i) => this.linesOf(c, i, font).length)) * lineHeight + 2 * PADDING;
  }

  private wrapParagraph(paragraph: string, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.doc.widthOfString(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (rest.length > 1 && this.doc.widthOfString(rest) > width) {
        const cut = this.longestFitting(rest, width);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
    return lines;
  }

  /** How many leading characters of `word` fit in `width` (at least one): a binary search on the width. */
  private longestFitting(word: string, width: number): number {
    let fits = 1;
    let tooWide = word.length;
    while (tooWide - fits > 1) {
      const middle = (fits + tooWide) >> 1;
      if (this.doc.widthOfString(word.slice(0, middle)) <= width) fits = middle;
      else tooWide = middle;
    }
    return fits;
  }
}

/** The part of a cell's text that is printed: at most MAX_PRINTED_CELL_CHARS characters, then an ellipsis. */
export function printable(text: string): string {
  return text.length > MAX_PRINTED_CELL_CHARS ? `${text.slice(0, MAX_PRINTED_CELL_CHARS)}…` : text;
}

/** Draws one row of the table at `top`: the cell borders, then each cell's lines. */
export function drawTableRow(
  doc: PDFKit.PDFDocument,
  wrapper: CellWrapper,
  geometry: { readonly left: number; readonly widths: readonly number[] },
  row: { readonly cells: readonly string[]; readonly top: number; readonly height: number },
  style: { readonly font: string; readonly align: 'left' | 'center' },
): void {
  const { left, widths } = geometry;
  doc.font(style.font).fontSize(TABLE_FONT_SIZE).lineWidth(0.5).fillColor('black');
  const lineHeight = doc.currentLineHeight(true);
  let x = left;
  for (const w of widths) {
    doc.rect(x, row.top, w, row.height);
    x += w;
  }
  doc.stroke('black');
  x = left;
  row.cells.forEach((c, i) => {
    const w = widths[i]! - 2 * PADDING;
    const centred = i === 0 || style.align === 'center';
    wrapper.linesOf(c, i, style.font).forEach((line, k) => {
      if (line === '') return;
      const offset = centred ? (w - doc.widthOfString(line)) / 2 : 0;
      doc.text(line, x + PADDING + offset, row.top + PADDING + k * lineHeight, { lineBreak: false });
    });
    x += widths[i]!;
  });
}

/**
 * Where the pages break: before each row index in `breaks`; `end` is where the last row ends. With
 * `keepLast`, the last rows move to a new page with whatever follows the table.
 */
export function paginateRows(
  rowHeights: readonly number[],
  page: { readonly firstTop: number; readonly continuedTop: number; readonly headerHeight: number; readonly bottom: number },
  keepLast: number,
): { readonly breaks: ReadonlySet<number>; readonly end: number } {
  const breaks = new Set<number>();
  let at = page.firstTop + page.headerHeight;
  rowHeights.forEach((h, i) => {
    const keptWithSignature = keepLast > 0 && i === rowHeights.length - keepLast && at > page.continuedTop + page.headerHeight;
    if (at + h > page.bottom || keptWithSignature) {
      breaks.add(i);
      at = page.continuedTop + page.headerHeight;
    }
    at += h;
  });
  return { breaks, end: at };
}
