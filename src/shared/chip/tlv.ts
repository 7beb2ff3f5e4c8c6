/**
 * BER-TLV as ICAO 9303 files use it (ISO/IEC 7816-4 tags of one to three bytes, definite lengths
 * up to four bytes). Both the reader and the test card use these.
 */
import { concatBytes } from './bytes';

export interface Tlv {
  readonly tag: number;
  /** Whether the tag is constructed (its value is more TLVs). */
  readonly constructed: boolean;
  readonly value: Uint8Array;
  /** Bytes from the tag's first byte to the value's last. */
  readonly length: number;
}

/** Reads the TLV at `offset`; throws on truncated or malformed input. */
export function readTlv(bytes: Uint8Array, offset = 0): Tlv {
  let at = offset;
  const byte = (): number => {
    if (at >= bytes.length) throw new Error('TLV truncated');
    return bytes[at++]!;
  };
  const first = byte();
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    let next: number;
    let count = 0;
    do {
      next = byte();
      tag = tag * 256 + next;
      if (++count > 2) throw new Error('TLV tag too long');
    } while (next & 0x80);
  }
  const header = readLength(bytes, at);
  at = header.next;
  if (at + header.length > bytes.length) throw new Error('TLV value truncated');
  return {
    tag,
    constructed: (first & 0x20) !== 0,
    value: bytes.subarray(at, at + header.length),
    length: at + header.length - offset,
  };
}

/** The length field at `offset` and the offset after it. */
export function readLength(bytes: Uint8Array, offset: number): { length: number; next: number } {
  if (offset >= bytes.length) throw new Error('TLV truncated');
  const first = bytes[offset]!;
  if (first < 0x80) return { length: first, next: offset + 1 };
  const count = first & 0x7f;
  if (count === 0 || count > 4) throw new Error('TLV length form not supported');
  if (offset + 1 + count > bytes.length) throw new Error('TLV truncated');
  let length = 0;
  for (let i = 1; i <= count; i++) length = length * 256 + bytes[offset + i]!;
  return { length, next: offset + 1 + count };
}

/** Every TLV one after another in `bytes`. */
export function readTlvs(bytes: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let at = 0;
  while (at < bytes.length) {
    // Padding some files carry after their last object.
    if (bytes[at] === 0x00 || bytes[at] === 0xff) {
      at++;
      continue;
    }
    const tlv = readTlv(bytes, at);
    out.push(tlv);
    at += tlv.length;
  }
  return out;
}

/** The first TLV with `tag` among `bytes`, or null. */
export function findTlv(bytes: Uint8Array, tag: number): Tlv | null {
  return readTlvs(bytes).find((t) => t.tag === tag) ?? null;
}

/** The encoded length field for `length` bytes. */
export function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  if (length < 0x100) return Uint8Array.of(0x81, length);
  if (length < 0x10000) return Uint8Array.of(0x82, length >> 8, length & 0xff);
  return Uint8Array.of(0x83, length >> 16, (length >> 8) & 0xff, length & 0xff);
}

/** The tag bytes of `tag` (one to three bytes, as written). */
export function encodeTag(tag: number): Uint8Array {
  if (tag > 0xffff) return Uint8Array.of(tag >> 16, (tag >> 8) & 0xff, tag & 0xff);
  if (tag > 0xff) return Uint8Array.of(tag >> 8, tag & 0xff);
  return Uint8Array.of(tag);
}

/** One TLV: tag, length and value. */
export function encodeTlv(tag: number, ...value: readonly Uint8Array[]): Uint8Array {
  const body = concatBytes(...value);
  return concatBytes(encodeTag(tag), encodeLength(body.length), body);
}

/** How many bytes a file whose first bytes are `head` holds in all (tag, length and value). */
export function tlvTotalLength(head: Uint8Array): number {
  let at = 1;
  if ((head[0]! & 0x1f) === 0x1f) {
    while (head[at]! & 0x80) at++;
    at++;
  }
  const { length, next } = readLength(head, at);
  return next + length;
}
