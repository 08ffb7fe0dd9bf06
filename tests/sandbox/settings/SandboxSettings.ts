import { defaultClientTenantSettings, type ClientTenantSettings } from './ClientTenantSettings';

/** Where a request landed; fault profiles and error formats are chosen per mount. */
export type MountName = 'identity' | 'graph' | 'partnerCenter' | 'platform' | 'control';

export type LatencyDistribution =
  | { kind: 'none' }
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; minMs: number; maxMs: number }
  | { kind: 'normal'; meanMs: number; stdDevMs: number };

export interface ThrottleSettings {
  /** Token-bucket size per (tenant, client app) pair; facts §9.2 describes Microsoft's buckets. */
  capacity: number;
  refillPerSecond: number;
}

export interface FaultProfile {
  latency: LatencyDistribution;
  /** Probability in [0,1] that a request gets a 5xx before reaching its handler. */
  errorRate: number;
  errorStatus: 500 | 502 | 503 | 504;
  /** Probability in [0,1] that the TCP connection is destroyed without a response. */
  resetRate: number;
  throttle: ThrottleSettings | null;
}

export interface TenantPolicies {
  appManagementPolicy?: { passwordAddition?: boolean; passwordLifetimeDays?: number };
  /**
   * Conditional Access (learn.microsoft.com/entra/identity/conditional-access/overview#license-requirements) and
   * assigning groups to an app (learn.microsoft.com/entra/identity/enterprise-apps/assign-user-or-group-access-portal)
   * are Microsoft Entra ID P1 features; 'free' refuses both. Default 'p1'.
   */
  entraIdPlan?: 'free' | 'p1' | 'p2';
  /** Security defaults on: Microsoft's baseline MFA for everyone, which excludes Conditional Access policies. */
  securityDefaults?: boolean;
}

export interface SandboxSettings {
  /**
   * Microsoft's eventual consistency (facts §4.2; devblogs.microsoft.com/identity "Designing for Eventual Consistency
   * for Microsoft Entra"). Every kind is on by default, briefly, so every run meets it as a real tenant does.
   */
  replication: {
    /**
     * A new application is unknown to service-principal creation and to the token endpoint for this long: POST
     * /servicePrincipals answers as `servicePrincipalCreateError` says, and client credentials for it get AADSTS700016.
     */
    applicationDelayMs: number;
    /**
     * How POST /servicePrincipals fails while the application replicates. '403': Authorization_RequestDenied "When
     * using this permission, the backing application of the service principal being created must in the local tenant"
     * (Azure/azure-cli#28009, hashicorp/terraform-provider-azuread#992 labelled "consistency", Azure/azure-powershell
     * #29530 "intermittently"; hamilton's odata errors name it ErrorServicePrincipalAppInOtherTenant and the provider
     * retries it). '400': Request_BadRequest NoBackingApplicationObject (facts §4.2). Both are seen; 403 by default.
     */
    servicePrincipalCreateError: '403' | '400';
    /** Reads and updates of a just-created application 404 for this long (facts §4.2). */
    applicationReadDelayMs: number;
    /**
     * A just-created service principal cannot be referenced yet: as the URL's resource it 404s Directory_ObjectNotFound,
     * as the body's principalId of appRoleAssignedTo it is 400 "Not a valid reference update." (facts §4.2;
     * terraform-provider-azuread retries exactly that message on appRoleAssignedTo; msgraph-bicep-types#193).
     */
    servicePrincipalReferenceDelayMs: number;
    /** A new client secret is rejected with AADSTS7000215 for this long (anchors: CIPP retries exactly this). */
    secretDelayMs: number;
  };
  faults: Record<MountName, FaultProfile>;
  /**
   * Per-tenant policies a real tenant may have, keyed by tenant id (replaced whole when patched). None by default.
   * - `appManagementPolicy`: the tenant's default app management policy (learn.microsoft.com/graph/api/resources/
   *   tenantappmanagementpolicy): `passwordAddition` blocks new client secrets, `passwordLifetimeDays` caps them.
   */
  tenantPolicies: Record<string, TenantPolicies>;
  tokens: {
    /** Entra picks a random access-token lifetime between 60 and 90 minutes; drawn from the seeded stream. */
    accessTokenLifetimeSeconds: { min: number; max: number };
    idTokenLifetimeSeconds: number;
    authorizationCodeLifetimeSeconds: number;
    refreshTokenMaxInactiveSeconds: number;
    /** Graph and Partner Center accept v1.0 access tokens (sts.windows.net-style issuer); 2 switches them to v2 shape. */
    firstPartyAccessTokenVersion: 1 | 2;
  };
  deviceCode: {
    expiresInSeconds: number;
    /** Entra answers 5; tests shorten it. Polls faster than this get slow_down (RFC 8628 §3.5). */
    intervalSeconds: number;
  };
  /**
   * How sign-in errors that happen after the redirect URI is validated (50020, 50105, 65001 for non-admins)
   * reach the app. Entra mostly shows them on its own page; some reach the app as error redirects. Uncertain,
   * so it is a setting: 'redirect' lets MSAL surface the AADSTS code, 'page' renders Entra's error page only.
   * 50011, 700016 and 90002 are always a page (facts §2, §10.2): the redirect target cannot be trusted then.
   */
  interactiveErrorDelivery: 'redirect' | 'page';
  /** Client tenants at scale: GDAP access rules, Graph's RU throttling, AADSTS50196 (settings/ClientTenantSettings.ts). */
  clientTenants: ClientTenantSettings;
}

