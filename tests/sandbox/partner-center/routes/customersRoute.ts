import type { SandboxRuntime } from '../../SandboxRuntime';
import type { Handler } from '../../http/Router';
import type { SandboxRequest } from '../../http/SandboxRequest';
import { verifyPartnerCenterToken } from '../auth/verifyPartnerCenterToken';
import { pcErrors } from '../http/pcErrors';
import { pcErrorReply, pcJsonReply } from '../http/pcReply';
import { customerContinuationToken, type CustomerPagePosition } from '../ops/customerContinuationToken';
import { parseCustomerFilter } from '../ops/parseCustomerFilter';
import { partnerCustomers } from '../ops/partnerCustomers';
import type { PartnerCenterSettings } from '../PartnerCenterSettings';
import { serializeCustomer } from '../serialize/serializeCustomer';

type CompanyProfile = { companyName: string; domain: string };

/** Where this page starts: the first request's `size`/`filter`, or the MS-ContinuationToken of a `seekOperation=Next`. */
function pagePosition(req: SandboxRequest, settings: PartnerCenterSettings): CustomerPagePosition | string {
  const seek = req.query('seekOperation');
  if (seek !== undefined) {
    if (seek.toLowerCase() !== 'next') return `The seek operation '${seek}' is not supported.`;
    const token = req.header('ms-continuationtoken');
    const position = token ? customerContinuationToken.decode(token) : null;
    return position ?? 'The MS-ContinuationToken header is missing or invalid.';
  }
  const rawSize = req.query('size');
  const size = rawSize === undefined ? 0 : Number(rawSize);
  if (!Number.isInteger(size) || size < 0) return `The size '${rawSize ?? ''}' is not a valid page size.`;
  return { offset: 0, size: size === 0 ? settings.defaultPageSize : size, filter: req.query('filter') ?? null };
}

/**
 * GET /v1/customers (facts §7.3): the partner's customers as a Partner Center Collection, `size` per page, the
 * optional CompanyName/Domain starts_with filter, and seek-based continuation. App-only and App+User tokens are
 * both accepted, as Microsoft documents for this call.
 */
export function customersRoute(rt: SandboxRuntime, settings: PartnerCenterSettings): Handler {
  return async (req) => {
    const auth = await verifyPartnerCenterToken(rt, req.header('authorization'), settings.clockSkewSeconds, settings.appUserMfa);
    if (!auth.ok) return pcErrorReply(settings, auth.error);
    const position = pagePosition(req, settings);
    if (typeof position === 'string') return pcErrorReply(settings, pcErrors.badRequest(position));
    const filter = parseCustomerFilter(position.filter);
    if (!filter.ok) return pcErrorReply(settings, pcErrors.badRequest(filter.message));

    const matches = partnerCustomers(rt.state)
      .map((seed) => serializeCustomer(rt.state, seed))
      .filter((customer) => !filter.filter || filter.filter(customer.companyProfile as CompanyProfile));
    const items = matches.slice(position.offset, position.offset + position.size);
    const nextOffset = position.offset + items.length;
    const links: Record<string, unknown> = { self: { uri: `${req.mountPath}${req.url.search}`, method: 'GET', headers: [] } };
    const body: Record<string, unknown> = {
      totalCount: settings.totalCount === 'all' ? matches.length : items.length,
      items,
      links,
      attributes: { objectType: 'Collection' },
    };
    if (nextOffset < matches.length) {
      const token = customerContinuationToken.encode({ ...position, offset: nextOffset });
      links.next = {
        uri: `/v1/customers?size=${position.size}&seekOperation=Next`,
        method: 'GET',
        headers: [{ key: 'MS-ContinuationToken', value: token }],
      };
      body.continuationToken = token;
    }
    return pcJsonReply(settings, 200, body);
  };
}
