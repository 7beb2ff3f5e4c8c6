/**
 * A 10,000-row list printed as a state-format document (issue 6: under 5 s), beside a bare pdfkit
 * table of the same rows with the same embedded font, in the same run.
 */
import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_LETTERHEAD } from '../src/shared/documents/letterhead';
import { formatDateVi } from '../src/shared/dates';
import { ENTRY_STATUSES, type EntryStatus } from '../src/shared/verification/vocabulary';
import { generateDemoResidents } from '../src/main/demo/demo-residents';
import { contentHash, type DocumentContent, type DocumentRow } from '../src/main/documents/content';
import { documentPdf } from '../src/main/documents/state-pdf';
import { resourcesDir } from '../src/main/paths';

function bareTable(rows: readonly DocumentRow[]): Promise<{ bytes: number; pages: number }> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 40 });
  doc.registerFont('regular', join(resourcesDir(), 'fonts', 'Tinos_400Regular.ttf'));
  doc.font('regular').fontSize(10);
  const widths = [30, 140, 60, 80, 220, 80, 80, 50];
  let bytes = 0;
  let pages = 1;
  doc.on('data', (c: Buffer) => (bytes += c.length));
  const done = new Promise<{ bytes: number; pages: number }>((resolve) => doc.on('end', () => resolve({ bytes, pages })));
  let y = 40;
  rows.forEach((r, i) => {
    if (y + 16 > doc.page.height - 40) {
      doc.addPage();
      pages++;
      y = 40;
    }
    const cells = [
      String(i + 1),
      r.fullName ?? '',
      r.birthDate ? formatDateVi(r.birthDate) : '',
      r.idNumber ?? '',
      r.address ?? '',
      r.status ?? '',
      '',
      '',
    ];
    let x = 40;
    cells.forEach((c, j) => {
      doc.rect(x, y, widths[j]!, 16).stroke();
      doc.text(c, x + 2, y + 3, { width: widths[j]! - 4, lineBreak: false });
      x += widths[j]!;
    });
    y += 16;
  });
  doc.end();
  return done;
}

export async function benchDocumentPdf(rowsCount: number): Promise<Record<string, unknown>> {
  const residents = generateDemoResidents(rowsCount, 11);
  const statuses: EntryStatus[] = ['matched', 'matched', 'matched', 'mismatched', 'not_found'];
  const rows: DocumentRow[] = residents.map((r, i) => ({
    row: i + 7,
    fullName: r.fullName,
    birthDate: r.birthDate,
    sex: r.sex,
    idNumber: r.personalId,
    address: r.permanentAddress,
    status: statuses[i % statuses.length]!,
    differences: i % 5 === 3 ? ['birthDate'] : [],
    resolution: i % 10 === 3 ? 'list_corrected' : null,
    note: null,
  }));
  const totals = Object.fromEntries(ENTRY_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<
    EntryStatus,
    number
  >;
  const content: DocumentContent = {
    format: 1,
    issuedOn: '2026-11-27',
    letterhead: { ...DEFAULT_LETTERHEAD, signerName: 'Hoàng Văn Chủ' },
    list: {
      id: 1,
      kind: 'registration',
      fileName: 'bench.xlsx',
      source: 'Trạm Y tế',
      drawnUp: '2026-11-26',
      dueDate: '2026-11-28',
    },
    rows,
    totals,
  };
  // Warm up the font loading and JIT on a small document first.
  await documentPdf({
    id: 1,
    number: '1/DS-UBND',
    version: 1,
    hash: contentHash({ ...content, rows: rows.slice(0, 50) }),
    content: { ...content, rows: rows.slice(0, 50) },
    signed: false,
  });
  const baselineStart = performance.now();
  const baseline = await bareTable(rows);
  const baselineMs = performance.now() - baselineStart;
  const start = performance.now();
  const hash = contentHash(content);
  const pdf = await documentPdf({ id: 1, number: '1/DS-UBND', version: 1, hash, content, signed: false });
  const ms = performance.now() - start;
  const pages = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(Buffer.from(pdf).toString('latin1'))?.[1] ?? 0);
  return {
    bench: 'document-pdf',
    rows: rowsCount,
    ms: Math.round(ms),
    pages,
    pagesPerSecond: Math.round((pages / ms) * 1000),
    bytes: pdf.length,
    baselineMs: Math.round(baselineMs),
    baselinePages: baseline.pages,
    baselinePagesPerSecond: Math.round((baseline.pages / baselineMs) * 1000),
    ratio: Number((ms / baselineMs).toFixed(2)),
    targetMs: 5000,
    met: ms < 5000,
  };
}
