import type { SandboxState } from '../../model/SandboxState';
import type { TenantSeed } from '../../model/directoryTypes';
import { isGuid } from '../../util/isGuid';

/** `{customer_id}` is the customer's tenant id (facts §7.3: "Customer id == customer tenant id in practice"). */
export function findPartnerCustomer(state: SandboxState, customerId: string): TenantSeed | undefined {
  if (!isGuid(customerId)) return undefined;
  const seed = state.tenantSeed(customerId);
  return seed && seed.kind !== 'partner' && seed.kind !== 'microsoft' ? seed : undefined;
}
