import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../../../shared/error-codes';
import type { ConsentTarget } from '../consent-target';
import { resourceName } from '../consent-target';
import { HttpFailure } from '../http-client';
import type { TenantConsentState } from '../read-tenant-consent';
import type { TenantGraph } from '../tenant-graph';
import type { ReplicationEstimate } from './replication-estimate';
import { whileReplicating } from './while-replicating';

export interface GdapConsentOptions {
  /** Called after each write so the run's journal knows how far the tenant got. */
  step: (name: string) => void;
  signal?: AbortSignal | undefined;
  /** The run's estimate of Graph's replication delay for a fresh service principal. */
  replication?: ReplicationEstimate | undefined;
}

/** "Permission entry already exists" (400 or 409) and ObjectConflict: what we wanted is there (facts §5). */
export function isAlreadyThere(error: unknown): boolean {
  return error instanceof HttpFailure && (error.status === 409 || (error.status === 400 && /already (exists|in use)/i.test(error.detail)));
}

/**
 * GDAP direct consent in one tenant, only what differs from what `state` read: the service principal
 * (POST /servicePrincipals), the tenant-wide delegated grant per resource (POST, or PATCH with the
 * missing scopes added), and each missing app role (POST appRoleAssignedTo), as admin consent does
 * (facts §5, learn.microsoft.com/graph/api/serviceprincipal-post-approleassignedto).
 */
export async function consentViaGdap(graph: TenantGraph, target: ConsentTarget, state: TenantConsentState, o: GdapConsentOptions): Promise<string[]> {
  const { step, signal } = o;
  const did: string[] = [];
  let spId = state.sp?.id;
  // Only a service principal created here may not have replicated yet; an existing one's errors are real.
  let createdAt: number | undefined;
  const referencing = <T>(write: () => Promise<T>) =>
    createdAt !== undefined ? whileReplicating(write, { signal, estimate: o.replication, createdAt }) : write();
  if (!spId) {
    try {
      spId = (await graph.post<{ id: string }>('/servicePrincipals', { appId: target.appId })).id;
      createdAt = Date.now();
      did.push('created the service principal');
    } catch (error) {
      if (!isAlreadyThere(error)) throw error;
      spId = (await graph.get<{ id: string }>(`/servicePrincipals(appId='${target.appId}')?$select=id`)).id;
      // Created a moment ago by someone else (the state read did not see it): it may not have replicated either.
      createdAt = Date.now();
    }
    step('servicePrincipal');
  }
  for (const d of target.delegated) {
    const resource = state.resources.get(d.resourceAppId);
    if (!resource) throw resourceMissing(d.resourceAppId);
    const grant = state.grants.get(d.resourceAppId);
    if (!grant) {
      try {
        await referencing(() => graph.post('/oauth2PermissionGrants', { clientId: spId, consentType: 'AllPrincipals', resourceId: resource.id, scope: d.scopes.join(' ') }));
        did.push(`granted ${resourceName(d.resourceAppId)} ${d.scopes.join(' ')}`);
      } catch (error) {
        if (!isAlreadyThere(error)) throw error;
      }
    } else {
      const have = new Set(grant.scopes.map((s) => s.toLowerCase()));
      const add = d.scopes.filter((s) => !have.has(s.toLowerCase()));
      if (add.length > 0) {
        await graph.patch(`/oauth2PermissionGrants/${grant.id}`, { scope: [...grant.scopes, ...add].join(' ') });
        did.push(`added ${add.join(' ')} to the ${resourceName(d.resourceAppId)} grant`);
      }
    }
    step(`grant:${d.resourceAppId}`);
  }
  for (const a of target.application) {
    const resource = state.resources.get(a.resourceAppId);
    if (!resource) throw resourceMissing(a.resourceAppId);
    const have = new Set(state.roles.get(a.resourceAppId) ?? []);
    for (const value of a.roles.filter((r) => !have.has(r))) {
      const role = resource.appRoles?.find((r) => r.value === value);
      if (!role) throw new AppError(ErrorCode.ResourceMissing, `${resourceName(a.resourceAppId)} in this tenant has no application permission ${value}.`, { fix: 'Check the permission name in the platform profile.' });
      try {
        await referencing(() => graph.post(`/servicePrincipals/${resource.id}/appRoleAssignedTo`, { principalId: spId, resourceId: resource.id, appRoleId: role.id }));
        did.push(`assigned ${value}`);
      } catch (error) {
        if (!isAlreadyThere(error)) throw error;
      }
      step(`role:${a.resourceAppId}:${value}`);
    }
  }
  return did;
}

function resourceMissing(appId: string): AppError {
  return new AppError(ErrorCode.ResourceMissing, `This tenant has no service principal for ${resourceName(appId)}.`, {
    fix: 'The API must be available in the client’s tenant before its permissions can be granted; ask the client to sign in to it once.',
  });
}
