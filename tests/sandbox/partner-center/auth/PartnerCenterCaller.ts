/** Who calls Partner Center, from a validated access token. Partner Center tokens are for the partner tenant. */
export interface PartnerCenterCaller {
  /** App+User (`scp` present) or app-only. */
  kind: 'delegated' | 'application';
  /** `tid`: the partner tenant. */
  tenantId: string;
  /** Client application id (`appid` v1 / `azp` v2), lower-case. */
  appId: string;
  /** `oid` of the signed-in partner user; null for app-only tokens. */
  userId: string | null;
  /** Lower-cased delegated scopes (`scp`). */
  scopes: ReadonlySet<string>;
}
