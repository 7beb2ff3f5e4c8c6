import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../src/main/electron/window-options';

describe('the main window', () => {
  it('keeps the renderer isolated and sandboxed, without Node', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});
