/** `list confirm` (a vaccination results list, by the chairman) and `infection add` (an F0 case). */
import { addInfection, confirmList } from '../vaccination/vaccinations';
import { UsageError, dateOption, firstArgument, listIdArgument, unwrap } from './arguments';
import type { CliCommand, CliContext } from './command';
import { signerOf } from './signer';

function confirm(ctx: CliContext): number {
  const listId = listIdArgument(ctx);
  const signer = signerOf(ctx);
  const confirmed = unwrap(confirmList(ctx.database(), listId, signer.name, signer.account, ctx.io.now()));
  ctx.print(confirmed, ctx.text('list.confirmedBy', { listId, by: signer.name, at: confirmed.confirmedAt }));
  return 0;
}

function addF0(ctx: CliContext): number {
  const personalId = firstArgument(ctx, 'cli.arg.personalId');
  const confirmedOn = dateOption(ctx, 'confirmed');
  if (confirmedOn === undefined) throw new UsageError('cli.missingArgument', { name: '--confirmed' });
  const recoveredOn = dateOption(ctx, 'recovered') ?? null;
  const request = { personalId, confirmedOn, recoveredOn, test: ctx.option('test') ?? null };
  const added = unwrap(addInfection(ctx.database(), request, ctx.option('by') ?? null, ctx.io.now()));
  ctx.print(added, `F0: ${added.personalId} ${added.fullName ?? ''} (${added.confirmedOn})`);
  return 0;
}

export const VACCINATION_COMMANDS: readonly CliCommand[] = [
  {
    name: 'list confirm',
    summary: 'cli.cmd.listConfirm',
    synopsis: 'cli.arg.listId',
    options: { by: { type: 'string', value: 'cli.value.name', help: 'cli.opt.confirmBy' } },
    example: 'list confirm 2 --by "Hoàng Văn Chủ" --db xa.sqlite',
    run: confirm,
  },
  {
    name: 'infection add',
    summary: 'cli.cmd.infectionAdd',
    synopsis: 'cli.arg.personalId',
    options: {
      confirmed: { type: 'string', value: 'cli.value.date', help: 'cli.opt.confirmed' },
      recovered: { type: 'string', value: 'cli.value.date', help: 'cli.opt.recovered' },
      test: { type: 'string', value: 'cli.value.text', help: 'cli.opt.test' },
      by: { type: 'string', value: 'cli.value.name', help: 'cli.opt.by' },
    },
    example: 'infection add 008153259688 --confirmed 2021-09-15 --recovered 2021-09-29 --test PCR --db xa.sqlite',
    run: addF0,
  },
];
