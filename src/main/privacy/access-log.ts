/**
 * The access log (issue 21): every look-up of a person — a search by ID, a card opened, a scan or a
 * typed ID at the desk, a chip read, an export that contains them, a citizen's own request — with
 * who, when, which person and in which context. Hash-chained like the audit trail and append-only
 * (triggers); the oldest entries go only through a recorded cut once their retention period has
 * passed, and the cut is written into the audit trail, so `access verify` finds a removed entry, a
 * changed one, and a cut nobody recorded. It is data in the encrypted database, never a log file.
 */
import { createHash } from 'node:crypto';
import type { AccessAction, AccessEntryView, AccessVerification } from '../../shared/api-contract';
import { canonicalJson } from '../../shared/canonical-json';
import { translate, type Locale } from '../../shared/i18n';
import { currentActor } from '../audit/audit';
import type { Db } from '../db/open-database';

const GENESIS = '0'.repeat(64);

/** One look-up to record: what, about whom (null: a search by name), where. */
export interface AccessRecord {
  readonly action: AccessAction;
  readonly personalId: string | null;
  readonly context: string;
}

interface AccessRow {
  readonly seq: number;
  readonly at: string;
  readonly actor: string | null;
  readonly action: string;
  readonly personal_id: string | null;
  readonly context: string;
  readonly prev_hash: string;
  readonly hash: string;
}

type Hashed = Omit<AccessRow, 'prev_hash' | 'hash'>;

function entryHash(prev: string, e: Hashed): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    personalId: e.personal_id,
    context: e.context,
  });
  return createHash('sha256').update(`${prev}\n${body}`, 'utf8').digest('hex');
}

/** The chain's last entry (or where the last cut left it). */
export function accessHead(db: Db): { readonly seq: number; readonly hash: string } {
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1').get();
  if (last) return last;
  const cut = db
    .prepare<[], { up_to: number; hash: string }>('SELECT up_to, hash FROM access_log_cuts ORDER BY up_to DESC LIMIT 1')
    .get();
  return cut ? { seq: cut.up_to, hash: cut.hash } : { seq: 0, hash: GENESIS };
}

/**
 * Appends look-ups as the current actor (the signed-in user, or the CLI's), one entry per person
 * (a person named twice in one export is one entry). Inside the caller's transaction when there is one.
 */
