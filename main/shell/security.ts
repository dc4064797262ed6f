import type { App, Session, WebFrameMain, WebPreferences } from 'electron';

/** The scheme and host the window's UI is served from (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'schemedesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The window runs our own code only, isolated from Node, in Chromium's sandbox. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Only our own UI, loaded from the app:// origin, may call the API. */
export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  if (!frame) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * No navigation away from the UI, no new windows, no webviews, no permissions (camera,
 * notifications, clipboard-read…) and no network: SchemeDesk never talks to the internet.
 */
export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools:');
    callback({ cancel: !allowed });
  });
}
