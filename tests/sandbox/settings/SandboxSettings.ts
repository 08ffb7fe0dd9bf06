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

export interface SandboxSettings {
  replication: {
    /** A new application is invisible to service-principal creation for this long (facts §4.2; used by the Graph phase). */
    applicationDelayMs: number;
    /** A new client secret is rejected with AADSTS7000215 for this long (anchors: CIPP retries exactly this). */
    secretDelayMs: number;
  };
  faults: Record<MountName, FaultProfile>;
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

const quietProfile = (): FaultProfile => ({
  latency: { kind: 'none' },
  errorRate: 0,
  errorStatus: 503,
  resetRate: 0,
  throttle: null,
});

export function defaultSettings(): SandboxSettings {
  return {
    replication: { applicationDelayMs: 0, secretDelayMs: 0 },
    faults: {
      identity: quietProfile(),
      graph: quietProfile(),
      partnerCenter: quietProfile(),
      platform: quietProfile(),
      control: quietProfile(),
    },
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
    'latency', 'throttle', 'accessTokenLifetimeSeconds',
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
