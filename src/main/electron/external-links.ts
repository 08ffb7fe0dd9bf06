/**
 * The only places the app sends the admin's browser to: Microsoft's sign-in and admin portals and
 * Microsoft's documentation. Anything else, and anything not https, is refused.
 */
const allowedHosts = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'entra.microsoft.com',
  'portal.azure.com',
  'partner.microsoft.com',
  'learn.microsoft.com',
  'aka.ms',
]);

export function isAllowedExternalUrl(raw: string, extraHosts: ReadonlySet<string> = new Set()): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return allowedHosts.has(host) || extraHosts.has(host);
}
