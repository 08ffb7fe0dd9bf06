import { decodeJwt } from 'jose';
import type { SandboxRuntime } from '../../SandboxRuntime';
import type { Middleware, MountErrorFormatter } from '../../http/Mount';
import type { SandboxRequest } from '../../http/SandboxRequest';
import { graphError } from '../../mounts/graphErrorFormatter';
import type { ResourceUnitBucket } from '../../settings/ClientTenantSettings';
import { resourceUnitCost } from './resourceUnitCost';

function bearerClaims(req: SandboxRequest): { tenantId: string; appId: string } | null {
  const auth = req.header('authorization') ?? '';
  if (!auth.toLowerCase().startsWith('bearer ')) return null;
  try {
    const claims = decodeJwt(auth.slice(7).trim());
    const tenantId = typeof claims.tid === 'string' ? claims.tid.toLowerCase() : '';
    const appId = typeof claims.appid === 'string' ? claims.appid : typeof claims.azp === 'string' ? claims.azp : '';
    return tenantId && appId ? { tenantId, appId: appId.toLowerCase() } : null;
  } catch {
    return null;
  }
}

interface BucketCheck {
  key: string;
  bucket: ResourceUnitBucket;
  cost: number;
  /** facts §9.2: x-ms-throttle-scope is `<Scope>/<Limit>/<AppId>/<TenantId>`, e.g. `Tenant_Application/ReadWrite/...`. */
  scope: 'Tenant_Application' | 'Application' | 'Tenant';
  /** facts §9.2: x-ms-throttle-information, `ResourceUnitLimitExceeded` or `WriteLimitExceeded`. */
  information: 'ResourceUnitLimitExceeded' | 'WriteLimitExceeded';
}

/**
 * In front of every Graph request (and every request inside a $batch, facts §9.3 "each request is throttled
 * individually"):
 * - a token for a tenant that was deleted gets 401 `OrganizationFromTenantGuidNotFound`, "The tenant for tenant
 *   guid '{tid}' does not exist." (MicrosoftDocs/azure-docs#32957, O365/python-o365#859); status 401 as
 *   hashicorp/terraform-provider-azuread#1645 reports it ("HTTP 401 OrganizationFromTenantGuidNotFound").
 * - Graph's identity-and-access throttling (facts §9.2): ResourceUnits per app + tenant pair, writes per pair,
 *   RU per application across tenants, writes per tenant across apps (settings `clientTenants.graphThrottling`).
 *   A 429 carries Graph's body, Retry-After, x-ms-throttle-scope and x-ms-throttle-information; every answer
 *   carries x-ms-resource-unit, and x-ms-throttle-limit-percentage once a bucket is 80% used.
 */
export function createGraphTenantGate(rt: SandboxRuntime, errors: MountErrorFormatter, options: { chargeBatchEnvelope: boolean }): Middleware {
  return async (req, next) => {
    const caller = bearerClaims(req);
    if (!caller) return next();
    if (rt.state.tenantSeed(caller.tenantId)?.deletedDateTime) {
      return graphError(rt.clock, req, 401, 'OrganizationFromTenantGuidNotFound', `The tenant for tenant guid '${caller.tenantId}' does not exist.`);
    }
    // The $batch envelope is not charged; its inner requests are (they pass through this gate again).
    if (!options.chargeBatchEnvelope && /\/\$batch$/i.test(req.path)) return next();

    const settings = rt.settings.clientTenants.graphThrottling;
    const override = settings.tenantOverrides[caller.tenantId];
    const { cost, write } = resourceUnitCost(req);
    const pair = `${caller.appId}|${caller.tenantId}`;
    const checks: BucketCheck[] = [];
    const add = (bucket: ResourceUnitBucket | null | undefined, check: Omit<BucketCheck, 'bucket'>) => {
      if (bucket) checks.push({ ...check, bucket });
    };
    add(override?.appTenant !== undefined ? override.appTenant : settings.appTenant, { key: `graphRU|pair|${pair}`, cost, scope: 'Tenant_Application', information: 'ResourceUnitLimitExceeded' });
    if (write) add(settings.appTenantWrites, { key: `graphWrites|pair|${pair}`, cost: 1, scope: 'Tenant_Application', information: 'WriteLimitExceeded' });
    add(settings.application, { key: `graphRU|app|${caller.appId}`, cost, scope: 'Application', information: 'ResourceUnitLimitExceeded' });
    if (write) {
      add(override?.tenantWrites !== undefined ? override.tenantWrites : settings.tenantWrites, { key: `graphWrites|tenant|${caller.tenantId}`, cost: 1, scope: 'Tenant', information: 'WriteLimitExceeded' });
    }

    const now = rt.clock.now();
    let usedFraction = 0;
    for (const check of checks) {
      const outcome = rt.limiter.check(check.key, now, check.bucket, check.cost);
      if (!outcome.allowed) {
        const reply = errors.throttled(req, outcome.retryAfterSeconds);
        reply.headers = {
          ...reply.headers,
          'x-ms-throttle-scope': `${check.scope}/ReadWrite/${caller.appId}/${caller.tenantId}`,
          'x-ms-throttle-information': check.information,
          'x-ms-resource-unit': String(cost),
        };
        return reply;
      }
      usedFraction = Math.max(usedFraction, 1 - (outcome.remaining / check.bucket.capacity));
    }
    for (const check of checks) rt.limiter.take(check.key, now, check.bucket, check.cost);

    const result = await next();
    if (typeof result === 'object') {
      result.headers = { ...result.headers, 'x-ms-resource-unit': String(cost) };
      // facts §9.2: x-ms-throttle-limit-percentage (0.8-1.8) tells a client it is close to the limit.
      if (usedFraction >= 0.8) result.headers['x-ms-throttle-limit-percentage'] = usedFraction.toFixed(1);
    }
    return result;
  };
}
