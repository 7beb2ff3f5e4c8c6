/** The national registry's acknowledgement of a package: each record accepted or rejected. */
import { z } from 'zod';
import { fail, ok, type Result } from '../../shared/result';
import { audit } from '../audit/audit';
import type { Db } from '../db/open-database';

const ackSchema = z.object({
  packageId: z.string().min(1).max(100),
  results: z
    .array(
      z.object({
        recordId: z.string().min(1).max(100),
        status: z.enum(['accepted', 'rejected']),
        reason: z.string().max(1000).nullish(),
      }),
    )
    .max(1_000_000),
});

/** Imports the registry's acknowledgement: each record accepted or rejected; a rejected one waits for the next package. */
export function importAck(
  db: Db,
  text: string,
  fileName: string,
  now: Date,
): Result<{ packageId: string; accepted: number; rejected: number }> {
  let parsed: z.infer<typeof ackSchema>;
  try {
    const result = ackSchema.safeParse(JSON.parse(text));
    if (!result.success) return fail('package.badAck', { file: fileName, detail: result.error.issues[0]?.path.join('.') ?? '' });
    parsed = result.data;
  } catch {
    return fail('package.badAck', { file: fileName, detail: 'JSON' });
  }
  const pkg = db
    .prepare<[string], { sequence: number }>('SELECT sequence FROM packages WHERE package_id = ?')
    .get(parsed.packageId);
  if (!pkg) return fail('package.ackUnknown', { file: fileName, packageId: parsed.packageId });
  const inPackage = new Set(
    db
      .prepare<[number], { record_id: string }>('SELECT record_id FROM package_records WHERE package_sequence = ?')
      .all(pkg.sequence)
      .map((r) => r.record_id),
  );
  const stray = parsed.results.findIndex((r) => !inPackage.has(r.recordId));
  if (stray >= 0)
    return fail('package.ackStray', { file: fileName, index: stray + 1, recordId: parsed.results[stray]!.recordId });
  let accepted = 0;
  let rejected = 0;
  db.transaction(() => {
    const update = db.prepare('UPDATE package_records SET status = ?, reason = ? WHERE record_id = ? AND package_sequence = ?');
    const change = db.prepare('UPDATE resident_changes SET status = ? WHERE id = ?');
    for (const r of parsed.results) {
      update.run(r.status, r.reason ?? null, r.recordId, pkg.sequence);
      if (r.status === 'accepted') accepted++;
      else rejected++;
      const m = /^(correction|new_resident)-(\d+)$/.exec(r.recordId);
      if (m) change.run(r.status, Number(m[2]));
    }
    db.prepare('UPDATE packages SET acknowledged_at = ? WHERE sequence = ?').run(now.toISOString(), pkg.sequence);
    audit(db, 'package.ack', `package:${pkg.sequence}`, { accepted, rejected }, now);
  })();
  return ok({ packageId: parsed.packageId, accepted, rejected });
}
