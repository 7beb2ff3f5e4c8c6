/**
 * The only place that touches ipcMain: one handler per contract channel, each checking that the
 * sender is the app's own page before the request reaches dispatch (which validates it).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type ApiResponse } from '../../shared/api-contract';
import { translate } from '../../shared/i18n';
import type { ApiHost } from '../app-context';

/** Registers the API; `isTrustedUrl` says whether a frame URL is the app's own renderer. */
export function registerIpcApi(app: ApiHost, isTrustedUrl: (url: string) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, request: unknown): Promise<ApiResponse<unknown>> => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
        app.logger.info('ipc-untrusted-sender', { channel });
        return { ok: false, error: { type: 'internal', message: translate('vi', 'common.internalError') } };
      }
      return app.dispatch(channel, request);
    });
  }
}
