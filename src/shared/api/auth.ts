/** Signing in, accounts and the recovery code. */
import { z } from 'zod';
import { ADMIN, ROLES, type Role } from '../auth/roles';
import { channel, noFields } from './define';

export interface UserView {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** A disabled account cannot sign in (or open the database); it stays in the records. */
  readonly disabled: boolean;
}

export interface AuthStatus {
  /** No user yet: the first run creates the administrator. */
  readonly needsSetup: boolean;
  readonly user: UserView | null;
  readonly idleMinutes: number;
  /** The database is encrypted at rest. */
  readonly encrypted: boolean;
  /** A recovery code can reset an administrator's password (an encrypted database has one). */
  readonly canRecover: boolean;
  /** Set once, right after the first administrator is made: the code to write down. */
  readonly recoveryCode?: string;
}

const password = z.string().min(1).max(200);
const username = z
  .string()
  .trim()
  .min(2)
  .max(50)
  .regex(/^[\p{L}\p{N}._-]+$/u);
const displayName = z.string().trim().min(1).max(120);

export const AUTH_CHANNELS = {
  'auth-status': channel<AuthStatus>()({ effect: 'reads', request: noFields, roles: 'public' }),
  'auth-setup': channel<AuthStatus>()({
    effect: 'writes',
    request: z.object({ username, displayName, password }).strict(),
    roles: 'public',
  }),
  'auth-login': channel<AuthStatus>()({
    effect: 'recovery',
    request: z.object({ username: z.string().trim().min(1).max(50), password }).strict(),
    roles: 'public',
  }),
  'auth-logout': channel<AuthStatus>()({ effect: 'recovery', request: noFields, roles: 'public' }),
  'auth-recover': channel<AuthStatus>()({
    effect: 'recovery',
    request: z.object({ code: z.string().trim().min(16).max(60), username, password }).strict(),
    roles: 'public',
  }),
  'users-list': channel<readonly UserView[]>()({ effect: 'reads', request: noFields, roles: ADMIN }),
  'users-add': channel<readonly UserView[]>()({
    effect: 'writes',
    request: z.object({ username, displayName, role: z.enum(ROLES), password }).strict(),
    roles: ADMIN,
  }),
  'users-reset-password': channel<readonly UserView[]>()({
    effect: 'writes',
    request: z.object({ username, password }).strict(),
    roles: ADMIN,
  }),
  'users-set-role': channel<readonly UserView[]>()({
    effect: 'writes',
    request: z.object({ username, role: z.enum(ROLES) }).strict(),
    roles: ADMIN,
  }),
  'users-set-disabled': channel<readonly UserView[]>()({
    effect: 'writes',
    request: z.object({ username, disabled: z.boolean() }).strict(),
    roles: ADMIN,
  }),
  'keys-new-recovery-code': channel<{ readonly recoveryCode: string }>()({ effect: 'writes', request: noFields, roles: ADMIN }),
} as const;
