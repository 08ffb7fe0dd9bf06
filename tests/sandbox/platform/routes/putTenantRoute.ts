import type { Handler } from '../../http/Router';
import { jsonAnswer } from '../PlatformAnswer';
import type { TenantInput, TenantRecord } from '../platformApiTypes';
import type { PlatformBackend } from '../PlatformBackend';
import { platformOperation } from '../platformOperation';
import { platformProblem } from '../platformProblem';
import { readPlatformJsonBody } from '../readPlatformJsonBody';

const operationId = 'putTenant';

/** PUT /v1/tenants/{tenantId}: create or replace one client tenant's record (omitted optional members are cleared). */
export function putTenantRoute(backend: PlatformBackend): Handler {
  return platformOperation(backend, operationId, async (req, org) => {
    const tenantId = req.params.tenantId ?? '';
    const param = backend.validator.validateParameter(operationId, 'path', 'tenantId', tenantId);
    const read = await readPlatformJsonBody(req);
    if (!read.ok) return read.answer;
    const body = backend.validator.validateRequest(operationId, read.body);
    const errors = [
      ...param.errors.map((e) => ({ path: 'path.tenantId', message: e.message })),
      ...body.errors,
    ];
    if (errors.length > 0) return platformProblem(422, 'validation_failed', 'The tenant record cannot be saved as sent.', { errors });
    const input = read.body as TenantInput;
    const record: TenantRecord = {
      tenantId: tenantId.toLowerCase(),
      enabled: input.enabled,
      consentStatus: input.consentStatus,
      displayName: input.displayName ?? null,
      domain: input.domain?.toLowerCase() ?? null,
      updatedAt: backend.rt.clock.nowIso(),
    };
    backend.store().putTenant({ orgId: org.id, ...record });
    return jsonAnswer(200, record);
  });
}
