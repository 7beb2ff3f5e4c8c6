/**
 * The audit trail (issue 8): every change — import, check, resolution, print, sign-off, export,
 * confirmation — appended to a hash-chained log. Entries carry counts and record numbers, never a
 * name or an ID number. The chain head is signed with the installation's key and carried in every
 * package and printed document, an anchor outside the machine; `audit verify` finds a changed,
 * removed or rewritten entry.
 */
import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { auditHeadMoved, checkAuditHeadFile, type HeadProblem } from './head-file';
import { canonicalJson } from '../../shared/canonical-json';
import { installationKey, installationPublicKey, signBytes, verifyBytes } from '../crypto/signing-key';
import { getSetting } from '../settings/settings';

const GENESIS = '0'.repeat(64);

/** Who is acting on a database: set by the host (the signed-in user; the CLI's `--by`). */
const actors = new WeakMap<Db, string>();
export function setActor(db: Db, actor: string | null): void {
  if (actor === null) actors.delete(db);
  else actors.set(db, actor);
}

/** Who acts on this database now (the host's actor; before accounts, the officer named in the settings). */
export function currentActor(db: Db): string | null {
  return actors.get(db) ?? getSetting(db, 'officer-name');
}

export type AuditAction =
  | 'registry.import'
  | 'list.import'
  | 'list.check'
  | 'list.delete'
  | 'entry.resolve'
  | 'entry.unresolve'
  | 'document.print'
  | 'document.signoff'
  | 'list.confirm'
  | 'package.export'
  | 'package.ack'
  | 'infection.add'
  | 'vaccine.edit'
  | 'settings.letterhead'
  | 'settings.commune'
  | 'backup.create'
  | 'backup.restore'
  | 'user.add'
  | 'user.password'
  | 'user.role'
  | 'user.disable'
  | 'user.enable'
  | 'auth.recover'
  | 'keys.recovery'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.failed'
  | 'access.refused'
  | 'package.registryKey'
  | 'retention.settings'
  | 'retention.delete'
  | 'visits.delete'
  | 'access.export'
  | 'privacy.print';

