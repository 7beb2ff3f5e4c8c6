/** `user add`: an account whose password (from DOICHIEU_PASSWORD) also opens the encrypted database. */
import { ROLES } from '../../shared/auth/roles';
import { addAccount } from '../auth/accounts';
import { UsageError, choiceOption, firstArgument, unwrap } from './arguments';
import type { CliCommand, CliContext } from './command';

function addUser(ctx: CliContext): number {
  const username = firstArgument(ctx, 'cli.arg.username');
  const role = choiceOption(
    ctx,
    'role',
    ROLES,
    undefined,
    (value) => new UsageError('cli.badOption', { option: `--role ${value}` }),
  );
  // The password comes from the environment, never from the command line (shell history, process list).
  const password = ctx.io.env.DOICHIEU_PASSWORD ?? '';
  const displayName = ctx.option('name') ?? username;
  const user = unwrap(addAccount(ctx.database(), ctx.keys(), { username, displayName, role, password }, ctx.io.now()));
  ctx.print(user, `${user.username} (${user.role})`);
  return 0;
}

export const USER_COMMANDS: readonly CliCommand[] = [
  {
    name: 'user add',
    summary: 'cli.cmd.userAdd',
    synopsis: 'cli.arg.username',
    options: {
      role: { type: 'string', value: 'cli.value.role', help: 'cli.opt.role' },
      name: { type: 'string', value: 'cli.value.name', help: 'cli.opt.displayName' },
      by: { type: 'string', value: 'cli.value.name', help: 'cli.opt.by' },
    },
    example: 'user add canbo1 --role police --name "Nguyễn Văn Công" --db xa.sqlite   (DOICHIEU_PASSWORD=…)',
    run: addUser,
  },
];
