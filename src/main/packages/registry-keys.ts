/**
 * The keys acknowledgements are signed with (issue 19): the national registry's (or the provincial
 * police's) Ed25519 public key, installed by the administrator (setting `registry-ack-keys`, audited).
 * An acknowledgement is taken only when one of them signed it. Format: docs/update-package.md.
 */
import { createPublicKey } from 'node:crypto';
import type { RegistryKeyView } from '../../shared/api-contract';
import { canonicalJson } from '../../shared/canonical-json';
import { fail, ok, type Result } from '../../shared/result';
import { audit } from '../audit/audit';
import { fingerprintOf, rawPublicKey, verifyBytes } from '../crypto/signing-key';
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { getSetting, setSetting } from '../settings/settings';

const SETTING = 'registry-ack-keys';

interface StoredKey {
  readonly name: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  readonly publicKey: string;
  readonly installedAt: string;
}

function storedKeys(db: Db): StoredKey[] {
  const text = getSetting(db, SETTING);
  return text === null ? [] : (JSON.parse(text) as StoredKey[]);
}

/** The installed keys, as Settings and the CLI show them. */
export function registryKeys(db: Db): RegistryKeyView[] {
  return storedKeys(db).map((k) => ({ name: k.name, fingerprint: fingerprintOf(k.publicKey), installedAt: k.installedAt }));
}

/** A public key as given: a PEM (SPKI) block, or the raw 32 bytes in base64. Null when it is no Ed25519 key. */
export function parsePublicKey(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.includes('-----BEGIN PUBLIC KEY-----')) {
    try {
      const key = createPublicKey(trimmed);
      return key.asymmetricKeyType === 'ed25519' ? rawPublicKey(key).toString('base64') : null;
    } catch {
      return null;
    }
  }
  if (!/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) return null;
  return Buffer.from(trimmed, 'base64').length === 32 ? trimmed : null;
}

/** Installs a key acknowledgements may be signed with (the same key again only renames it). */
export function installRegistryKey(db: Db, request: { name: string; publicKey: string }, now: Date): Result<RegistryKeyView[]> {
  const publicKey = parsePublicKey(request.publicKey);
  if (publicKey === null) return fail('package.registryKeyBad');
  const name = request.name.trim() || 'Cơ quan quản lý CSDL quốc gia về dân cư';
  writeTransaction(db, () => {
    const kept = storedKeys(db).filter((k) => k.publicKey !== publicKey);
    setSetting(db, SETTING, JSON.stringify([...kept, { name, publicKey, installedAt: now.toISOString() }]));
    audit(db, 'package.registryKey', null, { fingerprint: fingerprintOf(publicKey) }, now);
  });
  return ok(registryKeys(db));
}

/** The bytes an acknowledgement's signature covers: the canonical JSON of everything but `signature`. */
export function ackSignedBytes(ack: Readonly<Record<string, unknown>>): Uint8Array {
  const body = Object.fromEntries(Object.entries(ack).filter(([k]) => k !== 'signature'));
  return new TextEncoder().encode(canonicalJson(body));
}

/** The installed key that made `signature` over `ack`, or null when none did (or none is installed). */
export function ackSigner(db: Db, ack: Readonly<Record<string, unknown>>, signature: string): RegistryKeyView | null {
  const bytes = ackSignedBytes(ack);
  const signer = storedKeys(db).find((k) => verifyBytes(k.publicKey, bytes, signature));
  return signer ? { name: signer.name, fingerprint: fingerprintOf(signer.publicKey), installedAt: signer.installedAt } : null;
}
