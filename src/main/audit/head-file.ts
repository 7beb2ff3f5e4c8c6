/**
 * The audit trail's head outside the database (issue 19): after every committed change the newest
 * entry's number and hash are written, signed with the installation's key, to `<file>.audit-head.json`
 * beside the database. `audit verify` checks the chain still reaches that head, so entries cut from
 * the end of the trail (the database edited alone, its triggers dropped) are found.
 *
 * What it cannot do: whoever can open the database (a plain file: anyone; an encrypted one: anyone
 * with a password) can also read the signing key and write a matching head file after a cut. Only
 * the heads carried out of the machine — in every package and printed PDF — hold against that.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Db } from '../db/open-database';
import { installationKey, installationPublicKey, signBytes, verifyBytes } from '../crypto/signing-key';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { auditHeadFileOf } from './head-beside';

interface HeadFile {
  readonly format: 'doichieu-audit-head';
  readonly seq: number;
  readonly hash: string;
  /** Ed25519 over `doichieu-audit-head:<seq>:<hash>` with the installation's key, base64. */
  readonly signature: string;
}

const signedText = (seq: number, hash: string) => new TextEncoder().encode(`doichieu-audit-head:${seq}:${hash}`);
const pending = new WeakSet<Db>();

function committedHead(db: Db): { seq: number; hash: string } | undefined {
  return db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
}

/** Writes the committed head now (outside any transaction: a rolled-back entry is never written). */
export function flushAuditHead(db: Db): void {
  pending.delete(db);
  const file = auditHeadFileOf(db);
  if (file === null || !db.open || db.inTransaction) return;
  const head = committedHead(db);
  if (!head) return;
  const signature = signBytes(installationKey(db), signedText(head.seq, head.hash));
  const body: HeadFile = { format: 'doichieu-audit-head', seq: head.seq, hash: head.hash, signature };
  writeFileAtomic(file, new TextEncoder().encode(`${JSON.stringify(body, null, 2)}\n`));
}

/** An entry was appended: the head is written once its transaction is over (now, when there is none). */
export function auditHeadMoved(db: Db): void {
  if (auditHeadFileOf(db) === null) return;
  if (!db.inTransaction) return flushAuditHead(db);
  if (pending.has(db)) return;
  pending.add(db);
  setImmediate(() => {
    if (pending.has(db)) flushAuditHead(db);
  });
}

/** Writes a head still waiting for its transaction's end (a host closing the database calls it first). */
export function flushPendingAuditHead(db: Db): void {
  if (pending.has(db)) flushAuditHead(db);
}

export type HeadProblem = { readonly key: 'audit.headMissing' | 'audit.headSignature' | 'audit.cut'; readonly seq: number };

/**
 * The head file against the chain: present when the trail has entries, signed by this installation,
 * and naming an entry the chain still holds with that hash (`hashes`: seq → hash of the chain as read).
 */
export function checkAuditHeadFile(db: Db, file: string, hashes: ReadonlyMap<number, string>): HeadProblem[] {
  const last = committedHead(db);
  if (!existsSync(file)) return last ? [{ key: 'audit.headMissing', seq: last.seq }] : [];
  let head: HeadFile;
  try {
    head = JSON.parse(readFileSync(file, 'utf8')) as HeadFile;
  } catch {
    return [{ key: 'audit.headSignature', seq: 0 }];
  }
  if (
    head.format !== 'doichieu-audit-head' ||
    !Number.isInteger(head.seq) ||
    typeof head.hash !== 'string' ||
    !verifyBytes(installationPublicKey(db) ?? '', signedText(head.seq, head.hash), String(head.signature))
  )
    return [{ key: 'audit.headSignature', seq: Number(head.seq) || 0 }];
  return hashes.get(head.seq) === head.hash ? [] : [{ key: 'audit.cut', seq: head.seq }];
}
