import type { AUTH_CHANNELS } from '../../../shared/api/auth';
import type { AuthStatus } from '../../../shared/api-contract';
import { fail, ok } from '../../../shared/result';
import { audit } from '../../audit/audit';
import {
  addAccount,
  recoverAdministrator,
  renewRecoveryCode,
  resetAccountPassword,
  setupAdministrator,
} from '../../auth/accounts';
import { IDLE_MINUTES, listUsers, login, setUserDisabled, setUserRole, userCount } from '../../auth/users';
import type { ApiContext, DomainHandlers } from '../context';

function authStatus(ctx: ApiContext): AuthStatus {
  return {
    needsSetup: userCount(ctx.db) === 0,
    user: ctx.session.current(ctx.clock()),
    idleMinutes: IDLE_MINUTES,
    encrypted: ctx.keys.encrypted,
    canRecover: ctx.keys.hasRecovery(),
  };
}

export function authHandlers(ctx: ApiContext): DomainHandlers<typeof AUTH_CHANNELS> {
  const { db, keys, session } = ctx;
  return {
    'auth-status': () => ok(authStatus(ctx)),
    'auth-setup': (request) => {
      const made = setupAdministrator(db, keys, session, request, ctx.clock());
      if (!made.ok) return made;
      return ok({ ...authStatus(ctx), ...(made.value.recoveryCode ? { recoveryCode: made.value.recoveryCode } : {}) });
    },
    'auth-recover': (request) => {
      const recovered = recoverAdministrator(db, keys, session, request, ctx.clock());
      return recovered.ok ? ok(authStatus(ctx)) : recovered;
    },
    'auth-login': ({ username, password }) => {
      const signedIn = login(db, session, username, password, ctx.clock());
      return signedIn.ok ? ok(authStatus(ctx)) : signedIn;
    },
    'auth-logout': () => {
      if (session.current(ctx.clock())) audit(db, 'auth.logout', null, {}, ctx.clock());
      session.signOut();
      return ok(authStatus(ctx));
    },
    'users-list': () => ok(listUsers(db)),
    'users-add': (request) => {
      const added = addAccount(db, keys, request, ctx.clock());
      return added.ok ? ok(listUsers(db)) : added;
    },
    'users-reset-password': ({ username, password }) => {
      const reset = resetAccountPassword(db, keys, username, password, ctx.clock());
      return reset.ok ? ok(listUsers(db)) : reset;
    },
    'users-set-role': ({ username, role }) => {
      const changed = setUserRole(db, username, role, ctx.clock());
      return changed.ok ? ok(listUsers(db)) : changed;
    },
    'users-set-disabled': ({ username, disabled }) => {
      if (disabled && session.current(ctx.clock())?.username === username) return fail('users.selfDisable');
      const changed = setUserDisabled(db, username, disabled, ctx.clock());
      return changed.ok ? ok(listUsers(db)) : changed;
    },
    'keys-new-recovery-code': () => {
      const made = renewRecoveryCode(db, keys, ctx.clock());
      return made.ok ? ok({ recoveryCode: made.value }) : made;
    },
  };
}
