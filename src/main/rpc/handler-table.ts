import type { HandlerTable } from '../../shared/contract/handler-types';
import type { Core } from '../core/create-core';
import { activityHandlers } from '../core/activity/activity-handlers';
import { authHandlers } from '../core/auth/auth-handlers';
import { clientTenantHandlers, consentRunHandlers } from '../core/consent/client-tenant-handlers';
import { dashboardHandlers } from '../core/dashboard/dashboard-handlers';
import { consentHandlers } from '../core/onboarding/consent-handlers';
import { onboardingHandlers } from '../core/onboarding/onboarding-handlers';
import { offlineHandlers } from '../core/offline/offline-handlers';
import { deliveryHandlers } from '../core/platforms/delivery/delivery-handlers';
import { driftHandlers } from '../core/drift/drift-handlers';
import { secretHandlers } from '../core/secrets/secret-handlers';
import { workspaceHandlers } from '../core/workspaces/workspace-handlers';

export type CoreServices = Core['services'];

/** Joins the handler slices declared next to each domain into the one table both hosts serve. */
export function createHandlerTable(services: CoreServices): HandlerTable {
  return {
    'app.info': () => services.appInfo(),
    ...workspaceHandlers(services.workspaces),
    ...authHandlers(services.auth, services.preflight),
    ...onboardingHandlers(services.onboarding),
    ...consentHandlers(services.browserConsent),
    ...deliveryHandlers(services.delivery, services.envFiles),
    ...clientTenantHandlers(services.clientTenants),
    ...consentRunHandlers(services.consentRuns),
    ...activityHandlers(services.activity),
    ...dashboardHandlers(services.dashboard),
    ...offlineHandlers(services.refresh, services.connectivity, services.connectivityMonitor),
    ...driftHandlers(services.drift),
    ...secretHandlers(services.secrets),
  };
}
