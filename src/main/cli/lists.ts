/** `list import`, `list check`, `list export`: lists sent to the commune, checked against the registry. */
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { ExportedFile } from '../../shared/api-contract';
import { LIST_KINDS } from '../../shared/lists/fields';
import { ENTRY_STATUSES } from '../../shared/verification/vocabulary';
import type { ListCheckResult } from '../lists/check-list';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { prepareListExport } from '../lists/export-list';
import { importParsedList } from '../lists/import-list';
import { prepareList } from '../lists/prepare-list';
import { recheckList } from '../lists/recheck-list';
import {
  UsageError,
  choiceOption,
  dateOption,
  existingFile,
  firstArgument,
  listIdArgument,
  readBytes,
  unwrap,
} from './arguments';
import { BY_OPTION, type CliCommand, type CliContext } from './command';
import { withRowErrors } from './output';

async function importList(ctx: CliContext): Promise<number> {
  const file = existingFile(firstArgument(ctx, 'cli.arg.file'));
  const kind = choiceOption(ctx, 'kind', LIST_KINDS, 'registration', (value) => new UsageError('list.badKind', { value }));
  const drawnUp = dateOption(ctx, 'date');
  const db = ctx.database();
  const parsed = unwrap(await prepareList(readBytes(file), basename(file)));
  const imported = unwrap(
    importParsedList(db, parsed, {
      kind,
      source: ctx.option('source') ?? basename(file),
      drawnUp,
      now: ctx.io.now(),
      locale: ctx.locale,
    }),
  );
  ctx.print(
    imported,
    withRowErrors(ctx, ctx.text('list.importSummary', { listId: imported.listId, rows: imported.rows }), imported.errors),
  );
  return 0;
}

function checkSummary(ctx: CliContext, result: ListCheckResult): string {
  const counts = ENTRY_STATUSES.map((s) => `${ctx.text(`status.${s}`)}: ${result.summary[s]}`);
  const differences = (fields: ListCheckResult['entries'][number]['differences']) =>
    fields.length ? ` (${fields.map((d) => ctx.text(`field.${d}`)).join(', ')})` : '';
  const entries = result.entries
    .filter((e) => e.status !== 'matched')
    .map((e) => `  ${ctx.text('col.row')} ${e.row}: ${ctx.text(`status.${e.status}`)}${differences(e.differences)}`);
  return [...counts, ...entries].join('\n');
}

function checkList(ctx: CliContext): number {
  const listId = listIdArgument(ctx);
  const result = unwrap(recheckList(ctx.database(), listId, ctx.io.now()));
  ctx.print(result, checkSummary(ctx, result));
  return 0;
}

async function exportListFiles(ctx: CliContext): Promise<number> {
  const listId = listIdArgument(ctx);
  const db = ctx.database();
  // The paper needs its signer's name: given once here, it is kept in the letterhead once it prints.
  const signer = ctx.option('signer')?.trim() || undefined;
  const actor = ctx.actor();
  const by = actor.kind === 'user' ? actor.user.displayName : (ctx.option('by') ?? null);
  const prepared = unwrap(
    await prepareListExport(db, listId, ctx.locale, ctx.io.now(), { by, partial: ctx.flag('partial'), signerName: signer }),
  );
  const xlsxPath = ctx.option('xlsx');
  const pdfPath = ctx.option('pdf');
  const [xlsx, pdf] = prepared.files as [ExportedFile, ExportedFile];
  // Neither option: both files under their own names; one option: only that file.
  const targets: [string, Uint8Array][] = [];
  if (xlsxPath !== undefined || pdfPath === undefined) targets.push([xlsxPath ?? xlsx.fileName, xlsx.data]);
  if (pdfPath !== undefined || xlsxPath === undefined) targets.push([pdfPath ?? pdf.fileName, pdf.data]);
  // Each file written whole; the print and the return are recorded only once every file is.
  const written = targets.map(([path, data]) => unwrap(writeFileAtomic(path, data)));
  const exported = prepared.commit();
  if (!exported.ok) for (const file of written) rmSync(file, { force: true });
  const { number, version, hash } = unwrap(exported).document;
  ctx.print(
    { files: written, documentNumber: number, version, hash },
    [...written, ctx.text('doc.footer', { number, version, hash })].join('\n'),
  );
  return 0;
}

export const LIST_COMMANDS: readonly CliCommand[] = [
  {
    name: 'list import',
    summary: 'cli.cmd.listImport',
    synopsis: 'cli.arg.file',
    options: {
      kind: { type: 'string', value: 'cli.value.kind', help: 'cli.opt.kind' },
      date: { type: 'string', value: 'cli.value.date', help: 'cli.opt.drawnUp' },
      source: { type: 'string', value: 'cli.value.name', help: 'cli.opt.source' },
      by: BY_OPTION,
    },
    example: 'list import danh-sach.xlsx --kind registration --date 2021-11-20 --db xa.sqlite --json',
    run: importList,
  },
  {
    name: 'list check',
    summary: 'cli.cmd.listCheck',
    synopsis: 'cli.arg.listId',
    options: { by: BY_OPTION },
    example: 'list check 1 --db xa.sqlite --json',
    run: checkList,
  },
  {
    name: 'list export',
    summary: 'cli.cmd.listExport',
    synopsis: 'cli.arg.listId',
    options: {
      xlsx: { type: 'string', value: 'cli.value.file', help: 'cli.opt.xlsx' },
      pdf: { type: 'string', value: 'cli.value.file', help: 'cli.opt.pdf' },
      by: { type: 'string', value: 'cli.value.name', help: 'cli.opt.exportBy' },
      partial: { type: 'boolean', help: 'cli.opt.partial' },
      signer: { type: 'string', value: 'cli.value.name', help: 'cli.opt.signer' },
    },
    example: 'list export 1 --xlsx ket-qua.xlsx --pdf ket-qua.pdf --by "Hoàng Thị Xuân" --db xa.sqlite',
    run: exportListFiles,
  },
];
