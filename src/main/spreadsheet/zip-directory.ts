/**
 * Reads an .xlsx's zip central directory, without inflating anything, so that a zip bomb or a
 * macro-enabled workbook is refused before exceljs starts.
 */
import { Unzip, UnzipInflate } from 'fflate';

export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** Where the entry's local header starts. */
  readonly localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

/** The entries of a zip file's central directory, or null when it has none readable. */
export function readZipDirectory(data: Uint8Array): ZipEntry[] | null {
  return readZipDirectoryAt(data.byteLength, (position, length) => data.subarray(position, position + length));
}

/**
 * The same, reading only the file's tail and its directory through `readAt` (a file on disk is
 * never read whole for this).
 */
export function readZipDirectoryAt(size: number, readAt: (position: number, length: number) => Uint8Array): ZipEntry[] | null {
  if (size < 22) return null;
  // The end-of-directory record sits in the last 22 bytes plus a comment of up to 65,535.
  const tailStart = Math.max(0, size - 22 - 65535);
  const tail = readAt(tailStart, size - tailStart);
  const tailView = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tailView.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = tailView.getUint16(eocd + 10, true);
  const directorySize = tailView.getUint32(eocd + 12, true);
  const directoryOffset = tailView.getUint32(eocd + 16, true);
  if (directoryOffset + directorySize > size) return null;
  const data = readAt(directoryOffset, directorySize);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > data.byteLength || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) return null;
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const name = decoder.decode(data.subarray(offset + 46, offset + 46 + nameLength));
    entries.push({ name, compressedSize, uncompressedSize, method, localOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** What is wrong with a workbook's zip before anything is inflated, or null. */
export function zipProblem(entries: readonly ZipEntry[], maxInflatedBytes: number): 'zipBomb' | 'macros' | null {
  let total = 0;
  for (const entry of entries) {
    // 0xFFFFFFFF means a Zip64 size: more than any spreadsheet the app reads.
    if (entry.uncompressedSize === 0xffffffff) return 'zipBomb';
    total += entry.uncompressedSize;
    if (/vbaProject\.bin$/i.test(entry.name)) return 'macros';
  }
  return total > maxInflatedBytes ? 'zipBomb' : null;
}

/**
 * Inflates every entry once, keeping nothing, and stops as soon as an entry inflates beyond what
 * the directory declared (a directory that lies) or the whole beyond `maxTotal`: the zip-bomb check
 * that does not trust the directory.
 */
export function inflatedProblem(
  data: Uint8Array,
  entries: readonly ZipEntry[],
  maxTotal: number,
): 'zipBomb' | 'unreadable' | null {
  const declared = new Map(entries.map((e) => [e.name, e.uncompressedSize]));
  let total = 0;
  let problem: 'zipBomb' | 'unreadable' | null = null;
  const unzip = new Unzip((file) => {
    let size = 0;
    file.ondata = (error, chunk) => {
      if (error) {
        problem ??= 'unreadable';
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > (declared.get(file.name) ?? 0) || total > maxTotal) {
        problem ??= 'zipBomb';
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const CHUNK = 64 * 1024;
  try {
    for (let offset = 0; offset < data.length && problem === null; offset += CHUNK)
      unzip.push(data.subarray(offset, offset + CHUNK), offset + CHUNK >= data.length);
  } catch {
    problem ??= 'unreadable';
  }
  return problem;
}
