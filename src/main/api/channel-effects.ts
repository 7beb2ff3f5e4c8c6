/**
 * What each channel does to the database (issue 18), for the read-only state of a damaged file:
 * `reads` answers from it (or from memory) and writes nothing; `writes` changes it — settings, the
 * audit trail, the access log (a look-up of a person is recorded, issue 21) included — and is
 * refused while the file is damaged; `recovery` writes too but is how the office gets out of that
 * state (signing in and out, restoring a backup), so it always answers.
 *
 * Each channel's record in src/shared/api/ says which (`effect`, required by the compiler): a new
 * channel is a decision, not a default.
 */
import { CHANNEL_EFFECTS, type Channel } from '../../shared/api-contract';

export { CHANNEL_EFFECTS };
export type { ChannelEffect } from '../../shared/api-contract';

/** Whether a channel is refused while the database is damaged. */
export function refusedWhenReadOnly(channel: Channel): boolean {
  return CHANNEL_EFFECTS[channel] === 'writes';
}
