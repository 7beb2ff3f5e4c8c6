/**
 * Passive authentication (ICAO 9303 part 11 §5.1): each data group read hashes to the value the SOD
 * lists; the SOD's signature verifies with the document signer certificate it carries; that
 * certificate was issued by an installed CSCA certificate. node:crypto does the hashing, the
 * signature and the X.509 checks; pkijs only reads the structures.
 */
import { constants, createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Authenticity } from '../../shared/chip/chip-read';
import { bytesEqual, toHex } from '../../shared/chip/bytes';
import type { Problem } from '../../shared/result';
import { hashName, parseSod, type ParsedSod } from './sod';

const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';

interface VerifyParams {
  readonly hash: string;
  readonly padding?: number;
  readonly saltLength?: number;
  readonly dsaEncoding?: 'der' | 'ieee-p1363';
}

const RSA_WITH: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};
const ECDSA_WITH: Readonly<Record<string, string>> = {
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
// BSI TR-03111 plain ECDSA (r ‖ s), used by some issuers.
const PLAIN_ECDSA_WITH: Readonly<Record<string, string>> = {
  '0.4.0.127.0.7.1.1.4.1.1': 'sha1',
  '0.4.0.127.0.7.1.1.4.1.2': 'sha224',
  '0.4.0.127.0.7.1.1.4.1.3': 'sha256',
  '0.4.0.127.0.7.1.1.4.1.4': 'sha384',
  '0.4.0.127.0.7.1.1.4.1.5': 'sha512',
};

/** How to verify a signer's signature, or null for an algorithm this app does not know. */
function verifyParams(signer: pkijs.SignerInfo): VerifyParams | null {
  const oid = signer.signatureAlgorithm.algorithmId;
  const digest = hashName(signer.digestAlgorithm.algorithmId);
  if (RSA_WITH[oid]) return { hash: RSA_WITH[oid]!, padding: constants.RSA_PKCS1_PADDING };
  if (ECDSA_WITH[oid]) return { hash: ECDSA_WITH[oid]!, dsaEncoding: 'der' };
  if (PLAIN_ECDSA_WITH[oid]) return { hash: PLAIN_ECDSA_WITH[oid]!, dsaEncoding: 'ieee-p1363' };
  if (digest === null) return null;
  // rsaEncryption and id-ecPublicKey name the key only: the digest algorithm says the hash.
  if (oid === '1.2.840.113549.1.1.1') return { hash: digest, padding: constants.RSA_PKCS1_PADDING };
  if (oid === '1.2.840.10045.2.1') return { hash: digest, dsaEncoding: 'der' };
  if (oid === '1.2.840.113549.1.1.10') {
    const params = new pkijs.RSASSAPSSParams({ schema: signer.signatureAlgorithm.algorithmParams });
    const hash = hashName(params.hashAlgorithm.algorithmId);
    return hash === null ? null : { hash, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength };
  }
  return null;
}

/** What the signer signed: the signed attributes as a SET (tag 31), or the content itself. */
function signedBytes(sod: ParsedSod, problems: Problem[]): Uint8Array {
  const attrs = sod.signerInfo.signedAttrs;
  if (attrs === undefined) return sod.content;
  const digestAttr = attrs.attributes.find((a) => a.type === OID_MESSAGE_DIGEST);
  const digest = hashName(sod.signerInfo.digestAlgorithm.algorithmId);
  const expected =
    digestAttr?.values[0] instanceof asn1js.OctetString ? new Uint8Array(digestAttr.values[0].valueBlock.valueHexView) : null;
  if (digest === null || expected === null || !bytesEqual(expected, createHash(digest).update(sod.content).digest())) {
    problems.push({ key: 'chip.pa.digestMismatch' });
  }
  const encoded =
    attrs.encodedValue.byteLength > 0
      ? new Uint8Array(attrs.encodedValue).slice()
      : new Uint8Array(attrs.toSchema().toBER(false));
  encoded[0] = 0x31;
  return encoded;
}

/** The document signer certificate the signer names (by serial number), or the only one. */
function documentSigner(sod: ParsedSod): X509Certificate | null {
  const certificates = sod.certificates.map((der) => new X509Certificate(der));
  const sid = sod.signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const serial = toHex(new Uint8Array(sid.serialNumber.valueBlock.valueHexView)).replace(/^(00)+(?=.)/, '');
    const match = certificates.find((c) => c.serialNumber.toUpperCase().replace(/^(00)+(?=.)/, '') === serial);
    if (match) return match;
  }
  return certificates.length === 1 ? certificates[0]! : null;
}

