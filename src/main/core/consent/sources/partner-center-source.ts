import type { FoundTenant } from '../client-tenant-repository';
import type { HttpClient } from '../http-client';

interface CustomerPage {
  totalCount?: number;
  items: { id: string; companyProfile?: { tenantId?: string; domain?: string; companyName?: string } }[];
  continuationToken?: string;
  links?: { next?: { uri: string; method?: string; headers?: { key: string; value: string }[] } };
}

/**
 * Partner Center customers (facts §7.3): GET /v1/customers?size=N, then the `links.next` page with
 * its MS-ContinuationToken header (learn.microsoft.com/partner-center/developer/get-a-list-of-customers:
 * "seek-based" paging), until there is no next link.
 */
export async function readPartnerCenterTenants(
  http: HttpClient,
  partnerCenterBaseUrl: string,
  token: () => Promise<string>,
  pageSize = 500,
): Promise<FoundTenant[]> {
  const found: FoundTenant[] = [];
  let url: string | undefined = `${partnerCenterBaseUrl}/v1/customers?size=${pageSize}`;
  let extraHeaders: Record<string, string> = {};
  const seen = new Set<string>();
  while (url) {
    const response: { body: CustomerPage } = await http.json<CustomerPage>(url, { headers: { Authorization: `Bearer ${await token()}`, ...extraHeaders } });
    const body: CustomerPage = response.body;
    for (const c of body.items) {
      const tenantId = (c.companyProfile?.tenantId ?? c.id).toLowerCase();
      found.push({
        tenantId,
        domain: c.companyProfile?.domain ?? null,
        name: c.companyProfile?.companyName ?? null,
        source: 'partnerCenter',
        detail: 'Partner Center customer',
      });
    }
    const next: { uri: string; headers?: { key: string; value: string }[] } | undefined = body.links?.next;
    if (!next || body.items.length === 0) break;
    const continuation = next.headers?.find((h) => h.key.toLowerCase() === 'ms-continuationtoken')?.value ?? body.continuationToken;
    // A server that hands back the same token would loop forever: stop instead.
    if (!continuation || seen.has(continuation)) break;
    seen.add(continuation);
    url = new URL(next.uri.replace(/^\//, ''), `${partnerCenterBaseUrl}/`).toString();
    extraHeaders = { 'MS-ContinuationToken': continuation };
  }
  return found;
}
