/**
 * A CSV read as a stream: the encoding found on the file's first megabyte (BOMs, UTF-16 by its zero
 * bytes, UTF-8, else Windows-1258, TCVN3 or VNI by which makes the most Vietnamese syllables), the
 * text decoded a chunk at a time, each record's length bounded before papaparse (in its streaming
 * mode) splits it into cells, and the rows handed on as they come.
 */
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { HEADER_SEARCH_ROWS } from '../../shared/columns';
import { mergeSplitHeader } from '../../shared/header-repair';
import { MAX_RECORD_CHARS, MAX_SHEET_ROWS } from '../../shared/limits';
import { fail, ok } from '../../shared/result';
import { decodeTcvn3, decodeVni, syllableScore } from '../../shared/text/legacy-encodings';
import { rowLimitProblem, type ReadOutcome, type RowVisitor } from './sheet-rows';
import type { ByteSource } from './source';

type CsvEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows1258' | 'tcvn3' | 'vni';

const PREFIX_BYTES = 1024 * 1024;

/** The encoding of a CSV and the length of its BOM, from its first bytes; null for binary. */
export function detectCsvEncoding(prefix: Uint8Array, whole: boolean): { encoding: CsvEncoding; bom: number } | null {
  if (prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf) return { encoding: 'utf8', bom: 3 };
  if (prefix[0] === 0xff && prefix[1] === 0xfe) return { encoding: 'utf16le', bom: 2 };
  if (prefix[0] === 0xfe && prefix[1] === 0xff) return { encoding: 'utf16be', bom: 2 };
  const probe = prefix.subarray(0, 4096);
  let zeroEven = 0;
  let zeroOdd = 0;
  probe.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
  });
  if (zeroOdd > probe.length / 4 && zeroEven === 0) return { encoding: 'utf16le', bom: 0 };
  if (zeroEven > probe.length / 4 && zeroOdd === 0) return { encoding: 'utf16be', bom: 0 };
  if (zeroEven + zeroOdd > 0) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: !whole });
    return { encoding: 'utf8', bom: 0 };
  } catch {
    return { encoding: singleByteEncoding(Buffer.from(prefix)), bom: 0 };
  }
}

/**
 * A CSV that is not UTF-8 was written by Vietnamese Windows (Windows-1258) or from a sheet in a
 * TCVN3 or VNI font (its bytes are those fonts' codes): the reading with the most syllables wins.
 */
function singleByteEncoding(prefix: Buffer): CsvEncoding {
  const cp1252 = iconv.decode(prefix, 'windows1252').slice(0, 65536);
  const candidates: { encoding: CsvEncoding; score: number }[] = [
    { encoding: 'windows1258', score: syllableScore(iconv.decode(prefix, 'windows1258').slice(0, 65536).normalize('NFC')) },
    { encoding: 'tcvn3', score: syllableScore(decodeTcvn3(cp1252)) },
    { encoding: 'vni', score: syllableScore(decodeVni(cp1252)) },
  ];
  return candidates.reduce((best, c) => (c.score > best.score ? c : best)).encoding;
}

/** Decodes chunks of one encoding; legacy text is decoded up to the last line break (VNI pairs never span one). */
function textDecoder(encoding: CsvEncoding): (chunk: Uint8Array, final: boolean) => string {
  if (encoding === 'utf8' || encoding === 'utf16le' || encoding === 'utf16be') {
    const decoder = new TextDecoder(encoding === 'utf8' ? 'utf-8' : encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', {
      fatal: encoding === 'utf8',
    });
    return (chunk, final) => decoder.decode(chunk, { stream: !final });
  }
  const decode = encoding === 'windows1258' ? (t: string) => t : encoding === 'tcvn3' ? decodeTcvn3 : decodeVni;
  const codePage = encoding === 'windows1258' ? 'windows1258' : 'windows1252';
  let carry = '';
  return (chunk, final) => {
    const text = carry + iconv.decode(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), codePage);
    const cut = final ? text.length : text.lastIndexOf('\n') + 1;
    carry = text.slice(cut);
    return decode(text.slice(0, cut));
  };
}

