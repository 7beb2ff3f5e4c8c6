/**
 * One pass over a workbook's inflated parts before any parser sees them, keeping nothing but
 * counts: the zip bomb whose directory lies, a text run longer than any cell may be (a 100 MB cell
 * in a 100 kB file), and the sheets, rows and cells against the limits. It also reads the workbook's
 * sheet list (names, hidden or not) for the reader. Memory stays that of one chunk.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { MAX_CELL_CHARS, MAX_INFLATED_BYTES, MAX_SHEETS, MAX_SHEET_ROWS } from '../../shared/limits';
import type { ByteSource } from './source';
import type { ZipEntry } from './zip-directory';

/**
 * The longest run of bytes between two tags (or inside one) any cell can need: 32,767 characters,
 * each written as a character reference of up to 10 bytes, with room to spare.
 */
export const MAX_XML_RUN_BYTES = 12 * MAX_CELL_CHARS;

export type WorkbookProblem =
  | { readonly kind: 'zipBomb' | 'unreadable' }
  | { readonly kind: 'runTooLong'; readonly part: string }
  | { readonly kind: 'tooManyCells'; readonly max: number }
  | { readonly kind: 'tooManyRows'; readonly part: string; readonly max: number }
  | { readonly kind: 'tooManySheets'; readonly max: number };

/** A sheet the workbook lists, in its order: where its XML is, its name, whether it is hidden. */
export interface SheetInfo {
  readonly part: string;
  readonly name: string;
  readonly visible: boolean;
}

export interface WorkbookScan {
  readonly sheets: readonly SheetInfo[];
  readonly cells: number;
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const SMALL_PARTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);

const LT = 0x3c;
const GT = 0x3e;
/** Tags counted, by the bytes of their local name. */
const C = [0x63];
const ROW = [0x72, 0x6f, 0x77];
const SHEET = [0x73, 0x68, 0x65, 0x65, 0x74];

/**
 * Counts tags by local name and measures runs in one XML part, a chunk at a time, in one tight
 * loop over the bytes (a sheet of 12 million cells is some 300 MB of them).
 */
class XmlCounter {
  private inTag = false;
  private run = 0;
  /** The tag name's bytes so far (-1: the name is over). */
  private readonly name = new Uint8Array(16);
  private nameLength = -1;
  cells = 0;
  rows = 0;
  sheets = 0;
  tooLong = false;

  push(chunk: Uint8Array): void {
    let { inTag, run, nameLength } = this;
    const name = this.name;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === LT) {
        // A tag starts (outside CDATA, which a sheet never needs).
        inTag = true;
        run = 0;
        nameLength = 0;
        continue;
      }
      if (inTag && b === GT) {
        if (nameLength > 0) this.count(nameLength);
        inTag = false;
        run = 0;
        nameLength = -1;
        continue;
      }
      if (++run > MAX_XML_RUN_BYTES) {
        this.tooLong = true;
        break;
      }
      if (nameLength < 0) continue;
      if (b === 0x20 || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d) {
        if (nameLength > 0) this.count(nameLength);
        nameLength = -1;
      } else if (b === 0x3a)
        nameLength = 0; // a namespace prefix: the local name follows
      else if (nameLength < name.length) name[nameLength++] = b;
      else nameLength = -1;
    }
    this.inTag = inTag;
    this.run = run;
    this.nameLength = nameLength;
  }

  private count(length: number): void {
    if (this.is(C, length)) this.cells++;
    else if (this.is(ROW, length)) this.rows++;
    else if (this.is(SHEET, length)) this.sheets++;
  }

  private is(word: readonly number[], length: number): boolean {
    if (length !== word.length) return false;
    for (let i = 0; i < length; i++) if (this.name[i] !== word[i]) return false;
    return true;
  }
}

interface ScanState {
  total: number;
  cells: number;
  readonly small: Map<string, string>;
}

type ScanResult = { readonly ok: true; readonly value: WorkbookScan } | { readonly ok: false; readonly problem: WorkbookProblem };

