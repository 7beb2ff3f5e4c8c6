/** `package export`, `package verify`, `package ack`, `package key`: update packages for the national registry (DESIGN.md §6). */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { PackageRecordType } from '../../shared/api-contract';
import { ok } from '../../shared/result';
import { makeFolder, writeFileAtomic } from '../fs/write-file-atomic';
import { importAck } from '../packages/import-ack';
import { exportPackage } from '../packages/packages';
import { installRegistryKey } from '../packages/registry-keys';
import { verifyPackage } from '../packages/verify-package';
import { storedPackageWithView } from '../packages/stored-package';
import { UsageError, countOption, existingFile, firstArgument, requiredOption, readBytes, unwrap } from './arguments';
import type { CliCommand, CliContext } from './command';

async function exportOrRewrite(ctx: CliContext): Promise<number> {
  const out = requiredOption(ctx, 'out');
  const sequence = countOption(ctx, 'sequence', (value) => new UsageError('cli.badOption', { option: `--sequence ${value}` }));
  const db = ctx.database();
  const folder = unwrap(makeFolder(out));
  let file = '';
  // The file is written whole (temporary file, flushed, renamed) before the export is recorded.
  const deliver = (fileName: string, data: Uint8Array) => {
    const written = writeFileAtomic(join(folder, fileName), data);
    if (written.ok) file = written.value;
    return written.ok ? ok(undefined) : written;
  };
  // Package N again, byte for byte; or the next package of everything waiting.
  const actor = ctx.actor();
  const by = actor.kind === 'user' ? actor.user.displayName : (ctx.option('by') ?? null);
  const made = unwrap(
    sequence === undefined
      ? await exportPackage(db, { by, now: ctx.io.now(), locale: ctx.locale, deliver })
      : storedPackageWithView(db, sequence),
  );
  if (sequence !== undefined) unwrap(deliver(made.fileName, made.data));
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

function installKey(ctx: CliContext): number {
  const source = firstArgument(ctx, 'cli.arg.publicKey');
  // A file holding the key (PEM, or base64 on one line), or the base64 key itself.
  const text = /^[A-Za-z0-9+/]{43}=$/.test(source) ? source : readFileSync(existingFile(source), 'utf8');
  const keys = unwrap(installRegistryKey(ctx.database(), { name: ctx.option('name') ?? '', publicKey: text }, ctx.io.now()));
  ctx.print(keys, keys.map((k) => ctx.text('package.registryKeyLine', { ...k })).join('\n'));
  return 0;
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
  {
    name: 'package key',
    summary: 'cli.cmd.packageRegistryKey',
    synopsis: 'cli.arg.publicKey',
    options: { name: { type: 'string', value: 'cli.value.name', help: 'cli.opt.registryKeyName' } },
    example: 'package key khoa-cuc-c06.pem --name "Cục C06, Bộ Công an" --db xa.sqlite',
    run: installKey,
  },
];
