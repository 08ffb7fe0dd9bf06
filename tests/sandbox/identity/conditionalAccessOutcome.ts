import type { SandboxRuntime } from '../SandboxRuntime';
import type { TenantAccess } from '../model/resolveTenantAccess';
import type { User } from '../model/directoryTypes';

export type ConditionalAccessOutcome = 'allow' | 'requireMfa' | 'block';

/**
 * What the target tenant's Conditional Access decides for this sign-in. Tenant-wide MFA and per-user MFA apply to
 * everyone; `serviceProviderUsers` only to partner technicians arriving through GDAP, which is how a customer's
 * policy with users condition guestOrExternalUserTypes `serviceProvider` behaves
 * (https://learn.microsoft.com/graph/api/resources/conditionalaccessguestsorexternalusers). A block wins over MFA,
 * as in Entra where any applicable block control ends the evaluation (AADSTS53003).
 */
export function conditionalAccessOutcome(rt: SandboxRuntime, tenantId: string, user: User, access: TenantAccess | null): ConditionalAccessOutcome {
  const policy = rt.state.tenantSeed(tenantId)?.conditionalAccess;
  const serviceProvider = access?.kind === 'gdap' ? (policy?.serviceProviderUsers ?? 'none') : 'none';
  if (serviceProvider === 'block') return 'block';
  if (serviceProvider === 'requireMfa' || policy?.requireMfa || user.sandbox.requireMfa) return 'requireMfa';
  return 'allow';
}