/** An entry's bytes as stored (compressed), read from the source a piece at a time. */
function* storedBytes(source: ByteSource, entry: ZipEntry): Generator<Uint8Array> {
  const header = source.readAt(entry.localOffset, 30);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.byteLength < 30 || view.getUint32(0, true) !== 0x04034b50) throw new Error('no local header');
  const start = entry.localOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > source.size) throw new Error('entry beyond the end');
  for (let at = start; at < end; at += 256 * 1024) yield source.readAt(at, Math.min(256 * 1024, end - at));
}

/** Inflates one entry (natively, a piece at a time) into `check`, stopping at its first problem. */
async function scanEntry(
  source: ByteSource,
  entry: ZipEntry,
  state: ScanState,
  maxCells: number,
): Promise<WorkbookProblem | null> {
  if (entry.method !== 0 && entry.method !== 8) return { kind: 'unreadable' };
  const xml = /\.(xml|rels)$/i.test(entry.name);
  const counter = new XmlCounter();
  const keep = SMALL_PARTS.has(entry.name) ? new TextDecoder() : null;
  let kept = '';
  let size = 0;
  const stored = Readable.from(storedBytes(source, entry), { objectMode: false });
  const inflated = entry.method === 8 ? stored.pipe(createInflateRaw({ chunkSize: 64 * 1024 })) : stored;
  try {
    for await (const chunk of inflated as AsyncIterable<Buffer>) {
      size += chunk.length;
      state.total += chunk.length;
      if (size > entry.uncompressedSize || state.total > MAX_INFLATED_BYTES) return { kind: 'zipBomb' };
      if (keep) kept += keep.decode(chunk, { stream: true });
      if (!xml) continue;
      counter.push(chunk);
      const problem = partProblem(entry.name, counter, state, maxCells);
      if (problem) return problem;
    }
  } catch {
    return { kind: 'unreadable' };
  } finally {
    stored.destroy();
    inflated.destroy();
  }
  if (keep) state.small.set(entry.name, kept + keep.decode());
  return null;
}

/**
 * Inflates every part once and checks it; returns the sheets or the first problem found. `maxCells`
 * is the caller's limit (an extract holds more than a list).
 */
export async function scanWorkbook(source: ByteSource, entries: readonly ZipEntry[], maxCells: number): Promise<ScanResult> {
  const state: ScanState = { total: 0, cells: 0, small: new Map() };
  for (const entry of entries) {
    const problem = await scanEntry(source, entry, state, maxCells);
    if (problem) return { ok: false, problem };
  }
  return { ok: true, value: { sheets: sheetList(state.small), cells: state.cells } };
}

function partProblem(part: string, counter: XmlCounter, state: ScanState, maxCells: number): WorkbookProblem | null {
  if (counter.tooLong) return { kind: 'runTooLong', part };
  if (part === 'xl/workbook.xml' && counter.sheets > MAX_SHEETS) return { kind: 'tooManySheets', max: MAX_SHEETS };
  if (!WORKSHEET.test(part)) return null;
  if (counter.rows > MAX_SHEET_ROWS) return { kind: 'tooManyRows', part, max: MAX_SHEET_ROWS };
  state.cells += counter.cells;
  counter.cells = 0;
  return state.cells > maxCells ? { kind: 'tooManyCells', max: maxCells } : null;
}

/** An XML attribute value with its five entities and character references decoded. */
export function xmlAttribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  if (!match) return undefined;
  return (match[2] ?? match[3] ?? '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Where a workbook relationship's target lies in the zip (relative to xl/, or absolute). */
function resolveTarget(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The workbook's sheets in order, from workbook.xml and its relationships. */
function sheetList(small: ReadonlyMap<string, string>): SheetInfo[] {
  const rels = new Map<string, string>();
  for (const tag of (small.get('xl/_rels/workbook.xml.rels') ?? '').match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = xmlAttribute(tag, 'Id');
    const target = xmlAttribute(tag, 'Target');
    if (id !== undefined && target !== undefined) rels.set(id, resolveTarget(target));
  }
  const sheets: SheetInfo[] = [];
  for (const tag of (small.get('xl/workbook.xml') ?? '').match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const id = xmlAttribute(tag, '(?:\\w+:)?id');
    const part = id === undefined ? undefined : rels.get(id);
    if (part === undefined) continue;
    const state = xmlAttribute(tag, 'state');
    sheets.push({ part, name: xmlAttribute(tag, 'name') ?? '', visible: state === undefined || state === 'visible' });
  }
  return sheets;
}
