import type { DriftItem } from '../../../shared/domain/drift';
import { permissionsOf, type ConsentTarget } from '../consent/consent-target';
import { missingPermissions, type TenantConsentState } from '../consent/read-tenant-consent';
import type { AppRole } from '../onboarding/desired-app';

const keyOf = (p: { type: string; resourceAppId: string; value: string }) => `${p.type}:${p.resourceAppId}:${p.value}`;

/**
 * Admin consent in the partner tenant, one item per permission: a tenant-wide (AllPrincipals)
 * oauth2PermissionGrant scope for a delegated one, an app role assignment for an application one
 * (facts §5), as the consent module reads them from the tenant.
 */
export function compareAdminConsent(role: AppRole, target: ConsentTarget, state: TenantConsentState): DriftItem[] {
  const missing = new Set(missingPermissions(target, state).map(keyOf));
  return permissionsOf(target).map((p): DriftItem => {
    const granted = state.sp !== null && !missing.has(keyOf(p));
    const how = p.type === 'delegated' ? 'granted for everyone in your tenant' : 'granted (app role assigned)';
    return {
      key: `${role}:consent:${keyOf(p)}`,
      kind: 'adminConsent',
      title: `Admin consent for ${p.resourceName} ${p.value} (${p.type})`,
      state: granted ? 'inSync' : 'drifted',
      expected: `${p.value} ${how}`,
      actual: granted ? 'Granted' : state.sp === null ? 'The enterprise application is missing, so nothing is granted' : 'Not granted (the grant was revoked or removed)',
      ...(granted ? {} : { repair: 'Grant admin consent for it again in your tenant.' }),
    };
  });
}

/** One client tenant that was consented: is everything still granted there? */
export function compareClientConsent(
  tenant: { tenantId: string; name: string | null },
  target: ConsentTarget,
  state: TenantConsentState,
): DriftItem {
  const missing = missingPermissions(target, state);
  const name = tenant.name ?? tenant.tenantId;
  const total = permissionsOf(target).length;
  const inSync = state.sp !== null && missing.length === 0;
  return {
    key: `client:${tenant.tenantId}`,
    kind: 'clientConsent',
    title: `Consent in client tenant ${name}`,
    state: inSync ? 'inSync' : 'drifted',
    expected: `“${target.displayName}” consented with all ${total} permission${total === 1 ? '' : 's'}`,
    actual: inSync
      ? 'Consented'
      : state.sp === null
        ? 'The app’s enterprise application is gone from this tenant (consent removed)'
        : `Missing: ${missing.map((m) => `${m.resourceName} ${m.value} (${m.type})`).join(', ')}`,
    ...(inSync ? {} : { repair: 'Consent again in this tenant (a consent run for this one tenant).' }),
  };
}