function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 8192);
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls <= sample.length / 100;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The separator of a CSV: the candidate found outside quotes on the most of its first lines, in the
 * same number on each (Vietnamese Excel writes ';' and addresses are full of quoted commas).
 */
export function guessDelimiter(text: string): string {
  const lines = text
    .slice(0, 65536)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 50);
  let best: string = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const frequency = new Map<number, number>();
    for (const line of lines) {
      let inQuotes = false;
      let n = 0;
      for (const ch of line) {
        if (ch === '"') inQuotes = !inQuotes;
        else if (ch === delimiter && !inQuotes) n++;
      }
      if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    }
    let modal = 0;
    let modalLines = 0;
    for (const [n, lineCount] of frequency) if (lineCount > modalLines) [modal, modalLines] = [n, lineCount];
    if (modalLines === 0) continue;
    const score = modalLines * 1000 + modal;
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

/**
 * Measures each record as the text goes by (a quote opens a quoted cell only at a cell's start, as
 * papaparse reads it), so a record can never grow past the limit inside the parser.
 */
class RecordMeter {
  private inQuotes = false;
  private atCellStart = true;
  private pendingQuote = false;
  length = 0;
  records = 0;

  constructor(private readonly delimiter: string) {}

  /** False once a record is longer than the limit. */
  push(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      this.length++;
      if (this.inQuotes) {
        if (this.pendingQuote) {
          this.pendingQuote = false;
          if (ch !== '"') this.inQuotes = false;
          else continue;
        } else if (ch === '"') {
          this.pendingQuote = true;
          continue;
        } else continue;
      }
      if (ch === '\n') {
        this.records++;
        this.length = 0;
        this.atCellStart = true;
      } else if (ch === this.delimiter) this.atCellStart = true;
      else if (ch === '"' && this.atCellStart) this.inQuotes = true;
      else this.atCellStart = false;
      if (this.length > MAX_RECORD_CHARS) return false;
    }
    return this.length <= MAX_RECORD_CHARS;
  }
}

/** The most common row width, among rows with more than one cell. */
function modalWidth(rows: readonly (readonly string[])[]): number {
  const counts = new Map<number, number>();
  for (const row of rows) if (row.length > 1) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [width, count] of counts) if (count > bestCount) [best, bestCount] = [width, count];
  return best;
}

/** Rejoins unquoted header titles that contain commas, when that gives the header the data's width. */
function repairSplitHeaders(rows: string[][]): void {
  const width = modalWidth(rows);
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const row = rows[i]!;
    if (row.length <= width) continue;
    const merged = mergeSplitHeader(row);
    if (merged.length === width) rows[i] = merged;
  }
}

/** Rows held before the first is handed on, for the header repair to know the data's width. */
const WINDOW_ROWS = 2000;
const WINDOW_CHARS = 4 * 1024 * 1024;

