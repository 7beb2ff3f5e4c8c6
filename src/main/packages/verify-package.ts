/** `package verify`: every byte of a package checked against its manifest, signature, chain and container. */
import { unzipSync } from 'fflate';
import type { PackageVerification } from '../../shared/api-contract';
import { translate, type Locale, type MessageKey, type MessageParams } from '../../shared/i18n';
import { fingerprintOf, installationPublicKey, verifyBytes } from '../crypto/signing-key';
import type { Db } from '../db/open-database';
import { PACKAGE_FORMAT, sha256, zip, type Manifest } from './packages';

/**
 * Checks every byte of a package: the entries are exactly the manifest's, each file's SHA-256 is
 * the manifest's, the signature is the installation's over the manifest, the package chains to the
 * previous one, and the zip rebuilt from its own entries is the same file byte for byte.
 */
export function verifyPackage(db: Db, data: Uint8Array, locale: Locale): PackageVerification {
  const problems: string[] = [];
  const say = (key: MessageKey, params?: MessageParams) => problems.push(translate(locale, key, params));
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(data);
  } catch {
    say('package.notZip');
    return { valid: false, packageId: null, sequence: null, problems };
  }
  const manifestBytes = entries['manifest.json'];
  let manifest: Manifest | null = null;
  try {
    manifest = manifestBytes ? (JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes)) as Manifest) : null;
  } catch {
    manifest = null;
  }
  if (!manifest || manifest.format !== PACKAGE_FORMAT || !Array.isArray(manifest.files)) {
    say('package.noManifest');
    return { valid: false, packageId: null, sequence: null, problems };
  }
  const expected = new Set(['manifest.json', 'manifest.sig', ...manifest.files.map((f) => f.name)]);
  for (const name of Object.keys(entries)) if (!expected.has(name)) say('package.fileAdded', { name });
  for (const name of expected) if (!(name in entries)) say('package.fileMissing', { name });
  for (const file of manifest.files) {
    const bytes = entries[file.name];
    if (bytes && (sha256(bytes) !== file.sha256 || bytes.length !== file.bytes)) say('package.fileChanged', { name: file.name });
  }
  const signature = entries['manifest.sig'] ? new TextDecoder().decode(entries['manifest.sig']).trim() : '';
  if (!verifyBytes(manifest.publicKey, manifestBytes!, signature)) say('package.badSignature');
  // Read-only: a database that never signed anything has no key, and none is made for it here.
  if (manifest.publicKey !== installationPublicKey(db))
    say('package.otherKey', { fingerprint: fingerprintOf(manifest.publicKey) });
  if (manifest.sequence > 1) {
    const previous = db
      .prepare<[number], { file_sha256: string }>('SELECT file_sha256 FROM packages WHERE sequence = ?')
      .get(manifest.sequence - 1);
    if (!previous) say('package.previousUnknown', { sequence: manifest.sequence - 1 });
    else if (previous.file_sha256 !== manifest.previousPackageHash)
      say('package.chainBroken', { sequence: manifest.sequence - 1 });
  } else if (manifest.previousPackageHash !== null) say('package.chainBroken', { sequence: 0 });
  // Anything else (zip headers, comments, order, padding) shows as a difference from the rebuilt file.
  if (problems.length === 0) {
    const rebuilt = zip(new Map(Object.entries(entries)));
    if (rebuilt.length !== data.length || sha256(rebuilt) !== sha256(data)) say('package.containerChanged');
  }
  return { valid: problems.length === 0, packageId: manifest.packageId ?? null, sequence: manifest.sequence ?? null, problems };
}
