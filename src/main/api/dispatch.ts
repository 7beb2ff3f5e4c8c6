import type { ZodType } from 'zod';
import {
  CHANNEL_ROLES,
  CHANNELS,
  channelAllows,
  requestSchemas,
  type ApiResponse,
  type Channel,
} from '../../shared/api-contract';
import { translate, type Locale } from '../../shared/i18n';
import { isDamageError } from '../db/integrity';
import { isBusyError } from '../db/write-transaction';
import { getLocale } from '../settings/settings';
import { refusedWhenReadOnly } from './channel-effects';
import type { ApiContext, Handlers } from './handlers';

/** The language of the answer: the setting's, or Vietnamese when a damaged file cannot say. */
function answerLocale(ctx: ApiContext): Locale {
  try {
    return getLocale(ctx.db);
  } catch {
    return 'vi';
  }
}

/** Whether a string names a channel of the contract. */
export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name);
}

/**
 * The single entry every host goes through: checks the channel, validates the request against the
 * contract's schema, runs the handler, and turns its outcome into `{ok, value | error}`.
 * Internal errors are logged (without the request) and reach the user as a generic message.
 */
export async function dispatch(
  ctx: ApiContext,
  handlers: Handlers,
  channel: string,
  raw: unknown,
): Promise<ApiResponse<unknown>> {
  const locale = answerLocale(ctx);
  if (!isChannel(channel)) {
    return { ok: false, error: { type: 'user', message: translate(locale, 'api.badRequest', { detail: 'channel' }) } };
  }
  const parsed = (requestSchemas[channel] as ZodType).safeParse(raw ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => i.path.join('.') || i.code).join(', ');
    return { ok: false, error: { type: 'user', message: translate(locale, 'api.badRequest', { detail }) } };
  }
  // The role check lives here, in main, for every channel: the page only hides what it cannot do.
  if (CHANNEL_ROLES[channel] !== 'public') {
    const now = ctx.clock();
    const user = ctx.session.current(now);
    if (user === null) return { ok: false, error: { type: 'auth', message: translate(locale, 'auth.required') } };
    if (!channelAllows(channel, user.role))
      return { ok: false, error: { type: 'user', message: translate(locale, 'auth.forbidden') } };
    ctx.session.touch(now);
  }
  // A damaged file is read-only until a backup is restored: nothing more is written into it.
  if (ctx.health.readOnly && refusedWhenReadOnly(channel))
    return { ok: false, error: { type: 'user', message: translate(locale, 'health.readOnly') } };
  try {
    const handler = handlers[channel] as (request: unknown) => ReturnType<Handlers[Channel]>;
    const result = await handler(parsed.data);
    if (result.ok) return { ok: true, value: result.value };
    return { ok: false, error: { type: 'user', message: translate(locale, result.problem.key, result.problem.params) } };
  } catch (error) {
    if (isDamageError(error)) {
      // SQLite found a malformed page on the way: the banner and the read-only state follow at once.
      ctx.health.markDamaged((error as Error).message);
      return { ok: false, error: { type: 'user', message: translate(locale, 'health.foundDamaged') } };
    }
    // Another process held the write lock for over a minute: said as such, without a stack trace.
    if (isBusyError(error)) {
      ctx.logger.info('db.busy', { channel });
      return { ok: false, error: { type: 'user', message: translate(locale, 'db.busy') } };
    }
    ctx.logger.error(`api ${channel}`, error);
    return { ok: false, error: { type: 'internal', message: translate(locale, 'common.internalError') } };
  }
}
