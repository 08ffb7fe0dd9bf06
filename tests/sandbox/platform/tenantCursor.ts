/**
 * The opaque `cursor` of GET /v1/tenants: the last tenant ID of the page, so the next page is "every tenant
 * after it" (keyset paging: stable while records are added or changed). Prefixed and base64url-encoded so a
 * client cannot mistake it for a tenant ID, and anything else is recognised as not ours.
 */
const prefix = 'after:';
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeTenantCursor(lastTenantId: string): string {
  return Buffer.from(`${prefix}${lastTenantId}`, 'utf8').toString('base64url');
}

/** The tenant ID a cursor continues after, or null when the cursor is not one we issued. */
export function decodeTenantCursor(cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(prefix)) return null;
  const tenantId = text.slice(prefix.length);
  return guid.test(tenantId) ? tenantId : null;
}
