import type { Channel, DoichieuApi } from '../../shared/api-contract';
import { fromWire, toWire, type Base64Codec } from '../../shared/wire';
import { channelProxy } from './channel-proxy';

const TOKEN_KEY = 'doichieu-token';

const browserBase64: Base64Codec = {
  encode(bytes) {
    let binary = '';
    const chunk = 0x8000;
    for (let i = 0; i < bytes.length; i += chunk) {
      binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
    }
    return btoa(binary);
  },
  decode(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  },
};

/** Takes the per-launch token from the URL fragment (then removes it from the address bar). */
function takeToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The API over the web host: one POST per call, with the launch token. */
export function createWebApi(networkErrorMessage: () => string): DoichieuApi {
  const token = takeToken();
  const call = async (channel: Channel, request: unknown) => {
    try {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Doichieu-Token': token },
        body: toWire(request, browserBase64),
      });
      if (!response.ok) return { ok: false as const, error: { type: 'internal' as const, message: networkErrorMessage() } };
      return fromWire(await response.text(), browserBase64);
    } catch {
      return { ok: false as const, error: { type: 'internal' as const, message: networkErrorMessage() } };
    }
  };
  return channelProxy((channel) => (request) => call(channel, request));
}
