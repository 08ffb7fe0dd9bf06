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

/** `pathname` without a trailing slash, so https://microsoft.com/devicelogin/ matches too. */
function pageOf(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
}

/**
 * `extraHosts`: the current cloud's sign-in and portal hosts; `extraPages`: single pages allowed
 * without their whole host (the cloud's device-code page), matched on origin and path.
 */
export function isAllowedExternalUrl(raw: string, extraHosts: ReadonlySet<string> = new Set(), extraPages: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (allowedHosts.has(host) || extraHosts.has(host)) return true;
  return extraPages.some((page) => pageOf(new URL(page)) === pageOf(url));
}
