/** Our renderer is served from this privileged custom scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'entra-onboard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * True only for our own page: the packaged app:// origin, or the electron-vite dev server when
 * running unpackaged (ELECTRON_RENDERER_URL is set by `electron-vite dev` only).
 */
export function isAppUrl(raw: string, devServerUrl: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (`${url.protocol}//${url.host}` === APP_ORIGIN) return true;
  if (devServerUrl) return url.origin === new URL(devServerUrl).origin;
  return false;
}
