import type { SandboxState } from '../../model/SandboxState';
import type { TenantSeed } from '../../model/directoryTypes';

/**
 * The partner's Partner Center customers, in scenario order: every client tenant, whatever its GDAP state.
 * Partner Center lists customers by their reseller relationship (facts §7.3 `relationshipToPartner: reseller`),
 * which GDAP does not create or end; the scenario's "no GDAP", "expired" and "pending" tenants are the MSP's
 * customers all the same (they are its client tenants in SANDBOX_READY). Seeds only: nothing is materialised.
 * The sandbox has one partner, so every client tenant belongs to it.
 */
export function partnerCustomers(state: SandboxState): TenantSeed[] {
  return [...state.tenantSeeds()]
    .filter((seed) => seed.kind !== 'partner' && seed.kind !== 'microsoft')
    .sort((a, b) => a.ordinal - b.ordinal);
}
