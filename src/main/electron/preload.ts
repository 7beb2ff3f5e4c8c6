/**
 * The sandboxed preload: exposes one named method per contract channel as `window.doichieu`.
 * No Node API and no generic `invoke(channel)` reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DoichieuApi } from '../../shared/api-contract';
import { CHANNELS } from '../../shared/api/contract';

const api = Object.freeze(
  Object.fromEntries(CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)])),
) as DoichieuApi;

contextBridge.exposeInMainWorld('doichieu', api);
