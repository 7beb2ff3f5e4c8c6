/** `audit verify`: the change log's hash chain, and the heads carried by packages and PDFs given as anchors. */
import { readFileSync } from 'node:fs';
import { auditHeadsIn, verifyAudit } from '../audit/audit';
import { auditHeadFile } from '../audit/head-beside';
import { existingFile } from './arguments';
import type { CliCommand, CliContext } from './command';

function verify(ctx: CliContext): number {
  const anchors = ctx.args.flatMap((file) => auditHeadsIn(new Uint8Array(readFileSync(existingFile(file)))));
  // The head kept beside the database file is checked too: a cut tail leaves it pointing past the chain.
  const verified = verifyAudit(ctx.database(), anchors, auditHeadFile(ctx.databaseFile()));
  const problems = verified.problems.map((p) => ctx.text(p.key, { seq: p.seq }));
  ctx.print(
    { valid: verified.valid, entries: verified.entries, problems },
    verified.valid ? ctx.text('audit.valid', { entries: verified.entries }) : problems.join('\n'),
  );
  return verified.valid ? 0 : 1;
}

export const AUDIT_COMMANDS: readonly CliCommand[] = [
  {
    name: 'audit verify',
    summary: 'cli.cmd.auditVerify',
    synopsis: 'cli.arg.anchors',
    options: {},
    example: 'audit verify goi-cap-nhat-0001.zip ket-qua.pdf --db xa.sqlite --json',
    run: verify,
  },
];
