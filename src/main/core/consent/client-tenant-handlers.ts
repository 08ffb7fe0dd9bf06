import type { HandlerSlice } from '../../../shared/contract/handler-types';
import type { ClientTenantService } from './client-tenant-service';
import type { ConsentRunService } from './consent-run-service';

/** The client-tenant list: sources, include/exclude, strategies, history. */
export function clientTenantHandlers(
  service: ClientTenantService,
): HandlerSlice<
  | 'tenants.summary'
  | 'tenants.list'
  | 'tenants.discover'
  | 'tenants.importCsv'
  | 'tenants.addByDomain'
  | 'tenants.setIncluded'
  | 'tenants.setStrategy'
  | 'tenants.history'
> {
  return {
    'tenants.summary': (i) => service.summary(i.workspaceId),
    'tenants.list': (i) => service.list(i.workspaceId, i),
    'tenants.discover': (i) => service.discover(i.workspaceId, i.homeAccountId, i.sources),
    'tenants.importCsv': (i) => service.importCsv(i.workspaceId, i.text, i.fileName),
    'tenants.addByDomain': (i) => service.addByDomain(i.workspaceId, i.domain, i.name),
    'tenants.setIncluded': (i) => ({ changed: service.setIncluded(i.workspaceId, i.selection, i.included) }),
    'tenants.setStrategy': (i) => ({ changed: service.setStrategy(i.workspaceId, i.selection, i.strategy) }),
    'tenants.history': (i) => ({ entries: service.history(i.workspaceId, i.tenantId) }),
  };
}

/** Consent runs over client tenants. */
export function consentRunHandlers(
  service: ConsentRunService,
): HandlerSlice<
  | 'consent.start'
  | 'consent.cancel'
  | 'consent.retryFailed'
  | 'consent.resume'
  | 'consent.run'
  | 'consent.runs'
  | 'consent.consentInBrowser'
  | 'consent.exportLinks'
> {
  return {
    'consent.start': (i) => service.start(i),
    'consent.cancel': (i) => ({ cancelled: service.cancel(i.workspaceId) }),
    'consent.retryFailed': (i) => service.retryFailed(i.workspaceId, i.homeAccountId, i.concurrency),
    'consent.resume': (i) => service.resume(i.workspaceId, i.homeAccountId),
    'consent.run': (i) => service.run(i.workspaceId, i.runId),
    'consent.runs': (i) => service.runs(i.workspaceId, i.limit),
    'consent.consentInBrowser': (i) => service.consentInBrowser(i.workspaceId, i.homeAccountId, i.tenantId),
    'consent.exportLinks': (i) => service.exportLinks(i.workspaceId, i.selection),
  };
}
