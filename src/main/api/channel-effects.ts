/**
 * What each channel does to the database (issue 18), for the read-only state of a damaged file:
 * `reads` answers from it (or from memory) and writes nothing; `writes` changes it — settings, the
 * audit trail, the access log (a look-up of a person is recorded, issue 21) included — and is
 * refused while the file is damaged; `recovery` writes too but is how the office gets out of that
 * state (signing in and out, restoring a backup), so it always answers.
 *
 * Every channel must be named here (the compiler says so): a new channel is a decision, not a default.
 */
import type { Channel } from '../../shared/api-contract';

export type ChannelEffect = 'reads' | 'writes' | 'recovery';

export const CHANNEL_EFFECTS: { readonly [C in Channel]: ChannelEffect } = {
  'app-info': 'reads',
  'settings-set-locale': 'writes',
  'demo-load': 'writes',
  'demo-dismiss': 'writes',
  'demo-remove': 'writes',
  'auth-status': 'reads',
  'auth-setup': 'writes',
  'auth-login': 'recovery',
  'auth-logout': 'recovery',
  'auth-recover': 'recovery',
  'users-list': 'reads',
  'users-add': 'writes',
  'users-reset-password': 'writes',
  'users-set-role': 'writes',
  'users-set-disabled': 'writes',
  'keys-new-recovery-code': 'writes',
  'registry-preview': 'reads',
  'registry-revalidate': 'reads',
  'registry-import-start': 'writes',
  'registry-find': 'writes',
  'registry-search': 'writes',
  'registry-errors-xlsx': 'reads',
  'lists-preview': 'reads',
  'lists-revalidate': 'reads',
  'lists-import': 'writes',
  'lists-all': 'reads',
  'lists-get': 'reads',
  'lists-check': 'writes',
  'lists-resolve': 'writes',
  'lists-unresolve': 'writes',
  'lists-export': 'writes',
  'lookup-scan': 'writes',
  'lookup-chip': 'writes',
  'checkpoint-visits': 'reads',
  'checkpoint-export': 'writes',
  'qr-parse': 'reads',
  'documents-list': 'reads',
  'documents-pdf': 'writes',
  'documents-open': 'writes',
  'documents-signoff': 'writes',
  'documents-verify': 'reads',
  'letterhead-get': 'reads',
  'letterhead-set': 'writes',
  'letterhead-set-signer': 'writes',
  'devices-list': 'reads',
  'devices-choose': 'writes',
  'devices-choose-serial': 'writes',
  'devices-forget': 'writes',
  'scanner-next': 'reads',
  'scanner-demo': 'reads',
  'vaccination-doses': 'reads',
  'vaccination-confirm': 'writes',
  'vaccination-manual': 'writes',
  'vaccine-products': 'reads',
  'vaccine-product-save': 'writes',
  'infections-list': 'reads',
  'infections-add': 'writes',
  'packages-state': 'reads',
  'packages-export': 'writes',
  'packages-file': 'reads',
  'packages-verify': 'reads',
  'packages-ack': 'writes',
  'packages-registry-key-set': 'writes',
  'backup-state': 'reads',
  // The folder is where the backup to restore is found: one setting, needed to get out of the damage.
  'backup-set-folder': 'recovery',
  'backup-now': 'writes',
  'backup-list': 'reads',
  'backup-preview': 'reads',
  'backup-restore': 'recovery',
  'job-status': 'reads',
  // Stops a running job (an import): writes nothing itself, and is welcome on a damaged file.
  'job-cancel': 'reads',
  'admin-units-search': 'reads',
  'admin-units-commune': 'reads',
  'admin-units-commune-set': 'writes',
  'chip-readers': 'reads',
  'chip-choose': 'writes',
  'chip-read': 'writes',
  'chip-key': 'reads',
  'chip-csca-install': 'writes',
  'db-health': 'reads',
  'residents-card': 'writes',
  'access-log': 'reads',
  'access-export': 'writes',
  'access-verify': 'reads',
  'retention-state': 'reads',
  'retention-set': 'writes',
  'retention-run': 'writes',
  'citizen-report': 'writes',
  'citizen-delete-visits': 'writes',
  'processing-record': 'reads',
  'processing-record-pdf': 'reads',
};

/** Whether a channel is refused while the database is damaged. */
export function refusedWhenReadOnly(channel: Channel): boolean {
  return CHANNEL_EFFECTS[channel] === 'writes';
}
