import type { ConsentStrategy, GdapRelationship, TenantSourceKind } from '../../../shared/domain/client-tenants';
import { activeRelationships, CPV_ROLES } from './gdap-roles';

export interface StrategyInput {
  gdapRelationships: readonly GdapRelationship[];
  sources: readonly TenantSourceKind[];
  /** The app asks application permissions (CPV cannot grant those under GDAP, facts §8.1). */
  hasApplicationPermissions: boolean;
  /** The workspace consents through Partner Center (the ClientOne guide's Partner Center app). */
  cpvAvailable: boolean;
  now: number;
}

/**
 * The console's default, with the sentence shown beside it. GDAP first: it works for every
 * permission type and reads back what it did. CPV when the platform's guide uses Partner Center
 * and the app has only delegated permissions. A link for the client's own Global Administrator
 * when the partner has no way into the tenant.
 */
export function defaultStrategy(input: StrategyInput): { strategy: ConsentStrategy; reason: string } {
  const active = activeRelationships(input.gdapRelationships, input.now);
  const cpvRole = active.some((r) => r.roles.some((role) => CPV_ROLES.includes(role.roleDefinitionId)));
  if (input.cpvAvailable && input.sources.includes('partnerCenter') && !input.hasApplicationPermissions && cpvRole) {
    return { strategy: 'cpv', reason: 'A Partner Center customer with GDAP access, and the platform consents through your Partner Center app.' };
  }
  if (active.length > 0) {
    return { strategy: 'gdapDirect', reason: 'You have an active GDAP relationship: the console consents in the tenant with your delegated access.' };
  }
  if (input.gdapRelationships.length > 0) {
    const states = [...new Set(input.gdapRelationships.map((r) => r.status))].join(', ');
    return {
      strategy: 'gdapDirect',
      reason: `Your GDAP relationship is ${states}: once it is active again, the console consents with it.`,
    };
  }
  return {
    strategy: 'adminConsentLink',
    reason: 'No GDAP relationship: the client’s own Global Administrator grants consent with a link.',
  };
}
