import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../src/main/electron/window-options';

// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), item by item.
describe('the main window', () => {
  const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;

  it('keeps the renderer isolated and sandboxed, without Node (checklist 2, 3, 4)', () => {
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security, refuses insecure content and experimental features (checklist 6, 8, 9)', () => {
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false });
  });

  it('enables no Blink feature and turns middle-click navigation off (checklist 10)', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('allows no <webview> and no navigation by dropping a file (checklist 12, 13)', () => {
    expect(prefs).toMatchObject({ webviewTag: false, navigateOnDragDrop: false });
  });

  it('loads the page from the app only, with a CSP (checklist 1, 7)', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8');
    expect(html).toMatch(/http-equiv="Content-Security-Policy"/);
    expect(html).toMatch(/default-src 'self'/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('handles navigation, new windows and permissions in main (checklist 5, 11, 13, 14)', () => {
    const main = readFileSync('src/main/electron/main.ts', 'utf8');
    expect(main).toMatch(/'will-navigate'/);
    expect(main).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(main).toMatch(/setPermissionRequestHandler\(\(_wc, _permission, callback\) => callback\(false\)\)/);
    expect(main).not.toMatch(/shell\.openExternal/);
  });

  it('is packaged with the fuses that close Node-as-a-runner and asar tampering (checklist 19)', () => {
    const builder = readFileSync('electron-builder.yml', 'utf8');
    for (const fuse of [
      /runAsNode: false/,
      /enableNodeOptionsEnvironmentVariable: false/,
      /enableNodeCliInspectArguments: false/,
      /enableEmbeddedAsarIntegrityValidation: true/,
      /onlyLoadAppFromAsar: true/,
      /enableCookieEncryption: true/,
    ])
      expect(builder).toMatch(fuse);
  });
});
