/**
 * The installation's Ed25519 key pair, made on first use: it signs every update package's manifest,
 * and its fingerprint is printed on exported documents so the registry side can tell whose it is.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Db } from '../db/open-database';
import { getSetting, setSetting } from '../settings/settings';

export interface SigningKey {
  readonly privateKey: KeyObject;
  /** The raw 32-byte public key, base64. */
  readonly publicKey: string;
  readonly fingerprint: string;
}

/** SPKI DER of an Ed25519 key is a fixed 12-byte prefix followed by the raw key. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function rawPublicKey(key: KeyObject): Buffer {
  return (key.export({ format: 'der', type: 'spki' }) as Buffer).subarray(ED25519_SPKI_PREFIX.length);
}

export function publicKeyFromRaw(base64: string): KeyObject | null {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) return null;
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** "3F2A 9C01 …": SHA-256 of the raw public key, first 16 bytes in groups of two. */
export function fingerprintOf(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** The installation's public key (base64), or null when it has none yet: read-only, nothing is made. */
export function installationPublicKey(db: Db): string | null {
  const pem = getSetting(db, 'signing-key');
  return pem === null ? null : rawPublicKey(createPublicKey(createPrivateKey(pem))).toString('base64');
}

export function installationKey(db: Db): SigningKey {
  let pem = getSetting(db, 'signing-key');
  if (pem === null) {
    const { privateKey } = generateKeyPairSync('ed25519');
    pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    setSetting(db, 'signing-key', pem);
  }
  const privateKey = createPrivateKey(pem);
  const publicKey = rawPublicKey(createPublicKey(privateKey)).toString('base64');
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

export function signBytes(key: SigningKey, data: Uint8Array): string {
  return sign(null, data, key.privateKey).toString('base64');
}

export function verifyBytes(publicKeyBase64: string, data: Uint8Array, signature: string): boolean {
  const key = publicKeyFromRaw(publicKeyBase64);
  if (!key) return false;
  try {
    return verify(null, data, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
