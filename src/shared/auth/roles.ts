/**
 * Who may do what (issue 8). Main checks the signed-in user's role on every API call; the UI only
 * hides what a role cannot do. The administrator may do everything.
 */
import type { Channel } from '../channels';

export const ROLES = ['police', 'health', 'chairman', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const EVERYONE: readonly Role[] = ROLES;
const POLICE: readonly Role[] = ['police', 'admin'];
const LISTS: readonly Role[] = ['police', 'health', 'admin'];
const APPROVER: readonly Role[] = ['chairman', 'admin'];
const ADMIN: readonly Role[] = ['admin'];

/** `public`: allowed before signing in (the sign-in itself, and what the sign-in screen shows). */
export const CHANNEL_ROLES: Readonly<Record<Channel, 'public' | readonly Role[]>> = {
  'app-info': 'public',
  'auth-status': 'public',
  'auth-setup': 'public',
  'auth-login': 'public',
  'auth-logout': 'public',
  'users-list': ADMIN,
  'users-add': ADMIN,
  'auth-recover': 'public',
  'users-reset-password': ADMIN,
  'keys-new-recovery-code': ADMIN,
  'settings-set-locale': EVERYONE,
  'settings-set-officer': EVERYONE,
  'demo-load': POLICE,
  'demo-dismiss': EVERYONE,
  'demo-remove': POLICE,
  'registry-preview': POLICE,
  'registry-revalidate': POLICE,
  'registry-import-start': POLICE,
  'registry-find': EVERYONE,
  'registry-errors-xlsx': POLICE,
  'lists-preview': LISTS,
  'lists-revalidate': LISTS,
  'lists-import': LISTS,
  'lists-all': EVERYONE,
  'lists-get': EVERYONE,
  'lists-check': LISTS,
  'lists-resolve': POLICE,
  'lists-unresolve': POLICE,
  'lists-export': LISTS,
  'lookup-scan': LISTS,
  'documents-list': EVERYONE,
  'documents-pdf': EVERYONE,
  'documents-open': EVERYONE,
  'documents-signoff': APPROVER,
  'documents-verify': EVERYONE,
  'letterhead-get': EVERYONE,
  'letterhead-set': ADMIN,
  'checkpoint-visits': POLICE,
  'checkpoint-export': POLICE,
  'qr-parse': EVERYONE,
  'devices-list': EVERYONE,
  'devices-choose': POLICE,
  'devices-choose-serial': POLICE,
  'devices-forget': POLICE,
  'scanner-next': EVERYONE,
  'scanner-demo': EVERYONE,
  'vaccination-doses': EVERYONE,
  'vaccination-confirm': APPROVER,
  'vaccination-manual': LISTS,
  'vaccine-products': EVERYONE,
  'vaccine-product-save': ADMIN,
  'infections-list': EVERYONE,
  'infections-add': LISTS,
  'packages-state': EVERYONE,
  'packages-export': POLICE,
  'packages-file': POLICE,
  'packages-verify': EVERYONE,
  'packages-ack': POLICE,
  'backup-state': ADMIN,
  'backup-set-folder': ADMIN,
  'backup-now': ADMIN,
  'backup-list': ADMIN,
  'backup-preview': ADMIN,
  'backup-restore': ADMIN,
  'job-status': EVERYONE,
  'job-cancel': EVERYONE,
};

export function mayUse(role: Role, channel: Channel): boolean {
  const allowed = CHANNEL_ROLES[channel];
  return allowed === 'public' || role === 'admin' || allowed.includes(role);
}
