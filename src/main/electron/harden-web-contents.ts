import { app, session, shell, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { isPermissionAllowed } from './permission-policy';

/**
 * Applies to every WebContents the app ever creates: no navigation away from our page, no new
 * windows (allow-listed https links go to the system browser instead), no <webview>, and every
 * permission request denied except the clipboard write our own page's Copy buttons need.
 */
export function hardenAllWebContents(devServerUrl: string | undefined, isAllowedExternal: (url: string) => boolean): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl, devServerUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, devServerUrl),
  );

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternal(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
