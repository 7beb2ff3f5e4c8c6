/** `registry import`, `registry find`: the population registry extract. */
import { basename } from 'node:path';
import { findResidentsRecorded } from '../privacy/find-recorded';
import { importExtractFile } from '../registry/import-extract';
import { InputError, existingFile, firstArgument, need, unwrap } from './arguments';
import { BY_OPTION, type CliCommand, type CliContext } from './command';
import { withRowErrors } from './output';

async function importRegistry(ctx: CliContext): Promise<number> {
  const file = existingFile(firstArgument(ctx, 'cli.arg.file'));
  // Read as a stream by the reading worker: the file is never held whole.
  const outcome = unwrap(
    await importExtractFile(ctx.database(), { path: file }, basename(file), {
      skipInvalid: ctx.flag('skip-invalid'),
      locale: ctx.locale,
      now: ctx.io.now(),
    }),
  );
  if (outcome === 'cancelled') return 1;
  const { inserted, updated, unchanged, rejected, held, errors } = outcome;
  const summary = ctx.text('cli.importSummary', { inserted, updated, unchanged, rejected });
  ctx.print({ inserted, updated, unchanged, rejected, held, errors }, withRowErrors(ctx, summary, errors));
  if (outcome.applied) return 0;
  const first = errors[0]!;
  ctx.warn(ctx.text('error.rowsRejected', { file: basename(file), count: rejected, row: first.row, message: first.message }));
  return 1;
}

function findInRegistry(ctx: CliContext): number {
  const query = need(ctx.args.join(' ').trim(), ctx.text('cli.arg.query'));
  const yearText = ctx.option('birth-year');
  const birthYear = yearText === undefined ? undefined : Number(yearText);
  if (birthYear !== undefined && (!Number.isInteger(birthYear) || birthYear < 1800 || birthYear > 2200)) {
    throw new InputError({ key: 'search.invalidYear', params: { value: yearText! } });
  }
  // The look-up is the CLI user's: identify them before it is recorded.
  ctx.actor();
  const found = findResidentsRecorded(ctx.database(), { text: query, birthYear }, ctx.io.now()).map((r) => ({
    personalId: r.personalId,
    oldId: r.oldId,
    fullName: r.fullName,
    birthDate: r.birthDate,
    sex: r.sex,
    address: r.permanentAddress,
  }));
  const line = (r: (typeof found)[number]) =>
    `${r.personalId}  ${r.fullName}  ${r.birthDate ?? ''}  ${r.sex ? ctx.text(`sex.${r.sex}`) : ''}  ${r.address ?? ''}`;
  ctx.print(found, found.length === 0 ? ctx.text('residents.noResult') : found.map(line).join('\n'));
  return 0;
}

export const REGISTRY_COMMANDS: readonly CliCommand[] = [
  {
    name: 'registry import',
    summary: 'cli.cmd.registryImport',
    synopsis: 'cli.arg.file',
    options: {
      'skip-invalid': { type: 'boolean', help: 'cli.opt.skipInvalid' },
      by: BY_OPTION,
    },
    example: 'registry import trich-xuat.csv --db xa.sqlite --json',
    run: importRegistry,
  },
  {
    name: 'registry find',
    summary: 'cli.cmd.registryFind',
    synopsis: 'cli.arg.query',
    options: { 'birth-year': { type: 'string', value: 'cli.value.year', help: 'cli.opt.birthYear' } },
    example: 'registry find "ma thi thoa" --birth-year 1998 --db xa.sqlite',
    run: findInRegistry,
  },
];
