/** `package export`, `package verify`, `package ack`: update packages for the national registry (DESIGN.md §6). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve as resolvePath } from 'node:path';
import type { PackageRecordType } from '../../shared/api-contract';
import { importAck } from '../packages/import-ack';
import { exportPackage } from '../packages/packages';
import { verifyPackage } from '../packages/verify-package';
import { storedPackageWithView } from '../packages/stored-package';
import { UsageError, countOption, existingFile, firstArgument, requiredOption, readBytes, unwrap } from './arguments';
import type { CliCommand, CliContext } from './command';

async function exportOrRewrite(ctx: CliContext): Promise<number> {
  const out = requiredOption(ctx, 'out');
  const sequence = countOption(ctx, 'sequence', (value) => new UsageError('cli.badOption', { option: `--sequence ${value}` }));
  const db = ctx.database();
  // Package N again, byte for byte; or the next package of everything waiting.
  const made = unwrap(
    sequence === undefined
      ? await exportPackage(db, { by: ctx.option('by') ?? null, now: ctx.io.now(), locale: ctx.locale })
      : storedPackageWithView(db, sequence),
  );
  mkdirSync(out, { recursive: true });
  const file = resolvePath(join(out, made.fileName));
  writeFileSync(file, made.data);
  const { packageId, counts } = made.view;
  const countLines = Object.entries(counts).map(([k, n]) => `${ctx.text(`package.type.${k as PackageRecordType}`)}: ${n}`);
  ctx.print({ file, packageId, sequence: made.view.sequence, counts }, [file, ...countLines].join('\n'));
  return 0;
}

function verify(ctx: CliContext): number {
  const file = firstArgument(ctx, 'cli.arg.packageFile');
  const verified = verifyPackage(ctx.database(), readBytes(file), ctx.locale);
  ctx.print(
    verified,
    verified.valid ? ctx.text('package.valid', { sequence: verified.sequence ?? '' }) : verified.problems.join('\n'),
  );
  if (verified.valid) return 0;
  ctx.warn(ctx.text('package.invalid', { file: basename(file), problem: verified.problems[0] ?? '' }));
  return 1;
}

function acknowledge(ctx: CliContext): number {
  const file = existingFile(firstArgument(ctx, 'cli.arg.ackFile'));
  const acked = unwrap(importAck(ctx.database(), readFileSync(file, 'utf8'), basename(file), ctx.io.now()));
  ctx.print(acked, ctx.text('package.acked', acked));
  return 0;
}

export const PACKAGE_COMMANDS: readonly CliCommand[] = [
  {
    name: 'package export',
    summary: 'cli.cmd.packageExport',
    synopsis: null,
    options: {
      out: { type: 'string', value: 'cli.value.dir', help: 'cli.opt.packageOut' },
      sequence: { type: 'string', value: 'cli.value.number', help: 'cli.opt.sequence' },
      by: { type: 'string', value: 'cli.value.name', help: 'cli.opt.by' },
    },
    example: 'package export --out E:\\goi --db xa.sqlite --json',
    run: exportOrRewrite,
  },
  {
    name: 'package verify',
    summary: 'cli.cmd.packageVerify',
    synopsis: 'cli.arg.packageFile',
    options: {},
    example: 'package verify goi-cap-nhat-0001.zip --db xa.sqlite --json',
    run: verify,
  },
  {
    name: 'package ack',
    summary: 'cli.cmd.packageAck',
    synopsis: 'cli.arg.ackFile',
    options: { by: { type: 'string', value: 'cli.value.name', help: 'cli.opt.by' } },
    example: 'package ack phan-hoi-0001.json --db xa.sqlite',
    run: acknowledge,
  },
];
