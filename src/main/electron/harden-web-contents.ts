import { app, session, shell, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { isAllowedExternalUrl } from './external-links';

/**
 * Applies to every WebContents the app ever creates: no navigation away from our page, no new
 * windows (allow-listed https links go to the system browser instead), no <webview>, and every
 * permission request (camera, notifications, geolocation, ...) denied.
 */
export function hardenAllWebContents(devServerUrl: string | undefined): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
