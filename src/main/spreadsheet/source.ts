/**
 * Where a spreadsheet's bytes come from: a file on disk (the CLI, read a piece at a time) or bytes
 * already in memory (a file sent by the app), shared with the reading worker without a copy.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';

/** What a caller hands over: the bytes, or the path of a file to read as a stream. */
export type SpreadsheetInput = Uint8Array | { readonly path: string };

/** A source as it crosses to the worker: a path, or bytes in shared memory. */
export type SourceRef =
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'shared'; readonly buffer: SharedArrayBuffer; readonly length: number };

const sharedCopies = new WeakMap<Uint8Array, SourceRef>();

/** The reference a worker can read: bytes are copied into shared memory once and reused after. */
export function sourceRef(input: SpreadsheetInput): SourceRef {
  if (!(input instanceof Uint8Array)) return { kind: 'path', path: input.path };
  if (input.buffer instanceof SharedArrayBuffer && input.byteOffset === 0) {
    return { kind: 'shared', buffer: input.buffer, length: input.byteLength };
  }
  const known = sharedCopies.get(input);
  if (known) return known;
  const buffer = new SharedArrayBuffer(input.byteLength);
  new Uint8Array(buffer).set(input);
  const ref: SourceRef = { kind: 'shared', buffer, length: input.byteLength };
  sharedCopies.set(input, ref);
  return ref;
}

/** A source's size in bytes. */
export function sourceSize(ref: SourceRef): number {
  return ref.kind === 'shared' ? ref.length : statSync(ref.path).size;
}

/** Random and sequential access to a source's bytes. */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `position`. */
  readAt(position: number, length: number): Uint8Array;
  /** The bytes from `start` on, a chunk at a time. */
  chunks(start?: number, chunkSize?: number): Generator<Uint8Array>;
  /** The whole source as a Node stream of Buffers. */
  stream(): Readable;
  close(): void;
}

const CHUNK = 256 * 1024;

/** Opens a source for reading (in the worker, or in main for a small look). */
export function openSource(ref: SourceRef): ByteSource {
  if (ref.kind === 'shared') return memorySource(new Uint8Array(ref.buffer, 0, ref.length));
  const fd = openSync(ref.path, 'r');
  const size = fstatSync(fd).size;
  const readAt = (position: number, length: number): Uint8Array => {
    const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
    let done = 0;
    while (done < buffer.length) {
      const n = readSync(fd, buffer, done, buffer.length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return buffer.subarray(0, done);
  };
  const source: ByteSource = {
    size,
    readAt,
    *chunks(start = 0, chunkSize = CHUNK) {
      for (let at = start; at < size; at += chunkSize) yield readAt(at, chunkSize);
    },
    stream: () =>
      Readable.from(
        mapChunks(source.chunks(), (c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)),
        { objectMode: false },
      ),
    close: () => closeSync(fd),
  };
  return source;
}

/** A source over bytes already in memory. */
export function memorySource(bytes: Uint8Array): ByteSource {
  const size = bytes.byteLength;
  const source: ByteSource = {
    size,
    readAt: (position, length) => bytes.subarray(position, Math.min(size, position + length)),
    *chunks(start = 0, chunkSize = CHUNK) {
      for (let at = start; at < size; at += chunkSize) yield bytes.subarray(at, Math.min(size, at + chunkSize));
    },
    // Buffer copies of each chunk: a stream consumer may keep them after the next is read.
    stream: () =>
      Readable.from(
        mapChunks(source.chunks(), (c) => Buffer.from(c)),
        { objectMode: false },
      ),
    close: () => undefined,
  };
  return source;
}

function* mapChunks<T>(chunks: Iterable<Uint8Array>, map: (chunk: Uint8Array) => T): Generator<T> {
  for (const chunk of chunks) yield map(chunk);
}

/** The SHA-256 of a whole source. */
export function sourceSha256(source: ByteSource): string {
  const hash = createHash('sha256');
  for (const chunk of source.chunks()) hash.update(chunk);
  return hash.digest('hex');
}
