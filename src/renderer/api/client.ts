import type { ApiResponse, DoichieuApi } from '../../shared/api-contract';
import { translate } from '../../shared/i18n';
import { channelProxy } from './channel-proxy';
import { createWebApi } from './web-client';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a browser. */
    readonly doichieu?: DoichieuApi;
  }
}

const base: DoichieuApi = window.doichieu ?? createWebApi(() => translate('vi', 'common.networkError'));

/** Fired when main says nobody is signed in (or the session locked after idling): the sign-in screen shows. */
export const AUTH_REQUIRED_EVENT = 'doichieu-auth-required';

/** The API object: the preload's in Electron, the web host's in a browser. */
export const api: DoichieuApi = channelProxy((channel) => async (request) => {
  const response = await (base[channel] as (r: unknown) => Promise<ApiResponse<unknown>>)(request);
  if (!response.ok && response.error.type === 'auth') window.dispatchEvent(new Event(AUTH_REQUIRED_EVENT));
  return response;
});
