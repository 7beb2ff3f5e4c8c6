/**
 * EF.SOD (ICAO 9303 part 10 §4.6.2) read with pkijs: the CMS SignedData, its LDSSecurityObject
 * (hash algorithm and each data group's hash), its signer and the document signer certificate.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { readTlv } from '../../shared/chip/tlv';

export const OID_LDS_SECURITY_OBJECT = '2.23.136.1.1.1';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';

export interface ParsedSod {
  /** node:crypto's name of the hash the data groups are hashed with, or null when unknown. */
  readonly hash: string | null;
  readonly hashOid: string;
  readonly dataGroupHashes: ReadonlyMap<number, Uint8Array>;
  /** The LDSSecurityObject's bytes (what the signed attributes' message digest covers). */
  readonly content: Uint8Array;
  readonly signerInfo: pkijs.SignerInfo;
  /** The document signer certificates the SOD carries (DER). */
  readonly certificates: readonly Uint8Array[];
}

const HASHES: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** node:crypto's name of a hash OID, or null. */
export function hashName(oid: string): string | null {
  return HASHES[oid] ?? null;
}

function bufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** A DER value parsed by asn1js; throws when it is not one whole value. */
export function parseDer(bytes: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(bufferOf(bytes));
  if (parsed.offset === -1) throw new Error('Not DER');
  return parsed.result;
}

/** The CMS SignedData inside a ContentInfo. */
export function signedDataOf(contentInfo: Uint8Array): pkijs.SignedData {
  const info = new pkijs.ContentInfo({ schema: parseDer(contentInfo) });
  if (info.contentType !== OID_SIGNED_DATA) throw new Error('Not CMS SignedData');
  return new pkijs.SignedData({ schema: info.content });
}

/** The DER of each X.509 certificate a SignedData carries. */
export function certificatesOf(signedData: pkijs.SignedData): Uint8Array[] {
  return (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => new Uint8Array(c.toSchema().toBER(false)));
}

/** The encapsulated content's bytes, whether one OCTET STRING or a constructed one. */
export function encapsulatedContent(signedData: pkijs.SignedData): Uint8Array {
  const eContent = signedData.encapContentInfo.eContent;
  if (eContent === undefined) throw new Error('SignedData without content');
  return new Uint8Array(eContent.getValue());
}

/** The SOD's parts; throws when it is not an SOD. */
export function parseSod(sod: Uint8Array): ParsedSod {
  const outer = readTlv(sod);
  if (outer.tag !== 0x77) throw new Error('EF.SOD does not start with tag 77');
  const signedData = signedDataOf(outer.value);
  if (signedData.encapContentInfo.eContentType !== OID_LDS_SECURITY_OBJECT) throw new Error('Not an LDS security object');
  const content = encapsulatedContent(signedData);
  const lds = parseDer(content);
  if (!(lds instanceof asn1js.Sequence)) throw new Error('LDSSecurityObject is not a SEQUENCE');
  const [, algorithm, hashes] = lds.valueBlock.value as [asn1js.Integer, asn1js.Sequence, asn1js.Sequence];
  const hashOid = (algorithm.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
  const dataGroupHashes = new Map<number, Uint8Array>();
  for (const entry of hashes.valueBlock.value as asn1js.Sequence[]) {
    const [number, value] = entry.valueBlock.value as [asn1js.Integer, asn1js.OctetString];
    dataGroupHashes.set(number.valueBlock.valueDec, new Uint8Array(value.valueBlock.valueHexView));
  }
  const signerInfo = signedData.signerInfos[0];
  if (signerInfo === undefined) throw new Error('SOD without signer');
  return {
    hash: hashName(hashOid),
    hashOid,
    dataGroupHashes,
    content,
    signerInfo,
    certificates: certificatesOf(signedData),
  };
}
