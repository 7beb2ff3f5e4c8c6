/**
 * The national registry's acknowledgement of a package: each record accepted or rejected (format:
 * docs/update-package.md). It names the package by its id and the SHA-256 of its file, and is signed
 * (Ed25519) by a key the administrator installed (`registry-keys.ts`); an unsigned one is taken only
 * when an officer confirmed it in the app (audited as such), a contradictory one never.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../../shared/result';
import { audit } from '../audit/audit';
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { ackSigner, registryKeys } from './registry-keys';

const ackSchema = z.object({
  packageId: z.string().min(1).max(100),
  packageSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  results: z
    .array(
      z.object({
        recordId: z.string().min(1).max(100),
        status: z.enum(['accepted', 'rejected']),
        reason: z.string().max(1000).nullish(),
      }),
    )
    .max(1_000_000),
  signature: z.string().max(200).optional(),
});
type Ack = z.infer<typeof ackSchema>;

export interface AckOptions {
  /** An officer confirmed in the app that an unsigned acknowledgement is the registry's answer. */
  readonly acceptUnsigned?: boolean;
}

function parseAck(text: string, file: string): Result<{ ack: Ack; raw: Record<string, unknown> }> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('package.badAck', { file, detail: 'JSON' });
  }
  const result = ackSchema.safeParse(raw);
  if (!result.success) return fail('package.badAck', { file, detail: result.error.issues[0]?.path.join('.') ?? '' });
  return ok({ ack: result.data, raw: raw as Record<string, unknown> });
}

/** The first record listed both accepted and rejected, or null. */
function contradiction(results: Ack['results']): string | null {
  const seen = new Map<string, string>();
  for (const r of results) {
    const before = seen.get(r.recordId);
    if (before !== undefined && before !== r.status) return r.recordId;
    seen.set(r.recordId, r.status);
  }
  return null;
}

/** Who signed the acknowledgement (the installed key's name), 'unsigned' when the officer took it so, or the refusal. */
function authenticate(
  db: Db,
  parsed: { ack: Ack; raw: Record<string, unknown> },
  file: string,
  options: AckOptions,
): Result<string> {
  const { ack, raw } = parsed;
  if (ack.signature === undefined) return options.acceptUnsigned ? ok('unsigned') : fail('package.ackUnsigned', { file });
  if (registryKeys(db).length === 0) return fail('package.ackNoKey', { file });
  const signer = ackSigner(db, raw, ack.signature);
  return signer ? ok(signer.fingerprint) : fail('package.ackBadSignature', { file });
}

/** Imports the registry's acknowledgement: each record accepted or rejected; a rejected one waits for the next package. */
export function importAck(
  db: Db,
  text: string,
  fileName: string,
  now: Date,
  options: AckOptions = {},
): Result<{ packageId: string; accepted: number; rejected: number }> {
  const parsed = parseAck(text, fileName);
  if (!parsed.ok) return parsed;
  const { ack } = parsed.value;
  const signer = authenticate(db, parsed.value, fileName, options);
  if (!signer.ok) return signer;
  const pkg = db
    .prepare<[string], { sequence: number; file_sha256: string }>(
      'SELECT sequence, file_sha256 FROM packages WHERE package_id = ?',
    )
    .get(ack.packageId);
  if (!pkg) return fail('package.ackUnknown', { file: fileName, packageId: ack.packageId });
  // A signed answer names the package's bytes, so it cannot be moved onto another package of the same id.
  if ((signer.value !== 'unsigned' || ack.packageSha256 !== undefined) && ack.packageSha256 !== pkg.file_sha256)
    return fail('package.ackOtherPackage', { file: fileName, sequence: pkg.sequence });
  const contradicted = contradiction(ack.results);
  if (contradicted !== null) return fail('package.ackContradictory', { file: fileName, recordId: contradicted });
  const inPackage = new Set(
    db
      .prepare<[number], { record_id: string }>('SELECT record_id FROM package_records WHERE package_sequence = ?')
      .all(pkg.sequence)
      .map((r) => r.record_id),
  );
  const stray = ack.results.findIndex((r) => !inPackage.has(r.recordId));
  if (stray >= 0) return fail('package.ackStray', { file: fileName, index: stray + 1, recordId: ack.results[stray]!.recordId });
  const results = [...new Map(ack.results.map((r) => [r.recordId, r])).values()];
  const accepted = results.filter((r) => r.status === 'accepted').length;
  const rejected = results.length - accepted;
  writeTransaction(db, () => {
    const update = db.prepare('UPDATE package_records SET status = ?, reason = ? WHERE record_id = ? AND package_sequence = ?');
    const change = db.prepare('UPDATE resident_changes SET status = ? WHERE id = ?');
    for (const r of results) {
      update.run(r.status, r.reason ?? null, r.recordId, pkg.sequence);
      const m = /^(correction|new_resident)-(\d+)$/.exec(r.recordId);
      if (m) change.run(r.status, Number(m[2]));
    }
    db.prepare('UPDATE packages SET acknowledged_at = ? WHERE sequence = ?').run(now.toISOString(), pkg.sequence);
    audit(db, 'package.ack', `package:${pkg.sequence}`, { accepted, rejected, signedBy: signer.value }, now);
  });
  return ok({ packageId: ack.packageId, accepted, rejected });
}
