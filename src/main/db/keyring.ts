/**
 * The database key and who can open it (issue 8). An encrypted database's key is 32 random bytes,
 * never typed by anyone. Beside the database, its keyring (`<file>.keys.json`) holds that key
 * wrapped (AES-256-GCM under a scrypt-derived key) once per secret that may open it: each user's
 * password, the administrator's recovery code, and the passphrase the CLI was given. Changing a
 * password re-wraps the key; the database itself is never re-encrypted for it.
 *
 * Losing the keyring loses the data: backups carry a copy of it.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fail, ok, type Result } from '../../shared/result';

export type KeyKind = 'user' | 'recovery' | 'passphrase';

export interface WrappedKey {
  readonly kind: KeyKind;
  /** The username for `user`; empty for the others (there is one of each). */
  readonly name: string;
  readonly kdf: { readonly N: number; readonly r: number; readonly p: number; readonly salt: string };
  readonly iv: string;
  readonly data: string;
  readonly tag: string;
}

export interface Keyring {
  readonly format: 'doichieu-keyring';
  readonly version: 1;
  readonly entries: readonly WrappedKey[];
}

/** scrypt at 64 MB: a stolen keyring costs a guesser that much per password tried. */
const KDF = { N: 65536, r: 8, p: 1 };
const MAXMEM = 256 * 1024 * 1024;

export function keyringFile(databaseFile: string): string {
  return `${databaseFile}.keys.json`;
}

/** A fresh database key, as the hex text the cipher's `key` pragma is given. */
export function newDatabaseKey(): string {
  return randomBytes(32).toString('hex');
}

const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A recovery code the administrator writes down: 24 characters (120 bits) in groups of four. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(24);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b & 31]!);
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
}

/** A recovery code as typed (spaces, dashes, lower case, O for 0, I or L for 1) in its one form. */
export function normalizeRecoveryCode(typed: string): string {
  const plain = typed
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return plain.replace(/(.{4})(?=.)/g, '$1-');
}

const secretBytes = (kind: KeyKind, secret: string) =>
  Buffer.from(kind === 'recovery' ? normalizeRecoveryCode(secret) : secret.normalize('NFC'), 'utf8');

const aad = (kind: KeyKind, name: string) => Buffer.from(`doichieu-keyring/1/${kind}/${name}`, 'utf8');

function kek(kind: KeyKind, secret: string, kdf: WrappedKey['kdf']): Buffer {
  return scryptSync(secretBytes(kind, secret), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: MAXMEM,
  });
}

export function wrapKey(databaseKey: string, kind: KeyKind, name: string, secret: string): WrappedKey {
  const kdf = { ...KDF, salt: randomBytes(16).toString('base64') };
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek(kind, secret, kdf), iv);
  cipher.setAAD(aad(kind, name));
  const data = Buffer.concat([cipher.update(databaseKey, 'utf8'), cipher.final()]);
  return {
    kind,
    name,
    kdf,
    iv: iv.toString('base64'),
    data: data.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The database key, if `secret` is the one this entry was wrapped with; null otherwise. */
export function unwrapKey(entry: WrappedKey, secret: string): string | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek(entry.kind, secret, entry.kdf), Buffer.from(entry.iv, 'base64'));
    decipher.setAAD(aad(entry.kind, entry.name));
    decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(entry.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

const isEntry = (e: unknown): e is WrappedKey => {
  const x = e as WrappedKey;
  return (
    typeof x === 'object' &&
    x !== null &&
    ['user', 'recovery', 'passphrase'].includes(x.kind) &&
    typeof x.name === 'string' &&
    typeof x.iv === 'string' &&
    typeof x.data === 'string' &&
    typeof x.tag === 'string' &&
    typeof x.kdf === 'object' &&
    x.kdf !== null &&
    [x.kdf.N, x.kdf.r, x.kdf.p].every((n) => Number.isInteger(n) && n > 0 && n <= 1 << 20) &&
    typeof x.kdf.salt === 'string'
  );
};

/** The keyring beside a database: null when there is none; a problem when it is not one. */
export function readKeyring(databaseFile: string): Result<Keyring | null> {
  const file = keyringFile(databaseFile);
  if (!existsSync(file)) return ok(null);
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Keyring;
    if (
      parsed.format !== 'doichieu-keyring' ||
      parsed.version !== 1 ||
      !Array.isArray(parsed.entries) ||
      !parsed.entries.every(isEntry)
    )
      return fail('keys.bad', { file });
    return ok(parsed);
  } catch {
    return fail('keys.bad', { file });
  }
}

/** Writes the keyring whole (a temporary file renamed over the old one: never half written). */
export function writeKeyring(databaseFile: string, ring: Keyring): void {
  const file = keyringFile(databaseFile);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(ring, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/** The key, from the entry of `kind` (and `name`) that `secret` opens; null when none does. */
export function unlockKeyring(ring: Keyring, kind: KeyKind, name: string, secret: string): string | null {
  for (const entry of ring.entries) {
    if (entry.kind !== kind || entry.name !== name) continue;
    const key = unwrapKey(entry, secret);
    if (key !== null) return key;
  }
  return null;
}

/** Whether a recovery code can open this keyring. */
export function hasRecoveryEntry(ring: Keyring | null): boolean {
  return ring !== null && ring.entries.some((e) => e.kind === 'recovery');
}

/** The ring with `entry` in place of any earlier one of the same kind and name. */
export function withEntry(ring: Keyring | null, entry: WrappedKey): Keyring {
  const kept = (ring?.entries ?? []).filter((e) => !(e.kind === entry.kind && e.name === entry.name));
  return { format: 'doichieu-keyring', version: 1, entries: [...kept, entry] };
}

/**
 * An open database's key and its keyring, as the services see them: `key` is null for a plain
 * database, and then there is nothing to grant.
 */
export class DatabaseKeys {
  constructor(
    readonly databaseFile: string,
    readonly key: string | null,
  ) {}

  get encrypted(): boolean {
    return this.key !== null;
  }

  /** Lets `secret` open the database from now on (replacing the earlier one of that kind and name). */
  grant(kind: KeyKind, name: string, secret: string): Result<void> {
    if (this.key === null) return ok(undefined);
    const ring = readKeyring(this.databaseFile);
    if (!ring.ok) return ring;
    writeKeyring(this.databaseFile, withEntry(ring.value, wrapKey(this.key, kind, name, secret)));
    return ok(undefined);
  }

  /** Whether `secret` opens this database's keyring as `kind`/`name`. */
  opens(kind: KeyKind, name: string, secret: string): boolean {
    const ring = readKeyring(this.databaseFile);
    return ring.ok && ring.value !== null && unlockKeyring(ring.value, kind, name, secret) === this.key;
  }

  /** Whether a recovery code can open the database. */
  hasRecovery(): boolean {
    const ring = readKeyring(this.databaseFile);
    return this.key !== null && ring.ok && hasRecoveryEntry(ring.value);
  }

  /** A new recovery code, which replaces the old one; shown to the administrator once. */
  newRecoveryCode(): Result<string> {
    const code = newRecoveryCode();
    const granted = this.grant('recovery', '', code);
    return granted.ok ? ok(code) : granted;
  }

  /** Puts a copy of the keyring beside a copy of the database (a backup). */
  copyKeyringTo(databaseCopy: string): void {
    if (existsSync(keyringFile(this.databaseFile))) copyFileSync(keyringFile(this.databaseFile), keyringFile(databaseCopy));
  }
}
