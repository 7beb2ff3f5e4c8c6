/** `access log`, `access verify`: who looked at whom (issue 21), and whether that log is intact. */
import { accessContextText, vietnamDateTime } from '../../shared/privacy/access-text';
import { accessEntries, describeAccessVerification } from '../privacy/access-log';
import { UsageError, dateOption } from './arguments';
import type { CliCommand, CliContext } from './command';

function log(ctx: CliContext): number {
  const resident = ctx.option('resident');
  if (resident !== undefined && !/^\d{9}(\d{3})?$/.test(resident))
    throw new UsageError('cli.badOption', { option: `--resident ${resident}` });
  const since = dateOption(ctx, 'since');
  const entries = accessEntries(ctx.database(), { residentId: resident, since }).map((e) => ({
    at: e.at,
    user: e.user,
    action: e.action,
    residentId: e.residentId,
    context: e.context,
  }));
  const t = ctx.text.bind(ctx);
  const line = (e: (typeof entries)[number]) =>
    [
      vietnamDateTime(e.at),
      e.user ?? '',
      t(`access.action.${e.action}`),
      e.residentId ?? '',
      accessContextText(e.context, t),
    ].join('  ');
  ctx.print(entries, entries.length === 0 ? ctx.text('access.empty') : entries.map(line).join('\n'));
  return 0;
}

function verify(ctx: CliContext): number {
  const verified = describeAccessVerification(ctx.database(), ctx.locale);
  ctx.print(verified, verified.valid ? ctx.text('access.valid', { entries: verified.entries }) : verified.problems.join('\n'));
  return verified.valid ? 0 : 1;
}

export const ACCESS_COMMANDS: readonly CliCommand[] = [
  {
    name: 'access log',
    summary: 'cli.cmd.accessLog',
    synopsis: null,
    options: {
      resident: { type: 'string', value: 'cli.value.id', help: 'cli.opt.resident' },
      since: { type: 'string', value: 'cli.value.date', help: 'cli.opt.since' },
    },
    example: 'access log --resident 008090012345 --since 2026-01-01 --db xa.sqlite --json',
    run: log,
  },
  {
    name: 'access verify',
    summary: 'cli.cmd.accessVerify',
    synopsis: null,
    options: {},
    example: 'access verify --db xa.sqlite --json',
    run: verify,
  },
];
