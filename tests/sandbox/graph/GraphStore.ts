import { TokenBucketLimiter } from '../http/TokenBucketLimiter';
import type { SandboxState } from '../model/SandboxState';

/** A conditional access policy as stored; serialised as-is (facts §12.1). */
export type ConditionalAccessPolicyRecord = Record<string, unknown> & { id: string; displayName: string };

/** Graph-side data the shared model has no field for, per tenant. */
export interface GraphTenantData {
  /** Application or service principal object id -> owner object ids (users or service principals). */
  owners: Map<string, Set<string>>;
  /** Application object id -> application properties the model does not carry (optionalClaims, info, notes...). */
  applicationExtras: Map<string, Record<string, unknown>>;
  /** Group object id -> group properties the model does not carry (mailNickname, description, groupTypes). */
  groupExtras: Map<string, { mailNickname: string; description: string | null; groupTypes: string[]; isAssignableToRole: boolean | null; visibility?: string | null }>;
  conditionalAccessPolicies: Map<string, ConditionalAccessPolicyRecord>;
}

/** Side tables of the Graph emulation, one set per SandboxState so that a sandbox reset clears them too. */
export class GraphStore {
  private readonly tenants = new Map<string, GraphTenantData>();
  /** facts §9.2: conditional access has its own per-tenant limit, separate from the mount's buckets. */
  readonly conditionalAccessLimiter = new TokenBucketLimiter();

  tenant(tenantId: string): GraphTenantData {
    const id = tenantId.toLowerCase();
    let data = this.tenants.get(id);
    if (!data) {
      data = { owners: new Map(), applicationExtras: new Map(), groupExtras: new Map(), conditionalAccessPolicies: new Map() };
      this.tenants.set(id, data);
    }
    return data;
  }
}

const stores = new WeakMap<SandboxState, GraphStore>();

export function graphStoreFor(state: SandboxState): GraphStore {
  let store = stores.get(state);
  if (!store) {
    store = new GraphStore();
    stores.set(state, store);
  }
  return store;
}