/**
 * No replication delay at all. Only for tests of the sandbox's own unrelated semantics (OData shapes, secrets,
 * faults), which create an object and use it in the next line; every product and end-to-end test keeps the default.
 */
export const instantReplication = {
  replication: { applicationDelayMs: 0, applicationReadDelayMs: 0, servicePrincipalReferenceDelayMs: 0, secretDelayMs: 0 },
} as const;

const quietProfile = (): FaultProfile => ({
  latency: { kind: 'none' },
  errorRate: 0,
  errorStatus: 503,
  resetRate: 0,
  throttle: null,
});

export function defaultSettings(): SandboxSettings {
  return {
    // Short but real: Microsoft observes seconds to minutes (facts §4.2); a few seconds keep the suites quick.
    replication: {
      applicationDelayMs: 1500,
      servicePrincipalCreateError: '403',
      applicationReadDelayMs: 1000,
      servicePrincipalReferenceDelayMs: 1500,
      secretDelayMs: 2000,
    },
    faults: {
      identity: quietProfile(),
      graph: quietProfile(),
      partnerCenter: quietProfile(),
      platform: quietProfile(),
      control: quietProfile(),
    },
    tenantPolicies: {},
    tokens: {
      accessTokenLifetimeSeconds: { min: 3600, max: 5400 },
      idTokenLifetimeSeconds: 3600,
      authorizationCodeLifetimeSeconds: 600,
      refreshTokenMaxInactiveSeconds: 90 * 24 * 3600,
      firstPartyAccessTokenVersion: 1,
    },
    deviceCode: { expiresInSeconds: 900, intervalSeconds: 5 },
    interactiveErrorDelivery: 'redirect',
    clientTenants: defaultClientTenantSettings(),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges a partial patch into settings in place. Objects merge key by key, except tagged unions (latency)
 * and `throttle`, which are replaced whole so that switching `kind` never leaves stale fields behind.
 */
export function applySettingsPatch(settings: SandboxSettings, patch: unknown): SandboxSettings {
  const replaceWhole = new Set([
    'latency', 'throttle', 'accessTokenLifetimeSeconds', 'tenantPolicies',
    // Graph RU buckets (null switches one off) and the per-tenant override map.
    'appTenant', 'appTenantWrites', 'application', 'tenantWrites', 'tenantOverrides',
  ]);
  const merge = (target: Record<string, unknown>, source: Record<string, unknown>, path: string): void => {
    for (const [key, value] of Object.entries(source)) {
      if (!(key in target)) throw new Error(`Unknown setting ${path}${key}`);
      const current = target[key];
      if (replaceWhole.has(key) || !isPlainObject(current) || !isPlainObject(value)) {
        if (isPlainObject(current) && !replaceWhole.has(key)) throw new Error(`Setting ${path}${key} must be an object`);
        target[key] = value;
      } else {
        merge(current, value, `${path}${key}.`);
      }
    }
  };
  if (!isPlainObject(patch)) throw new Error('Settings patch must be a JSON object');
  merge(settings as unknown as Record<string, unknown>, patch, '');
  return settings;
}
