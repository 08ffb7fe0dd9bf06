import type { Handler } from '../../http/Router';
import { jsonAnswer } from '../PlatformAnswer';
import type { TenantRecord } from '../platformApiTypes';
import type { PlatformBackend } from '../PlatformBackend';
import { platformOperation } from '../platformOperation';

/** GET /v1/tenants: every client tenant recorded for the organisation, by tenant ID. */
export function listTenantsRoute(backend: PlatformBackend): Handler {
  return platformOperation(backend, 'listTenants', (_req, org) => {
    const value: TenantRecord[] = backend
      .store()
      .listTenants(org.id)
      .map(({ orgId: _orgId, ...record }) => record);
    return jsonAnswer(200, { value });
  });
}
