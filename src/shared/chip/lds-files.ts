/**
 * The files of the ICAO eMRTD application (Doc 9303 part 10) this app reads: their file ids, the
 * data group tags in EF.COM, DG1's MRZ and DG2's face image.
 */
import { bytesEqual, utf8Text } from './bytes';
import { findTlv, readTlv, readTlvs, type Tlv } from './tlv';

/** The eMRTD application's AID. */
export const EMRTD_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);

export type LdsFile = 'COM' | 'SOD' | `DG${number}`;

/** The file id of EF.COM, EF.SOD or DGn. */
export function fileId(file: LdsFile): number {
  if (file === 'COM') return 0x011e;
  if (file === 'SOD') return 0x011d;
  return 0x0100 + Number(file.slice(2));
}

const DG_TAGS = [0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70];

/** The tag a data group's file starts with (DG1 0x61, DG2 0x75, DG13 0x6D…). */
export function dataGroupTag(dg: number): number {
  return DG_TAGS[dg - 1]!;
}

/** The data groups EF.COM lists. */
export function parseCom(com: Uint8Array): number[] {
  const outer = readTlv(com);
  if (outer.tag !== 0x60) throw new Error('EF.COM does not start with tag 60');
  const list = findTlv(outer.value, 0x5c);
  if (list === null) return [];
  return [...list.value].map((tag) => DG_TAGS.indexOf(tag) + 1).filter((dg) => dg > 0);
}

/** The MRZ text DG1 holds, as lines (three of 30 for an ID card). */
export function parseDg1(dg1: Uint8Array): string[] {
  const outer = readTlv(dg1);
  if (outer.tag !== 0x61) throw new Error('DG1 does not start with tag 61');
  const mrz = findTlv(outer.value, 0x5f1f);
  if (mrz === null) throw new Error('DG1 has no MRZ');
  const text = utf8Text(mrz.value);
  const width = text.length === 90 ? 30 : text.length === 72 ? 36 : 44;
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += width) lines.push(text.slice(at, at + width));
  return lines;
}

export interface FaceImage {
  readonly mime: 'image/jpeg' | 'image/jp2' | 'image/j2c';
  readonly bytes: Uint8Array;
}

const JPEG = Uint8Array.of(0xff, 0xd8, 0xff);
const JP2 = Uint8Array.of(0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a);
const J2C = Uint8Array.of(0xff, 0x4f, 0xff, 0x51);

function imageKind(bytes: Uint8Array): FaceImage['mime'] | null {
  if (bytesEqual(bytes.subarray(0, 3), JPEG)) return 'image/jpeg';
  if (bytesEqual(bytes.subarray(0, 12), JP2)) return 'image/jp2';
  if (bytesEqual(bytes.subarray(0, 4), J2C)) return 'image/j2c';
  return null;
}

/** The biometric data blocks (5F2E or 7F2E) anywhere inside DG2's templates. */
function biometricBlocks(tlvs: readonly Tlv[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const tlv of tlvs) {
    if (tlv.tag === 0x5f2e || tlv.tag === 0x7f2e) out.push(tlv.value);
    else if (tlv.constructed) out.push(...biometricBlocks(readTlvs(tlv.value)));
  }
  return out;
}

/** The image inside an ISO/IEC 19794-5 facial record ('FAC\0'), by its headers, or by its signature. */
function imageInBlock(block: Uint8Array): FaceImage | null {
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  if (block.length > 46 && block[0] === 0x46 && block[1] === 0x41 && block[2] === 0x43 && block[3] === 0) {
    // General header (14 bytes), facial information (20), feature points (8 each), image information (12).
    const recordStart = 14;
    const recordLength = view.getUint32(recordStart);
    const points = view.getUint16(recordStart + 4);
    const imageStart = recordStart + 20 + points * 8 + 12;
    const end = Math.min(block.length, recordStart + recordLength);
    const bytes = block.subarray(imageStart, end);
    const mime = imageKind(bytes);
    if (mime !== null) return { mime, bytes };
  }
  for (let at = 0; at < block.length - 12; at++) {
    const mime = imageKind(block.subarray(at));
    if (mime !== null) return { mime, bytes: block.subarray(at) };
  }
  return null;
}

/** The first face image in DG2, or null when it holds none this app can find. */
export function parseDg2(dg2: Uint8Array): FaceImage | null {
  const outer = readTlv(dg2);
  if (outer.tag !== 0x75) throw new Error('DG2 does not start with tag 75');
  for (const block of biometricBlocks(readTlvs(outer.value))) {
    const image = imageInBlock(block);
    if (image !== null) return { mime: image.mime, bytes: image.bytes.slice() };
  }
  return null;
}
