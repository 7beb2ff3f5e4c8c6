/**
 * The cryptography of Basic Access Control and its secure messaging (ICAO 9303 part 11 §4.3, §9.8),
 * composed from node:crypto's SHA-1 and triple DES: key seed and key derivation (with DES parity),
 * two-key 3DES-CBC with a zero IV, ISO/IEC 9797-1 padding method 2 and MAC algorithm 3 (retail MAC).
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { concatBytes } from '../../shared/chip/bytes';

const ZERO_IV = new Uint8Array(8);

/** The first 16 bytes of SHA-1 over the MRZ information (Kseed). */
export function keySeed(mrzInformation: string): Uint8Array {
  return new Uint8Array(createHash('sha1').update(mrzInformation, 'ascii').digest().subarray(0, 16));
}

/** Each byte with its lowest bit set so that it has an odd number of ones (DES key parity). */
export function adjustParity(key: Uint8Array): Uint8Array {
  return key.map((byte) => {
    let ones = 0;
    for (let b = byte >> 1; b > 0; b >>= 1) ones += b & 1;
    return (byte & 0xfe) | (ones % 2 === 0 ? 1 : 0);
  });
}

/** A two-key 3DES key from a seed: SHA-1(seed ‖ counter), 16 bytes, parity adjusted (1: enc, 2: MAC). */
export function deriveKey(seed: Uint8Array, counter: 1 | 2): Uint8Array {
  const c = Uint8Array.of(0, 0, 0, counter);
  return adjustParity(new Uint8Array(createHash('sha1').update(seed).update(c).digest().subarray(0, 16)));
}

/** 3DES-CBC (two keys) encryption of whole blocks, IV zero. */
export function tdesEncrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  const cipher = createCipheriv('des-ede-cbc', key, ZERO_IV).setAutoPadding(false);
  return new Uint8Array(Buffer.concat([cipher.update(data), cipher.final()]));
}

/** 3DES-CBC (two keys) decryption of whole blocks, IV zero. */
export function tdesDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  const decipher = createDecipheriv('des-ede-cbc', key, ZERO_IV).setAutoPadding(false);
  return new Uint8Array(Buffer.concat([decipher.update(data), decipher.final()]));
}

/** ISO/IEC 9797-1 padding method 2: 0x80, then zeros to a multiple of 8. */
export function pad(data: Uint8Array): Uint8Array {
  const padded = new Uint8Array(Math.floor(data.length / 8) * 8 + 8);
  padded.set(data);
  padded[data.length] = 0x80;
  return padded;
}

/** The data without its method-2 padding; throws when the padding is wrong. */
export function unpad(data: Uint8Array): Uint8Array {
  let end = data.length - 1;
  while (end >= 0 && data[end] === 0) end--;
  if (end < 0 || data[end] !== 0x80) throw new Error('Bad padding');
  return data.subarray(0, end);
}

/** Single DES of one block, by 3DES with the same key thrice (OpenSSL 3 keeps plain DES in its legacy provider). */
function des(key8: Uint8Array, block: Uint8Array, decrypt: boolean): Uint8Array {
  const key = concatBytes(key8, key8, key8);
  const c = decrypt ? createDecipheriv('des-ede3-ecb', key, null) : createCipheriv('des-ede3-ecb', key, null);
  c.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(block), c.final()]));
}

/** ISO/IEC 9797-1 MAC algorithm 3 with DES (retail MAC) over `data` padded with method 2. */
export function retailMac(key: Uint8Array, data: Uint8Array): Uint8Array {
  const k1 = key.subarray(0, 8);
  const k2 = key.subarray(8, 16);
  const padded = pad(data);
  let h: Uint8Array = new Uint8Array(8);
  for (let at = 0; at < padded.length; at += 8) {
    const x = h.map((b, i) => b ^ padded[at + i]!);
    h = des(k1, x, false);
  }
  return des(k1, des(k2, h, true), false);
}

/** The send-sequence counter plus one (8 bytes, big-endian). */
export function incrementCounter(ssc: Uint8Array): Uint8Array {
  const next = ssc.slice();
  for (let i = next.length - 1; i >= 0; i--) {
    next[i] = (next[i]! + 1) & 0xff;
    if (next[i] !== 0) break;
  }
  return next;
}

/** The byte-wise exclusive or of two arrays of the same length. */
export function xorBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  return a.map((x, i) => x ^ b[i]!);
}