interface AuditRow {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  subject: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

function entryHash(prev: string, e: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  const body = canonicalJson({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, details: e.details });
  return createHash('sha256').update(`${prev}\n${body}`, 'utf8').digest('hex');
}

type AuditDetails = Record<string, string | number | boolean | null>;

/** Appends one entry (inside the caller's transaction when there is one). */
export function audit(
  db: Db,
  action: AuditAction,
  subject: string | null,
  details: AuditDetails = {},
  now: Date = new Date(),
): void {
  // Read the head and append in one write transaction: two processes never take the same number.
  writeTransaction(db, () => appendEntry(db, action, subject, details, now));
  // The head beside the database follows, once the entry is committed.
  auditHeadMoved(db);
}

function appendEntry(db: Db, action: AuditAction, subject: string | null, details: AuditDetails, now: Date): void {
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  const entry = {
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    actor: currentActor(db),
    action,
    subject,
    details: canonicalJson(details),
  };
  const prev = last?.hash ?? GENESIS;
  db.prepare(
    'INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(entry.seq, entry.at, entry.actor, entry.action, entry.subject, entry.details, prev, entryHash(prev, entry));
}

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
  /** Ed25519 over "seq:hash" with the installation's key, base64. */
  readonly signature: string;
}

const headBytes = (seq: number, hash: string) => new TextEncoder().encode(`doichieu-audit:${seq}:${hash}`);

/** The chain head, signed, and recorded as carried by a package or document. */
export function signedHead(db: Db, carriedBy: string, now: Date): AuditHead {
  const head = currentHead(db);
  recordAnchor(db, head, carriedBy, now);
  return head;
}

/** The chain head now, signed (a document drawn before it is recorded carries it). */
export function currentHead(db: Db): AuditHead {
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  const seq = last?.seq ?? 0;
  const hash = last?.hash ?? GENESIS;
  return { seq, hash, signature: signBytes(installationKey(db), headBytes(seq, hash)) };
}

/** Records that a package or document carries `head` out of the machine. */
export function recordAnchor(db: Db, head: AuditHead, carriedBy: string, now: Date): void {
  db.prepare('INSERT INTO audit_anchors (seq, hash, signature, carried_by, at) VALUES (?, ?, ?, ?, ?)').run(
    head.seq,
    head.hash,
    head.signature,
    carriedBy,
    now.toISOString(),
  );
}

export interface AuditVerification {
  readonly valid: boolean;
  readonly entries: number;
  readonly problems: readonly {
    readonly key: 'audit.gap' | 'audit.changed' | 'audit.anchor' | 'audit.anchorSignature' | HeadProblem['key'];
    readonly seq: number;
  }[];
}

/**
 * Walks the chain: numbers without gaps, each entry's hash over its content and the hash before it,
 * and every anchor (the local ones, and any head read from a package or a paper) found in the chain.
 */
export function verifyAudit(db: Db, extraAnchors: readonly AuditHead[] = [], headFile: string | null = null): AuditVerification {
  const problems: AuditVerification['problems'][number][] = [];
  let prev = GENESIS;
  let expected = 1;
  let entries = 0;
  const hashes = new Map<number, string>();
  for (const row of db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
    entries++;
    if (row.seq !== expected) problems.push({ key: 'audit.gap', seq: expected });
    expected = row.seq + 1;
    if (row.prev_hash !== prev || entryHash(row.prev_hash, row) !== row.hash)
      problems.push({ key: 'audit.changed', seq: row.seq });
    hashes.set(row.seq, row.hash);
    prev = row.hash;
  }
  // Read-only: without a key of its own the database has signed no anchor that could verify.
  const publicKey = installationPublicKey(db) ?? '';
  const anchors = [...db.prepare<[], AuditHead>('SELECT seq, hash, signature FROM audit_anchors').all(), ...extraAnchors];
  for (const anchor of anchors) {
    if (anchor.seq === 0) continue;
    if (!verifyBytes(publicKey, headBytes(anchor.seq, anchor.hash), anchor.signature))
      problems.push({ key: 'audit.anchorSignature', seq: anchor.seq });
    else if (hashes.get(anchor.seq) !== anchor.hash) problems.push({ key: 'audit.anchor', seq: anchor.seq });
  }
  // The head kept beside the database: entries cut from the end leave it pointing past the chain.
  if (headFile !== null) problems.push(...checkAuditHeadFile(db, headFile, hashes));
  return { valid: problems.length === 0, entries, problems };
}

/** The head as a package or a PDF carries it: `DOICHIEU-AUDIT|seq|hash|signature`. */
export function formatAuditHead(head: AuditHead): string {
  return ['DOICHIEU-AUDIT', String(head.seq), head.hash, head.signature].join('|');
}

/** Every audit head a file carries (a package's manifest, a PDF's metadata). */
export function auditHeadsIn(data: Uint8Array): AuditHead[] {
  if (data[0] === 0x50 && data[1] === 0x4b) {
    try {
      const manifest = unzipSync(data, { filter: (f) => f.name === 'manifest.json' })['manifest.json'];
      const head = manifest ? (JSON.parse(new TextDecoder().decode(manifest)) as { auditHead?: AuditHead }).auditHead : undefined;
      return head && typeof head.seq === 'number' ? [{ seq: head.seq, hash: head.hash, signature: head.signature }] : [];
    } catch {
      return [];
    }
  }
  const text = Buffer.from(data).toString('latin1');
  const heads: AuditHead[] = [];
  for (const m of text.matchAll(/DOICHIEU-AUDIT\|(\d+)\|([0-9a-f]{64})\|([A-Za-z0-9+/=]{40,120})/g))
    heads.push({ seq: Number(m[1]), hash: m[2]!, signature: m[3]! });
  return heads;
}
