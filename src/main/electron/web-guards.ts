/**
 * What the page may do beyond its own files: nothing. Every web contents (the window, and anything
 * it might create) navigates only to the app's own page, follows no redirect, attaches no webview and
 * opens no window; the session denies every permission and cancels every request that is not local.
 * The handlers take the webContents- and session-like objects as parameters (only the methods used),
 * so the tests drive them with plain objects; main.ts passes Electron's own.
 */

/** An event whose default the handler may prevent. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's WebContents the guards use. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/** The part of Electron's Session the guards use. */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (permissionGranted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  readonly webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** Whether a URL is the app's page (any fragment: the page routes by it). */
export function appUrlTest(rendererUrl: string): (url: string) => boolean {
  return (url) => url.split('#')[0] === rendererUrl;
}

/** Whether a request stays on the machine: the app's files, DevTools, blobs and data URLs. */
export function isLocalRequest(url: string): boolean {
  return /^(file|devtools|blob|data):/.test(url);
}

/** Navigation only to the app's page; no redirects, no webviews, no new windows. */
export function guardContents(contents: GuardedContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Every permission denied (asked or checked); every request that is not local cancelled. */
export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalRequest(details.url) }));
}
