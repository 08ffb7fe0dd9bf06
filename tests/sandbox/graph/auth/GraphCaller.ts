import type { User } from '../../model/directoryTypes';

/** Who is calling, from a validated access token. */
export interface GraphCaller {
  kind: 'delegated' | 'application';
  /** The tenant the token is for (`tid`); every Graph call acts on this directory. */
  tenantId: string;
  /** Client application id (`appid` v1 / `azp` v2). */
  clientAppId: string;
  /** `oid`: the signed-in user, or the client's service principal for app-only tokens. */
  objectId: string;
  /** Lower-cased delegated scopes (`scp`). Empty for app-only tokens. */
  scopes: ReadonlySet<string>;
  /** Lower-cased application permissions (`roles`). Empty for delegated tokens. */
  roles: ReadonlySet<string>;
  /** Directory role template ids the caller acts with (delegated only); see callerDirectoryRoles. */
  directoryRoles: readonly string[];
  /** The signed-in user when they are a member of `tenantId`; null for GDAP (foreign) users and apps. */
  user: User | null;
}
