/**
 * Opening a database with the one secret a command line or a test has (`DOICHIEU_KEY`): the
 * passphrase, the recovery code or a user's password, whichever of them the keyring holds.
 */
import { existsSync, rmSync } from 'node:fs';
import { fail, ok, type Result } from '../../shared/result';
import { DatabaseKeys, keyringFile, newDatabaseKey, readKeyring, unwrapKey, withEntry, wrapKey, writeKeyring } from './keyring';
import { headerKind, openDatabase, type Db } from './open-database';

export interface OpenedDatabase {
  readonly db: Db;
  readonly keys: DatabaseKeys;
  /** The file did not exist and was made now. */
  readonly created: boolean;
}

/**
 * With a keyring, `passphrase` must open one of its entries. Without one, a new file with a
 * passphrase gets a random key wrapped by it; a new file without one stays plain; an existing file
 * is opened with the passphrase as its key (a database encrypted before keyrings, or a plain one).
 */
export function openWithPassphrase(file: string, passphrase: string | null): Result<OpenedDatabase> {
  const created = file !== ':memory:' && !existsSync(file);
  let key: string | null = passphrase;
  if (!created) {
    const found = keyFromPassphrase(file, passphrase);
    if (!found.ok) return found;
    key = found.value;
  } else if (passphrase !== null) {
    key = newDatabaseKey();
    writeKeyring(file, withEntry(null, wrapKey(key, 'passphrase', '', passphrase)));
  }
  const opened = openDatabase(file, { key });
  if (!opened.ok) {
    if (created) rmSync(keyringFile(file), { force: true });
    // An encrypted file whose keyring is gone: not a wrong key, a missing file, which a backup has.
    if (!created && opened.problem.key === 'db.wrongKey' && !existsSync(keyringFile(file)) && headerKind(file) === 'encrypted')
      return fail('keys.missing', { file, keys: keyringFile(file) });
    return opened;
  }
  return ok({ db: opened.value, keys: new DatabaseKeys(file, key), created });
}

const order = (kind: string) => ['passphrase', 'recovery', 'user'].indexOf(kind);

/**
 * The key of an existing database (or backup) file, given a passphrase: unwrapped from its keyring
 * when it has one (trying the passphrase entry, the recovery code, then each user's password), else
 * the passphrase itself.
 */
export function keyFromPassphrase(file: string, passphrase: string | null): Result<string | null> {
  const ring = readKeyring(file);
  if (!ring.ok) return ring;
  // No keyring: a plain file needs no key (a user's password then names the user, it opens nothing);
  // otherwise a file encrypted before keyrings, with the passphrase as its key.
  if (ring.value === null) return ok(headerKind(file) === 'plain' ? null : passphrase);
  if (passphrase === null) return fail('db.encrypted', { file });
  const entries = [...ring.value.entries].sort((a, b) => order(a.kind) - order(b.kind));
  for (const entry of entries) {
    const key = unwrapKey(entry, passphrase);
    if (key !== null) return ok(key);
  }
  return fail('db.wrongKey', { file, reason: '' });
}
