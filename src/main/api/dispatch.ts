import type { ZodType } from 'zod';
import {
  CHANNEL_ROLES,
  CHANNELS,
  channelAllows,
  requestSchemas,
  type ApiResponse,
  type Channel,
} from '../../shared/api-contract';
import { translate } from '../../shared/i18n';
import { getLocale } from '../settings/settings';
import type { ApiContext, Handlers } from './handlers';

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
  const locale = getLocale(ctx.db);
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
  try {
    const handler = handlers[channel] as (request: unknown) => ReturnType<Handlers[Channel]>;
    const result = await handler(parsed.data);
    if (result.ok) return { ok: true, value: result.value };
    return { ok: false, error: { type: 'user', message: translate(locale, result.problem.key, result.problem.params) } };
  } catch (error) {
    ctx.logger.error(`api ${channel}`, error);
    return { ok: false, error: { type: 'internal', message: translate(locale, 'common.internalError') } };
  }
}