export function recordAccess(db: Db, records: readonly AccessRecord[], now: Date): void {
  if (records.length === 0) return;
  const seen = new Set<string>();
  const distinct = records.filter((r) => {
    const key = `${r.action}|${r.personalId ?? ''}|${r.context}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const insert = db.prepare(
    'INSERT INTO access_log (seq, at, actor, action, personal_id, context, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    let { seq, hash: prev } = accessHead(db);
    const at = now.toISOString();
    const actor = currentActor(db);
    for (const r of distinct) {
      seq++;
      const entry: Hashed = { seq, at, actor, action: r.action, personal_id: r.personalId, context: r.context.slice(0, 300) };
      const hash = entryHash(prev, entry);
      insert.run(seq, at, actor, entry.action, entry.personal_id, entry.context, prev, hash);
      prev = hash;
    }
  }).immediate();
}

export interface AccessQuery {
  readonly residentId?: string;
  /** ISO date (or YYYY, YYYY-MM): entries on or after that day begins in Vietnam (UTC+7). */
  readonly since?: string;
  readonly limit?: number;
}

/** Entries, oldest first: about one person, since a day. */
export function accessEntries(db: Db, query: AccessQuery): AccessEntryView[] {
  const day = query.since === undefined ? null : `${query.since}-01-01`.slice(0, 10);
  // Every stored time is after '' : no day given, no bound.
  const since = day === null ? '' : new Date(`${day}T00:00:00+07:00`).toISOString();
  const params = { since, limit: query.limit ?? 1_000_000 };
  // One person's entries come from their index; the whole log is read in order.
  const rows =
    query.residentId === undefined
      ? db.prepare<typeof params, AccessRow>('SELECT * FROM access_log WHERE at >= @since ORDER BY seq LIMIT @limit').all(params)
      : db
          .prepare<typeof params & { person: string }, AccessRow>(
            'SELECT * FROM access_log WHERE personal_id = @person AND at >= @since ORDER BY seq LIMIT @limit',
          )
          .all({ ...params, person: query.residentId });
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    user: r.actor,
    action: r.action as AccessAction,
    residentId: r.personal_id,
    context: r.context,
  }));
}

/** What the retention run removed from the log: recorded in the audit trail with its hash. */
export interface AccessCut {
  readonly upTo: number;
  readonly hash: string;
  readonly removed: number;
}

/**
 * Removes the oldest entries made before `before` (ISO time): the run from the chain's start up to
 * the first newer entry. The cut is recorded first (the delete trigger allows nothing beyond it).
 * Inside the caller's transaction.
 */
export function cutAccessLog(db: Db, before: string, now: Date): AccessCut | null {
  const firstKept = db
    .prepare<[string], { seq: number }>('SELECT min(seq) AS seq FROM access_log WHERE at >= ?')
    .get(before)?.seq;
  const last = db
    .prepare<[number], { seq: number; hash: string }>('SELECT seq, hash FROM access_log WHERE seq < ? ORDER BY seq DESC LIMIT 1')
    .get(firstKept ?? Number.MAX_SAFE_INTEGER);
  if (!last) return null;
  const removed = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM access_log WHERE seq <= ?').get(last.seq)!.n;
  db.prepare('INSERT INTO access_log_cuts (up_to, hash, removed, at) VALUES (?, ?, ?, ?)').run(
    last.seq,
    last.hash,
    removed,
    now.toISOString(),
  );
  db.prepare('DELETE FROM access_log WHERE seq <= ?').run(last.seq);
  return { upTo: last.seq, hash: last.hash, removed };
}

type Problem = { readonly key: 'access.gap' | 'access.changed' | 'access.cut' | 'access.anchor'; readonly seq: number };

/** The heads and cuts the audit trail recorded at each retention run. */
function auditedMarks(db: Db): { heads: Map<number, string>; cuts: Set<string> } {
  const heads = new Map<number, string>();
  const cuts = new Set<string>();
  for (const row of db
    .prepare<[], { details: string }>("SELECT details FROM audit_log WHERE action = 'retention.delete'")
    .iterate()) {
    const d = JSON.parse(row.details) as { accessSeq?: number; accessHash?: string; cutTo?: number; cutHash?: string };
    if (typeof d.accessSeq === 'number' && typeof d.accessHash === 'string') heads.set(d.accessSeq, d.accessHash);
    if (typeof d.cutTo === 'number' && typeof d.cutHash === 'string') cuts.add(`${d.cutTo}:${d.cutHash}`);
  }
  return { heads, cuts };
}

/**
 * Walks the chain from the last cut: numbers without gaps, each hash over its entry and the one
 * before; every cut must be in the audit trail, and every head the audit trail recorded must still
 * be in the chain (an entry removed from the end is found there).
 */
export function verifyAccess(db: Db): { valid: boolean; entries: number; problems: Problem[] } {
  const problems: Problem[] = [];
  const { heads, cuts } = auditedMarks(db);
  const allCuts = db.prepare<[], { up_to: number; hash: string }>('SELECT up_to, hash FROM access_log_cuts ORDER BY id').all();
  for (const cut of allCuts) if (!cuts.has(`${cut.up_to}:${cut.hash}`)) problems.push({ key: 'access.cut', seq: cut.up_to });
  const start = allCuts.reduce((best, c) => (c.up_to > best.up_to ? c : best), { up_to: 0, hash: GENESIS });
  let prev = start.hash;
  let expected = start.up_to + 1;
  let entries = 0;
  const hashes = new Map<number, string>();
  for (const row of db.prepare<[number], AccessRow>('SELECT * FROM access_log WHERE seq > ? ORDER BY seq').iterate(start.up_to)) {
    entries++;
    // After a gap the entry cannot link to the one before it; it must still be what it says it is.
    const gap = row.seq !== expected;
    if (gap) problems.push({ key: 'access.gap', seq: expected });
    expected = row.seq + 1;
    if ((!gap && row.prev_hash !== prev) || entryHash(row.prev_hash, row) !== row.hash)
      problems.push({ key: 'access.changed', seq: row.seq });
    hashes.set(row.seq, row.hash);
    prev = row.hash;
  }
  for (const [seq, hash] of heads) {
    if (seq <= start.up_to) continue;
    if (hashes.get(seq) !== hash) problems.push({ key: 'access.anchor', seq });
  }
  return { valid: problems.length === 0, entries, problems };
}

/** The verification with its problems told in words. */
export function describeAccessVerification(db: Db, locale: Locale): AccessVerification {
  const verified = verifyAccess(db);
  return { ...verified, problems: verified.problems.map((p) => translate(locale, p.key, { seq: p.seq })) };
}
