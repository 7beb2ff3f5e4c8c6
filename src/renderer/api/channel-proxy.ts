import type { Channel, DoichieuApi } from '../../shared/api-contract';

// `domain-verb`: never `then` or a symbol, so the object is not mistaken for a promise.
const CHANNEL_NAME = /^[a-z]+(?:-[a-z0-9]+)+$/;

type AnyMethod = (request: unknown) => Promise<unknown>;

/**
 * An API object whose methods are made on first use by `method(channel)`. The page does not import
 * the contract's list of channels at run time: that would ship the request schemas (zod), which only
 * main needs; the types still come from the contract.
 */
export function channelProxy(method: (channel: Channel) => AnyMethod): DoichieuApi {
  const made = new Map<string, AnyMethod>();
  return new Proxy({} as DoichieuApi, {
    get(_target, name) {
      if (typeof name !== 'string' || !CHANNEL_NAME.test(name)) return undefined;
      let m = made.get(name);
      if (!m) {
        m = method(name as Channel);
        made.set(name, m);
      }
      return m;
    },
  });
}
