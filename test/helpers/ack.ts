/** The registry's side of an acknowledgement, as docs/update-package.md describes it: made and signed by the tests. */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../src/shared/canonical-json';

export interface RegistryKeyPair {
  readonly privateKey: KeyObject;
  /** SPKI PEM, as the registry would hand it to the commune's administrator. */
  readonly publicPem: string;
}

export function registryKeyPair(): RegistryKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export interface AckBody {
  readonly packageId: string;
  readonly packageSha256?: string;
  readonly results: readonly { readonly recordId: string; readonly status: 'accepted' | 'rejected'; readonly reason?: string }[];
}

/** The acknowledgement's JSON text, signed (Ed25519 over the canonical JSON of everything but `signature`). */
export function signedAck(key: KeyObject, body: AckBody): string {
  const signature = sign(null, Buffer.from(canonicalJson(body), 'utf8'), key).toString('base64');
  return JSON.stringify({ ...body, signature }, null, 2);
}
