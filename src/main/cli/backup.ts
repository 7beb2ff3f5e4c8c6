/** `backup create`, `backup check`, `backup restore`: copies of the database and its key file. */
import { createBackup, previewBackup, restoreBackup } from '../backup/backup';
import { keyFromPassphrase } from '../db/open-with-passphrase';
import { firstArgument, requiredOption, unwrap } from './arguments';
import type { CliCommand, CliContext } from './command';

function create(ctx: CliContext): number {
  const out = requiredOption(ctx, 'out');
  const made = unwrap(createBackup(ctx.database(), out, ctx.keys(), ctx.io.now()));
  ctx.print(made, ctx.text('backup.done', { file: made.file, bytes: made.bytes }));
  return 0;
}

function check(ctx: CliContext): number {
  const file = firstArgument(ctx, 'cli.arg.backupFile');
  const key = unwrap(keyFromPassphrase(file, ctx.passphrase));
  const preview = unwrap(previewBackup(file, key));
  ctx.print(preview, ctx.text('backup.preview', { ...preview, lastChange: preview.lastChange ?? '—' }));
  return 0;
}

function restore(ctx: CliContext): number {
  const file = firstArgument(ctx, 'cli.arg.backupFile');
  const target = ctx.databaseFile();
  // Opened as its user for the role check first (only an administrator restores), then closed before its file is replaced.
  ctx.database();
  ctx.release();
  const key = unwrap(keyFromPassphrase(file, ctx.passphrase));
  const restored = unwrap(restoreBackup(target, file, key, ctx.io.now()));
  ctx.print(restored, ctx.text('backup.restored', { file }));
  return 0;
}

export const BACKUP_COMMANDS: readonly CliCommand[] = [
  {
    name: 'backup create',
    summary: 'cli.cmd.backupCreate',
    synopsis: null,
    options: { out: { type: 'string', value: 'cli.value.dir', help: 'cli.opt.backupOut' } },
    example: 'backup create --out E:\\sao-luu --db xa.sqlite',
    run: create,
  },
  {
    name: 'backup check',
    summary: 'cli.cmd.backupCheck',
    synopsis: 'cli.arg.backupFile',
    options: {},
    example: 'backup check E:\\sao-luu\\doichieu-sao-luu-20261127-150000.sqlite --json',
    run: check,
  },
  {
    name: 'backup restore',
    summary: 'cli.cmd.backupRestore',
    synopsis: 'cli.arg.backupFile',
    options: {},
    example: 'backup restore E:\\sao-luu\\doichieu-sao-luu-20261127-150000.sqlite --db xa.sqlite',
    run: restore,
  },
];
