import type { DelegatedAdminRelationshipStatus } from '../model/directoryTypes';

/** A token bucket measured in Graph ResourceUnits (facts §9.2): `capacity` RU, refilled at `refillPerSecond` RU/s. */
export interface ResourceUnitBucket {
  capacity: number;
  refillPerSecond: number;
}

/**
 * Graph's identity-and-access limits (facts §9.2; https://learn.microsoft.com/graph/throttling-limits, "Identity and
 * access service limits"). Each bucket is null to switch it off. Costs: GET applications / oauth2PermissionGrants /
 * users 2 RU, other GETs 1, writes 1 RU plus 1 write; `$select` -1, `$expand` +1, `$top` < 20 -1 (minimum 1).
 */
export interface GraphThrottlingSettings {
  /** Resource units per app + tenant pair. Microsoft: S 3,500 / M 5,000 / L 8,000 RU per 10 s; the sandbox's tenants are S. */
  appTenant: ResourceUnitBucket | null;
  /** Writes per app + tenant pair: 3,000 per 2 min 30 s. */
  appTenantWrites: ResourceUnitBucket | null;
  /** Resource units per application across all tenants: 150,000 per 20 s. */
  application: ResourceUnitBucket | null;
  /** Writes per tenant for all apps: 18,000 per 5 min. */
  tenantWrites: ResourceUnitBucket | null;
  /** Per tenant id: replaces the app + tenant RU bucket for that tenant (a "busy" client tenant). */
  tenantOverrides: Record<string, { appTenant?: ResourceUnitBucket | null; tenantWrites?: ResourceUnitBucket | null }>;
}

/**
 * AADSTS50196 ("The server terminated an operation because it encountered a client request loop"). Microsoft does
 * not publish the threshold; reports put it near 15-20 identical requests with a wait of about two minutes after
 * (pnp/powershell#2995: "On about the 20th iteration the login fails ... wait about 2 minutes"; PnP-PowerShell
 * discussion #3026: "after processing around 15 sites ... Waiting a couple of minutes allows to reconnect").
 * The shape per grant is MSAL.NET's "client and server throttling" page: user-facing grants get invalid_grant +
 * AADSTS50196, client_credentials gets 429 with `Retry-After: 60`.
 */
export interface TokenLoopSettings {
  enabled: boolean;
  /** Identical requests (client, tenant, user or app, scopes) allowed in `windowSeconds`; the next one is refused. */
  maxIdenticalRequests: number;
  windowSeconds: number;
  /** How long the loop stays blocked once detected. */
  blockSeconds: number;
  /** client_credentials answer: Retry-After seconds (MSAL.NET docs: 60). */
  clientCredentialsRetryAfterSeconds: number;
}

/** Switches for the client-tenant side of the sandbox (GDAP, throttling at scale, token loops). */
export interface ClientTenantSettings {
  /**
   * Relationship statuses in which a GDAP access assignment gives access (until endDateTime). Graph's
   * delegatedAdminRelationshipStatus says `active` is "provisioning complete" and `expiring` "has passed its
   * expiration date"; whether access survives `terminationRequested` (termination asked, deprovisioning not started)
   * is [UNVERIFIED], so it is part of the default and switchable.
   */
  gdapAccessStatuses: DelegatedAdminRelationshipStatus[];
  graphThrottling: GraphThrottlingSettings;
  tokenLoop: TokenLoopSettings;
}

export function defaultClientTenantSettings(): ClientTenantSettings {
  return {
    gdapAccessStatuses: ['active', 'expiring', 'terminationRequested'],
    graphThrottling: {
      appTenant: { capacity: 3500, refillPerSecond: 350 },
      appTenantWrites: { capacity: 3000, refillPerSecond: 20 },
      application: { capacity: 150_000, refillPerSecond: 7500 },
      tenantWrites: { capacity: 18_000, refillPerSecond: 60 },
      tenantOverrides: {},
    },
    tokenLoop: { enabled: true, maxIdenticalRequests: 20, windowSeconds: 60, blockSeconds: 120, clientCredentialsRetryAfterSeconds: 60 },
  };
}
