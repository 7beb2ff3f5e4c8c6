/**
 * The CSCA certificates an administrator installs: one certificate (.cer/.der, or .pem with one or
 * more), or ICAO's CSCA master list (.ml: a CMS SignedData whose content, id-icao-cscaMasterList,
 * is `SEQUENCE { version, SET OF Certificate }`). Only CA certificates are kept.
 */
import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import { encapsulatedContent, parseDer, signedDataOf } from './sod';

const OID_CSCA_MASTER_LIST = '2.23.136.1.1.2';

export interface CscaSummary {
  readonly subject: string;
  readonly country: string | null;
  readonly validTo: string;
  readonly fingerprint: string;
}

function pemCertificates(text: string): Uint8Array[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new Uint8Array(Buffer.from(block.replace(/-----[A-Z ]+-----|\s+/g, ''), 'base64')));
}

function masterListCertificates(bytes: Uint8Array): Uint8Array[] {
  const signedData = signedDataOf(bytes);
  if (signedData.encapContentInfo.eContentType !== OID_CSCA_MASTER_LIST) return [];
  const list = parseDer(encapsulatedContent(signedData));
  if (!(list instanceof asn1js.Sequence)) return [];
  const set = list.valueBlock.value[1];
  if (!(set instanceof asn1js.Set)) return [];
  return set.valueBlock.value.map((cert) => new Uint8Array(cert.valueBeforeDecodeView));
}

function isCertificate(der: Uint8Array): boolean {
  try {
    return new X509Certificate(der).serialNumber !== '';
  } catch {
    return false;
  }
}

function isCa(der: Uint8Array): boolean {
  try {
    return new X509Certificate(der).ca;
  } catch {
    return false;
  }
}

/** The CA certificates (DER) in a file an administrator chose, or why there are none. */
export function parseCscaFile(bytes: Uint8Array): Result<Uint8Array[]> {
  let found: Uint8Array[] = [];
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024 * 1024));
  if (text.includes('-----BEGIN CERTIFICATE-----')) found = pemCertificates(text);
  else if (isCertificate(bytes)) found = [bytes];
  else {
    try {
      found = masterListCertificates(bytes);
    } catch {
      return fail('chip.csca.unreadable');
    }
    if (found.length === 0) return fail('chip.csca.unreadable');
  }
  const seen = new Set<string>();
  const cas = found.filter((der) => {
    if (!isCa(der)) return false;
    const fingerprint = new X509Certificate(der).fingerprint256;
    if (seen.has(fingerprint)) return false;
    seen.add(fingerprint);
    return true;
  });
  return cas.length === 0 ? fail('chip.csca.none') : ok(cas);
}

/** What the settings page shows of a CSCA certificate. */
export function summarizeCsca(der: Uint8Array): CscaSummary {
  const cert = new X509Certificate(der);
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    country: /(?:^|\n)C=([A-Za-z]{2,3})/.exec(cert.subject)?.[1]?.toUpperCase() ?? null,
    validTo: new Date(cert.validTo).toISOString().slice(0, 10),
    fingerprint: cert.fingerprint256,
  };
}
