import type { SandboxState } from '../../model/SandboxState';
import type { TenantSeed } from '../../model/directoryTypes';

/**
 * facts §7.3 Customer: `id` is the tenant id, companyProfile carries tenantId, domain and companyName. A tenant
 * that has been materialised answers with its current organisation name and default domain (Graph may have
 * changed them); others with the scenario's seed, so listing 5,000 customers materialises none.
 */
export function serializeCustomer(state: SandboxState, seed: TenantSeed): Record<string, unknown> {
  const directory = state.isMaterialized(seed.id) ? state.directory(seed.id) : null;
  return {
    id: seed.id,
    companyProfile: {
      tenantId: seed.id,
      domain: directory?.defaultDomain ?? seed.initialDomain,
      companyName: directory?.organization.displayName ?? seed.displayName,
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    relationshipToPartner: 'reseller',
    attributes: { objectType: 'Customer' },
  };
}
