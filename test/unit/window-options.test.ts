import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  appUrlTest,
  guardContents,
  guardSession,
  type GuardedContents,
  type GuardedSession,
} from '../../src/main/electron/web-guards';
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

// Checklist 5, 11, 13, 14, by behaviour: the handlers main.ts installs, driven with plain objects in
// place of Electron's webContents and session (Electron itself does not run here).
const APP_URL = 'file:///opt/doichieu/resources/app.asar/out/renderer/index.html';

type Listener = (event: { preventDefault(): void }, url?: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: (() => { action: string }) | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: () => { action: 'deny' }) {
      openHandler = handler;
    },
  };
  /** Emits an event the way Electron does; returns whether a handler prevented its default. */
  const emit = (event: string, url?: string) => {
    let prevented = false;
    for (const listener of listeners.get(event) ?? []) listener({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents: contents as GuardedContents, emit, listeners, openWindow: () => openHandler?.() };
}

function fakeSession() {
  let requestHandler: Parameters<GuardedSession['setPermissionRequestHandler']>[0] | null = null;
  let checkHandler: (() => boolean) | null = null;
  let beforeRequest: Parameters<GuardedSession['webRequest']['onBeforeRequest']>[0] | null = null;
  const session: GuardedSession = {
    setPermissionRequestHandler: (handler) => (requestHandler = handler),
    setPermissionCheckHandler: (handler) => (checkHandler = handler),
    webRequest: { onBeforeRequest: (listener) => (beforeRequest = listener) },
  };
  return {
    session,
    /** What the permission request handler answers (undefined: it never answered). */
    ask(permission: string): boolean | undefined {
      let granted: boolean | undefined;
      requestHandler?.({}, permission, (answer) => (granted = answer));
      return granted;
    },
    check: () => checkHandler?.(),
    /** Whether a request to this URL is cancelled (undefined: the filter never answered). */
    cancelled(url: string): boolean | undefined {
      let cancel: boolean | undefined;
      beforeRequest?.({ url }, (response) => (cancel = response.cancel));
      return cancel;
    },
  };
}

describe('the web contents guards', () => {
  const isAppUrl = appUrlTest(APP_URL);

  it('let the page navigate only to the app itself, whatever its fragment (checklist 13)', () => {
    const { contents, emit } = fakeContents();
    guardContents(contents, isAppUrl);
    expect(emit('will-navigate', APP_URL)).toBe(false);
    expect(emit('will-navigate', `${APP_URL}#/lists/3`)).toBe(false);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'file:///opt/doichieu/resources/app.asar/out/renderer/other.html',
      `${APP_URL}?x=1`,
      'javascript:alert(1)',
    ])
      expect(emit('will-navigate', url), url).toBe(true);
  });

  it('stop every redirect and every <webview> (checklist 12, 13)', () => {
    const { contents, emit } = fakeContents();
    guardContents(contents, isAppUrl);
    expect(emit('will-redirect', APP_URL)).toBe(true);
    expect(emit('will-attach-webview')).toBe(true);
  });

  it('deny every new window (checklist 14)', () => {
    const { contents, openWindow } = fakeContents();
    guardContents(contents, isAppUrl);
    expect(openWindow()).toEqual({ action: 'deny' });
  });

  it('register nothing else on the contents', () => {
    const { contents, listeners } = fakeContents();
    guardContents(contents, isAppUrl);
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
  });
});

describe('the session guards', () => {
  it('deny every permission, asked or checked (checklist 5)', () => {
    const fake = fakeSession();
    guardSession(fake.session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'openExternal'])
      expect(fake.ask(permission), permission).toBe(false);
    expect(fake.check()).toBe(false);
  });

  it('cancel every request that leaves the machine, and only those (checklist 11)', () => {
    const fake = fakeSession();
    guardSession(fake.session);
    for (const url of [
      `${APP_URL}`,
      'file:///opt/doichieu/out/renderer/assets/index.js',
      'devtools://devtools/x',
      'blob:file:///1',
      'data:image/png;base64,AA==',
    ])
      expect(fake.cancelled(url), url).toBe(false);
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'ws://localhost/', 'ftp://x/', 'chrome-extension://x/'])
      expect(fake.cancelled(url), url).toBe(true);
  });
});
