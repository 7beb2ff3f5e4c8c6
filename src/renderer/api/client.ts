import type { DoichieuApi } from '../../shared/api-contract';
import { translate } from '../../shared/i18n';
import { createWebApi } from './web-client';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a browser. */
    readonly doichieu?: DoichieuApi;
  }
}

/** The API object: the preload's in Electron, the web host's in a browser. */
export const api: DoichieuApi = window.doichieu ?? createWebApi(() => translate('vi', 'common.networkError'));