function signatureValid(key: KeyObject, params: VerifyParams, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    const options = { key, padding: params.padding, saltLength: params.saltLength, dsaEncoding: params.dsaEncoding };
    return verify(params.hash, data, options, signature);
  } catch {
    return false;
  }
}

function countryOf(name: string): string | null {
  return /(?:^|\n|, )C=([A-Za-z]{2,3})/.exec(name)?.[1]?.toUpperCase() ?? null;
}

/** Whether an installed CSCA issued the document signer; 'none' when no CSCA of its country is installed. */
function chainToCsca(ds: X509Certificate, cscas: readonly X509Certificate[]): 'verified' | 'failed' | 'none' {
  const country = countryOf(ds.issuer);
  const sameCountry = cscas.filter((c) => c.subject === ds.issuer || (country !== null && countryOf(c.subject) === country));
  for (const csca of sameCountry) {
    try {
      if (ds.checkIssued(csca) && ds.verify(csca.publicKey)) return 'verified';
    } catch {
      // A certificate node cannot use: not this one.
    }
  }
  return sameCountry.length > 0 ? 'failed' : 'none';
}

/** Checks the data groups read against the SOD and the SOD against the installed CSCA certificates. */
export function passiveAuthentication(
  sodBytes: Uint8Array,
  dataGroups: ReadonlyMap<number, Uint8Array>,
  cscaCertificates: readonly Uint8Array[],
): Authenticity {
  let sod: ParsedSod;
  try {
    sod = parseSod(sodBytes);
  } catch {
    return { status: 'not_genuine', problems: [{ key: 'chip.pa.sodUnreadable' }] };
  }
  const problems: Problem[] = [];
  if (sod.hash === null) problems.push({ key: 'chip.pa.unsupportedAlgorithm', params: { algorithm: sod.hashOid } });
  else {
    for (const [dg, bytes] of dataGroups) {
      const listed = sod.dataGroupHashes.get(dg);
      if (listed === undefined) problems.push({ key: 'chip.pa.notInSod', params: { file: `DG${dg}` } });
      else if (!bytesEqual(listed, createHash(sod.hash).update(bytes).digest())) {
        problems.push({ key: 'chip.pa.hashMismatch', params: { file: `DG${dg}` } });
      }
    }
  }
  const data = signedBytes(sod, problems);
  const ds = documentSigner(sod);
  const params = verifyParams(sod.signerInfo);
  const signature = new Uint8Array(sod.signerInfo.signature.valueBlock.valueHexView);
  if (ds === null) problems.push({ key: 'chip.pa.noSignerCertificate' });
  else if (params === null) {
    problems.push({ key: 'chip.pa.unsupportedAlgorithm', params: { algorithm: sod.signerInfo.signatureAlgorithm.algorithmId } });
  } else if (!signatureValid(ds.publicKey, params, data, signature)) problems.push({ key: 'chip.pa.signatureInvalid' });
  if (problems.length > 0 || ds === null) return { status: 'not_genuine', problems };
  const cscas = cscaCertificates.flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return [];
    }
  });
  if (cscas.length === 0) return { status: 'intact_no_csca', problems: [{ key: 'chip.pa.noCsca' }] };
  const chain = chainToCsca(ds, cscas);
  if (chain === 'verified') return { status: 'genuine', problems: [] };
  if (chain === 'failed')
    return {
      status: 'not_genuine',
      problems: [{ key: 'chip.pa.chainFailed', params: { issuer: ds.issuer.replace(/\n/g, ', ') } }],
    };
  return {
    status: 'intact_no_csca',
    problems: [{ key: 'chip.pa.noCscaForCountry', params: { country: countryOf(ds.issuer) ?? ds.issuer.replace(/\n/g, ', ') } }],
  };
}
