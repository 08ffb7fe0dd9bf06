import { isAppUrl } from './app-origin';

/**
 * The one permission our page may use: writing to the clipboard (the Copy buttons), which
 * Chromium asks for as "clipboard-sanitized-write" when navigator.clipboard.writeText runs.
 * Only our own page gets it; reading the clipboard, notifications, media and the rest stay denied.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, devServerUrl: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && requestingUrl !== undefined && isAppUrl(requestingUrl, devServerUrl);
}
