import type { Handler } from '../../http/Router';
import type { ValidationIssue } from '../loadPlatformApiValidator';
import { jsonAnswer } from '../PlatformAnswer';
import type { TenantBatchItemResult, TenantInput, TenantRecord } from '../platformApiTypes';
import type { PlatformBackend } from '../PlatformBackend';
import { platformOperation } from '../platformOperation';
import { platformProblem } from '../platformProblem';
import { readPlatformJsonBody } from '../readPlatformJsonBody';

const operationId = 'putTenantsBatch';
const guid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const itemPath = /^\/tenants\/(\d+)(\/.*)?$/;

/** The item's tenant ID as the result names it: lower case when it is a GUID, as sent otherwise, null when missing. */
function tenantIdOf(item: unknown): string | null {
  const id = typeof item === 'object' && item !== null ? (item as { tenantId?: unknown }).tenantId : undefined;
  if (typeof id !== 'string') return null;
  return guid.test(id) ? id.toLowerCase() : id;
}

/**
 * POST /v1/tenants/batch: up to 500 tenant records in one request. The envelope is checked as a whole; each item
 * on its own, so one bad item gets its own 422 result and the others are saved (docs/platform-api.yaml).
 */
export function putTenantsBatchRoute(backend: PlatformBackend): Handler {
  return platformOperation(backend, operationId, async (req, org) => {
    const read = await readPlatformJsonBody(req);
    if (!read.ok) return read.answer;
    const check = backend.validator.validateRequest(operationId, read.body);
    const envelope: ValidationIssue[] = [];
    const perItem = new Map<number, ValidationIssue[]>();
    for (const e of check.errors) {
      const m = itemPath.exec(e.path);
      if (!m) {
        envelope.push(e);
        continue;
      }
      const index = Number(m[1]);
      perItem.set(index, [...(perItem.get(index) ?? []), { path: m[2] ?? '', message: e.message }]);
    }
    if (envelope.length > 0) return platformProblem(422, 'validation_failed', 'The batch cannot be read as sent.', { errors: envelope });

    const items = (read.body as { tenants: unknown[] }).tenants;
    const firstIndex = new Map<string, number>();
    const duplicates: ValidationIssue[] = [];
    items.forEach((item, index) => {
      const id = tenantIdOf(item);
      if (id === null || !guid.test(id)) return;
      const seen = firstIndex.get(id);
      if (seen === undefined) firstIndex.set(id, index);
      else duplicates.push({ path: `/tenants/${index}/tenantId`, message: `names the same tenant as /tenants/${seen}/tenantId` });
    });
    if (duplicates.length > 0) {
      return platformProblem(422, 'validation_failed', 'The batch names a tenant more than once; send each tenant once.', { errors: duplicates });
    }

    const now = backend.rt.clock.nowIso();
    const saved: TenantRecord[] = [];
    const results: TenantBatchItemResult[] = items.map((item, index) => {
      const errors = perItem.get(index);
      if (errors) {
        return { index, tenantId: tenantIdOf(item), status: 422, tenant: null, error: { code: 'validation_failed', detail: 'This tenant’s record cannot be saved as sent.', errors } };
      }
      const input = item as TenantInput & { tenantId: string };
      const record: TenantRecord = {
        tenantId: input.tenantId.toLowerCase(),
        enabled: input.enabled,
        consentStatus: input.consentStatus,
        displayName: input.displayName ?? null,
        domain: input.domain?.toLowerCase() ?? null,
        updatedAt: now,
      };
      saved.push(record);
      return { index, tenantId: record.tenantId, status: 200, tenant: record, error: null };
    });
    backend.store().putTenants(saved.map((record) => ({ orgId: org.id, ...record })));
    return jsonAnswer(200, { results });
  });
}
