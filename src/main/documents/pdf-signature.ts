/**
 * Whether a PDF is a kept file followed by incremental signature updates over it, checked as such
 * (issue 19): each update is a classic cross-reference section whose entries point at objects it
 * defines itself; it adds only the signature's objects (the signature, its widget without
 * appearance, the form) and changes existing objects only by adding the widget to a page's
 * `/Annots` and the form to the catalog; it holds no stream; its `/ByteRange` covers every byte of
 * the file up to its end but the signature's own hole; and the CMS signature in that hole verifies
 * (message digest over those bytes, signature over the signed attributes with the certificate it
 * carries). Whose certificate that is, is reported, not trusted.
 */
import * as asn1js from 'asn1js';
import { createHash, verify, X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';

export type SignatureCheck =
  | { readonly kind: 'signed'; readonly signers: readonly string[] }
  /** The file does not begin with the kept bytes (or has nothing after them). */
  | { readonly kind: 'notAnUpdate' }
  /** What follows the kept bytes is not a signature update that verifies. */
  | { readonly kind: 'invalid' };

const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const HASHES: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

interface PdfObject {
  readonly number: number;
  readonly generation: number;
  readonly offset: number;
  readonly body: string;
}

/** Objects defined in `text` (latin1), with their offsets; a later definition of a number wins. */
function objectsIn(text: string, base: number): PdfObject[] {
  const found: PdfObject[] = [];
  for (const m of text.matchAll(/(?<![0-9])(\d+) (\d+) obj\b([\s\S]*?)\bendobj\b/g))
    found.push({ number: Number(m[1]), generation: Number(m[2]), offset: base + m.index, body: m[3]! });
  return found;
}

/** A dictionary's text without the entries a signature may add, whitespace collapsed. */
function withoutSignatureEntries(body: string): string {
  return body
    .replace(/\/Annots\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/g, '')
    .replace(/\/AcroForm\s*\d+\s+\d+\s+R/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*(<<|>>|\[|\])\s*/g, '$1')
    .trim();
}

/** The cross-reference table of an update: each entry an object it defines, at that object's offset. */
function xrefPointsInside(update: string, base: number, defined: ReadonlyMap<number, PdfObject>): boolean {
  const xref = /\bxref\s+([\s\S]*?)\btrailer\b/.exec(update);
  if (!xref) return false;
  const lines = xref[1]!.trim().split(/\r?\n|\r/);
  let number = 0;
  let left = 0;
  for (const raw of lines) {
    const line = raw.trim();
    const header = /^(\d+) (\d+)$/.exec(line);
    if (left === 0 && header) {
      number = Number(header[1]);
      left = Number(header[2]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) ([nf])$/.exec(line);
    if (!entry || left === 0) return false;
    if (entry[3] === 'f') {
      if (number !== 0) return false;
    } else {
      const object = defined.get(number);
      if (!object || object.offset !== Number(entry[1]) || object.offset < base) return false;
    }
    number++;
    left--;
  }
  return left === 0;
}

const ALLOWED_NEW = [
  /\/Type\s*\/Sig\b/,
  /\/Type\s*\/Annot\b[\s\S]*\/Subtype\s*\/Widget\b|\/Subtype\s*\/Widget\b[\s\S]*\/Type\s*\/Annot\b/,
  /\/Type\s*\/AcroForm\b/,
];

/** Whether an update's objects are only a signature's: new ones of the allowed kinds, existing ones changed only by /Annots or /AcroForm. */
function onlySignatureObjects(original: string, objects: readonly PdfObject[]): boolean {
  const before = new Map(objectsIn(original, 0).map((o) => [o.number, o]));
  for (const object of objects) {
    if (/\/AP\b|\/AA\b|\/JS\b|\/JavaScript\b|\/OpenAction\b/.test(object.body)) return false;
    const old = before.get(object.number);
    if (old === undefined) {
      if (!ALLOWED_NEW.some((kind) => kind.test(object.body))) return false;
    } else if (withoutSignatureEntries(old.body) !== withoutSignatureEntries(object.body)) return false;
  }
  return true;
}

/** The certificate subject's common name: its bytes read as UTF-8 when they are (tools put UTF-8 even in PrintableString), else Latin-1. */
function commonName(certificate: pkijs.Certificate): string | null {
  const value = certificate.subject.typesAndValues.find((t) => t.type === '2.5.4.3')?.value as
    { valueBlock?: { valueHexView?: Uint8Array } } | undefined;
  const raw = value?.valueBlock?.valueHexView;
  if (!raw) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return Buffer.from(raw).toString('latin1');
  }
}

function cmsVerifies(der: Uint8Array, signed: Buffer): string | null {
  try {
    const parsed = asn1js.fromBER(der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer);
    if (parsed.offset === -1) return null;
    const info = new pkijs.ContentInfo({ schema: parsed.result });
    const data = new pkijs.SignedData({ schema: info.content });
    if (data.signerInfos.length !== 1) return null;
    const signer = data.signerInfos[0]!;
    const hash = HASHES[signer.digestAlgorithm.algorithmId];
    const attrs = signer.signedAttrs;
    if (!hash || !attrs) return null;
    const digest = attrs.attributes.find((a) => a.type === OID_MESSAGE_DIGEST)?.values[0];
    if (!(digest instanceof asn1js.OctetString)) return null;
    if (!Buffer.from(digest.valueBlock.valueHexView).equals(createHash(hash).update(signed).digest())) return null;
    const certificates = (data.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
    const sid = signer.sid instanceof pkijs.IssuerAndSerialNumber ? signer.sid : null;
    const serialHex = (bytes: ArrayBuffer | Uint8Array) =>
      Buffer.from(bytes as Uint8Array)
        .toString('hex')
        .replace(/^(00)+/, '');
    const match =
      certificates.find(
        (c) =>
          sid !== null &&
          serialHex(c.serialNumber.valueBlock.valueHexView) === serialHex(sid.serialNumber.valueBlock.valueHexView),
      ) ?? (certificates.length === 1 ? certificates[0] : undefined);
    if (!match) return null;
    const certificate = new X509Certificate(Buffer.from(match.toSchema().toBER(false)));
    const encoded = Buffer.from(attrs.encodedValue.byteLength > 0 ? attrs.encodedValue : attrs.toSchema().toBER(false));
    encoded[0] = 0x31;
    const signature = Buffer.from(signer.signature.valueBlock.valueHexView);
    if (!verify(hash, encoded, certificate.publicKey, signature)) return null;
    return commonName(match) ?? certificate.subject;
  } catch {
    return null;
  }
}

/** One signature update from `base` on: its end and signer, or null when it is not one that verifies. */
function signatureUpdate(file: Buffer, base: number): { end: number; signer: string } | null {
  const rest = file.toString('latin1', base);
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(rest);
  if (!range) return null;
  const [start, firstLength, second, secondLength] = range.slice(1).map(Number) as [number, number, number, number];
  const end = second + secondLength;
  // The signed range starts at the file's first byte and leaves out only the signature's hole, which lies inside this update.
  if (start !== 0 || firstLength < base || second <= firstLength || end > file.length) return null;
  const hole = file.toString('latin1', firstLength, second);
  if (!/^<[0-9a-fA-F]+>$/.test(hole)) return null;
  const update = file.toString('latin1', base, firstLength) + ' '.repeat(hole.length) + file.toString('latin1', second, end);
  if (/\bstream\b/.test(update) || !/%%EOF\s*$/.test(update)) return null;
  const objects = objectsIn(update, base);
  const defined = new Map(objects.map((o) => [o.number, o]));
  if (!xrefPointsInside(update, base, defined)) return null;
  if (!onlySignatureObjects(file.toString('latin1', 0, base), objects)) return null;
  const signed = Buffer.concat([file.subarray(0, firstLength), file.subarray(second, end)]);
  const signer = cmsVerifies(Buffer.from(hole.slice(1, -1), 'hex'), signed);
  return signer === null ? null : { end, signer };
}

/** Whether `file` is `kept` followed by one or more signature updates that verify over everything before them. */
export function checkSignatureUpdates(kept: Uint8Array, file: Uint8Array): SignatureCheck {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (file.length <= kept.length || !bytes.subarray(0, kept.length).equals(kept)) return { kind: 'notAnUpdate' };
  const signers: string[] = [];
  let base = kept.length;
  while (base < bytes.length) {
    const update = signatureUpdate(bytes, base);
    if (update === null) return { kind: 'invalid' };
    signers.push(update.signer);
    // What follows an update's %%EOF may only be line ends before the next update.
    base = update.end;
    while (base < bytes.length && (bytes[base] === 0x0a || bytes[base] === 0x0d)) base++;
  }
  return { kind: 'signed', signers };
}
