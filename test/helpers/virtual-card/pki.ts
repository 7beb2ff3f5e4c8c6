/**
 * The test's own PKI for chips: a CSCA (country signing CA), document signers it issues, and the
 * SOD (ICAO 9303 part 10 §4.6.2): a CMS SignedData over the LDSSecurityObject that lists each data
 * group's hash, signed by a document signer whose certificate it carries. Built with pkijs over
 * WebCrypto, so RSA, RSA-PSS and ECDSA are all available.
 */
import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { encodeTlv } from '../../../src/shared/chip/tlv';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as never }));

export type KeyKind = 'rsa' | 'rsa-pss' | 'ecdsa';

export interface Signer {
  readonly der: Uint8Array;
  readonly certificate: pkijs.Certificate;
  readonly keys: webcrypto.CryptoKeyPair;
  readonly kind: KeyKind;
}

function algorithm(kind: KeyKind): webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams {
  if (kind === 'ecdsa') return { name: 'ECDSA', namedCurve: 'P-256' };
  return {
    name: kind === 'rsa' ? 'RSASSA-PKCS1-v1_5' : 'RSA-PSS',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  };
}

function name(country: string, commonName: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: country }) }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.10', value: new asn1js.Utf8String({ value: 'Bo Cong an (thu nghiem)' }) }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: commonName }) }),
    ],
  });
}

let serial = 1;

async function certificate(options: {
  subject: pkijs.RelativeDistinguishedNames;
  issuer: Signer | null;
  keys: webcrypto.CryptoKeyPair;
  kind: KeyKind;
  ca: boolean;
}): Promise<Signer> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: serial++ });
  cert.subject = options.subject;
  cert.issuer = options.issuer?.certificate.subject ?? options.subject;
  cert.notBefore.value = new Date('2020-01-01T00:00:00Z');
  cert.notAfter.value = new Date('2040-01-01T00:00:00Z');
  await cert.subjectPublicKeyInfo.importKey(options.keys.publicKey);
  const keyUsage = new asn1js.BitString({
    valueHex: new Uint8Array([options.ca ? 0x06 : 0x80]).buffer,
    unusedBits: options.ca ? 1 : 7,
  });
  cert.extensions = [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: options.ca }).toSchema().toBER(false),
    }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: keyUsage.toBER(false) }),
  ];
  const signingKey = options.issuer?.keys.privateKey ?? options.keys.privateKey;
  await cert.sign(signingKey, 'SHA-256');
  return { der: new Uint8Array(cert.toSchema(true).toBER(false)), certificate: cert, keys: options.keys, kind: options.kind };
}

async function keyPair(kind: KeyKind): Promise<webcrypto.CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(algorithm(kind) as webcrypto.RsaHashedKeyGenParams, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
}

/** A self-signed CSCA certificate (a forger may copy the real one's name: `commonName`). */
export async function makeCsca(
  kind: KeyKind = 'rsa',
  commonName = 'CSCA Viet Nam (thu nghiem)',
  country = 'VN',
): Promise<Signer> {
  return certificate({ subject: name(country, commonName), issuer: null, keys: await keyPair(kind), kind, ca: true });
}

/** A document signer certificate issued by `csca`. */
export async function makeDocumentSigner(csca: Signer, kind: KeyKind = 'rsa'): Promise<Signer> {
  const country = csca.certificate.subject.typesAndValues[0]!.value.valueBlock.value as string;
  return certificate({
    subject: name(country, 'Document Signer (thu nghiem)'),
    issuer: csca,
    keys: await keyPair(kind),
    kind,
    ca: false,
  });
}

const HASH_OIDS = { 'SHA-1': '1.3.14.3.2.26', 'SHA-256': '2.16.840.1.101.3.4.2.1', 'SHA-512': '2.16.840.1.101.3.4.2.3' };
export type HashName = keyof typeof HASH_OIDS;

/** The LDSSecurityObject listing each data group's hash. */
export function ldsSecurityObject(dataGroups: ReadonlyMap<number, Uint8Array>, hash: HashName): Uint8Array {
  const node = hash.replace('-', '').toLowerCase();
  const object = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: HASH_OIDS[hash] })] }),
      new asn1js.Sequence({
        value: [...dataGroups].map(
          ([dg, bytes]) =>
            new asn1js.Sequence({
              value: [
                new asn1js.Integer({ value: dg }),
                new asn1js.OctetString({ valueHex: createHash(node).update(bytes).digest() }),
              ],
            }),
        ),
      }),
    ],
  });
  return new Uint8Array(object.toBER(false));
}

/** EF.SOD (tag 77) over the data groups, signed by `signer`. */
export async function makeSod(
  dataGroups: ReadonlyMap<number, Uint8Array>,
  signer: Signer,
  hash: HashName = 'SHA-256',
): Promise<Uint8Array> {
  const content = ldsSecurityObject(dataGroups, hash);
  const digest = await webcrypto.subtle.digest(hash, content);
  const cert = signer.certificate;
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: '2.23.136.1.1.1',
      eContent: new asn1js.OctetString({ valueHex: content }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({
              type: '1.2.840.113549.1.9.3',
              values: [new asn1js.ObjectIdentifier({ value: '2.23.136.1.1.1' })],
            }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
          ],
        }),
      }),
    ],
    certificates: [cert],
  });
  await signedData.sign(signer.keys.privateKey, 0, hash);
  const info = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signedData.toSchema(true) });
  return encodeTlv(0x77, new Uint8Array(info.toSchema().toBER(false)));
}
