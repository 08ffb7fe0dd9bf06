import type { ConsentApp, PermissionRef } from '../../../shared/domain/client-tenants';
import type { AppRegistrationSpec } from '../platforms/platform-profile';
import { MICROSOFT_GRAPH_APP_ID, PARTNER_CENTER_APP_ID } from '../platforms/well-known-apps';

/** The app consented in client tenants: the workspace's main app, as its guided setup left it. */
export interface ConsentTarget {
  appId: string;
  displayName: string;
  /** Delegated scopes per resource app (tenant-wide AllPrincipals grants). */
  delegated: { resourceAppId: string; scopes: string[] }[];
  /** Application permissions per resource app (app role assignments). */
  application: { resourceAppId: string; roles: string[] }[];
  partnerCenterAppId: string | null;
}

const RESOURCE_NAMES: Record<string, string> = {
  [MICROSOFT_GRAPH_APP_ID]: 'Microsoft Graph',
  [PARTNER_CENTER_APP_ID]: 'Microsoft Partner Center',
};

export function resourceName(appId: string): string {
  return RESOURCE_NAMES[appId] ?? appId;
}

/** The permissions a target asks, as admins read them. */
export function permissionsOf(target: Pick<ConsentTarget, 'delegated' | 'application'>): PermissionRef[] {
  return [
    ...target.delegated.flatMap((d) =>
      d.scopes.map((value): PermissionRef => ({ resourceAppId: d.resourceAppId, resourceName: resourceName(d.resourceAppId), value, type: 'delegated' })),
    ),
    ...target.application.flatMap((a) =>
      a.roles.map((value): PermissionRef => ({ resourceAppId: a.resourceAppId, resourceName: resourceName(a.resourceAppId), value, type: 'application' })),
    ),
  ];
}

/** The target from the platform's app spec and the app's ID in the partner tenant. */
export function consentTargetOf(spec: AppRegistrationSpec, appId: string, partnerCenterAppId: string | null): ConsentTarget {
  const delegated = [
    ...(spec.graph.delegated.length > 0 ? [{ resourceAppId: MICROSOFT_GRAPH_APP_ID, scopes: [...spec.graph.delegated] }] : []),
    ...spec.otherDelegated.map((o) => ({ resourceAppId: o.resourceAppId, scopes: [...o.scopes] })),
  ];
  const application = spec.graph.application.length > 0 ? [{ resourceAppId: MICROSOFT_GRAPH_APP_ID, roles: [...spec.graph.application] }] : [];
  return { appId, displayName: spec.displayName, delegated, application, partnerCenterAppId };
}

export function consentAppDto(target: ConsentTarget | { notApplicable: string }): ConsentApp {
  if ('notApplicable' in target) {
    return { applicable: false, reason: target.notApplicable, appId: null, displayName: null, permissions: [], partnerCenterAppId: null };
  }
  return {
    applicable: true,
    appId: target.appId,
    displayName: target.displayName,
    permissions: permissionsOf(target),
    partnerCenterAppId: target.partnerCenterAppId,
  };
}