/** Reads a CSV file's rows into `visitor`, checking the limits as it goes. */
export async function readCsvRows(
  source: ByteSource,
  fileName: string,
  maxCells: number,
  visitor: RowVisitor,
): Promise<ReadOutcome> {
  const prefix = source.readAt(0, PREFIX_BYTES);
  const detected = detectCsvEncoding(prefix, prefix.byteLength >= source.size);
  if (detected === null) return fail('error.notSpreadsheet', { file: fileName });
  // The prefix may end inside a letter of several bytes: decoded as a stream unless it is the whole file.
  const prefixText = textDecoder(detected.encoding)(prefix.subarray(detected.bom), prefix.byteLength >= source.size);
  if (!looksLikeText(prefixText)) return fail('error.notSpreadsheet', { file: fileName });
  const delimiter = guessDelimiter(prefixText);
  const meter = new RecordMeter(delimiter);
  const decode = textDecoder(detected.encoding);
  let problem: ReadOutcome | null = null;
  let bytesRead = 0;

  function* text(): Generator<string> {
    let at = detected!.bom;
    for (const chunk of source.chunks(detected!.bom)) {
      at += chunk.byteLength;
      bytesRead = at;
      let piece: string;
      try {
        piece = decode(chunk, at >= source.size);
      } catch {
        problem = fail('input.encodingChanged', { file: fileName, row: meter.records + 1 });
        return;
      }
      if (!meter.push(piece)) {
        problem = fail('input.recordTooLong', { file: fileName, row: meter.records + 1, max: MAX_RECORD_CHARS });
        return;
      }
      if (piece !== '') yield piece;
      if (problem || rows.done) return;
    }
  }

  const rows = new RowFeed(fileName, maxCells, visitor);
  visitor.sheet({ name: fileName.replace(/^.*[\\/]/, ''), date1904: false });
  const stream = Readable.from(text());
  await new Promise<void>((resolve) => {
    Papa.parse<string[]>(stream as unknown as File, {
      delimiter,
      skipEmptyLines: false,
      step: (result, parser) => {
        const answer = rows.add(result.data);
        visitor.progress?.(bytesRead);
        if (answer !== null) {
          if (!answer.ok) problem ??= answer;
          parser.abort();
        }
      },
      complete: () => resolve(),
      error: () => resolve(),
    });
  });
  stream.destroy();
  if (problem) return problem;
  return rows.finish();
}

/** Holds the first rows (header repair), then hands rows on; blank rows at the end are dropped. */
class RowFeed {
  private window: string[][] | null = [];
  private windowChars = 0;
  private count = 0;
  private handed = 0;
  private blanks = 0;
  private stopped = false;
  private cells = 0;

  constructor(
    private readonly fileName: string,
    private readonly maxCells: number,
    private readonly visitor: RowVisitor,
  ) {}

  /** A problem that ends reading ('stop' from the visitor is an empty success), or null to go on. */
  add(cells: string[]): ReadOutcome | null {
    if (this.stopped) return ok(undefined);
    if (++this.count > MAX_SHEET_ROWS) return fail('input.tooManyRows', { file: this.fileName, max: MAX_SHEET_ROWS });
    this.cells += cells.length;
    if (this.cells > this.maxCells) return fail('input.tooManyCells', { file: this.fileName, max: this.maxCells });
    if (this.window) {
      this.window.push(cells);
      this.windowChars += cells.reduce((n, c) => n + c.length, 0);
      if (this.window.length < WINDOW_ROWS && this.windowChars < WINDOW_CHARS) return null;
      return this.flushWindow();
    }
    return this.hand(cells);
  }

  /** Hands the held rows on, once a text that is not a table (one column throughout) is ruled out. */
  private flushWindow(): ReadOutcome | null {
    const window = this.window!;
    this.window = null;
    let end = window.length;
    while (end > 0 && window[end - 1]!.every((c) => c === '')) end--;
    if (end > 1 && window.slice(0, end).every((r) => r.length < 2)) return fail('error.notSpreadsheet', { file: this.fileName });
    repairSplitHeaders(window);
    for (const cells of window) {
      const answer = this.hand(cells);
      if (answer !== null) return answer;
    }
    return null;
  }

  private hand(cells: string[]): ReadOutcome | null {
    this.handed++;
    if (cells.every((c) => c === '')) {
      this.blanks++;
      return null;
    }
    // Blank lines inside the table are rows too (a CSV keeps its blank lines).
    for (; this.blanks > 0; this.blanks--) {
      const answer = this.send([''], this.handed - this.blanks);
      if (answer !== null) return answer;
    }
    return this.send(cells, this.handed);
  }

  private send(cells: string[], rowNumber: number): ReadOutcome | null {
    const limit = rowLimitProblem(cells, this.fileName, rowNumber);
    if (limit) return limit;
    const answer = this.visitor.row({ rowNumber, cells });
    if (answer === 'more') return null;
    this.stopped = true;
    return ok(undefined);
  }

  /** Whether the visitor asked for no more rows. */
  get done(): boolean {
    return this.stopped;
  }

  finish(): ReadOutcome {
    return (this.window && this.flushWindow()) ?? ok(undefined);
  }
}
