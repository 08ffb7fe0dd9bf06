import type { Handler } from '../../http/Router';
import { jsonAnswer } from '../PlatformAnswer';
import type { TenantRecord } from '../platformApiTypes';
import type { PlatformBackend } from '../PlatformBackend';
import { platformOperation } from '../platformOperation';
import { platformProblem } from '../platformProblem';
import { decodeTenantCursor, encodeTenantCursor } from '../tenantCursor';

const operationId = 'listTenants';
const defaultLimit = 100;
const maxLimit = 1000;

/** GET /v1/tenants: the organisation's client tenants a page at a time, by tenant ID (keyset paging). */
export function listTenantsRoute(backend: PlatformBackend): Handler {
  return platformOperation(backend, operationId, (req, org) => {
    const limitText = req.query('limit');
    const cursor = req.query('cursor');
    const errors = [
      ...backend.validator.validateParameter(operationId, 'query', 'limit', limitText).errors.map((e) => ({ path: 'query.limit', message: e.message })),
      ...backend.validator.validateParameter(operationId, 'query', 'cursor', cursor).errors.map((e) => ({ path: 'query.cursor', message: e.message })),
    ];
    const limit = limitText === undefined ? defaultLimit : Number(limitText);
    if (errors.length === 0 && (limit < 1 || limit > maxLimit)) errors.push({ path: 'query.limit', message: `must be 1 to ${maxLimit}` });
    if (errors.length > 0) return platformProblem(422, 'validation_failed', 'The page cannot be read as asked.', { errors });
    const after = cursor === undefined ? null : decodeTenantCursor(cursor);
    if (cursor !== undefined && after === null) {
      return platformProblem(400, 'cursor_invalid', 'The cursor is not one this platform issued: start again without a cursor.');
    }
    // One more than asked tells whether another page follows without a second query.
    const rows = backend.store().listTenantsAfter(org.id, after, limit + 1);
    const value: TenantRecord[] = rows.slice(0, limit).map(({ orgId: _orgId, ...record }) => record);
    const last = value.at(-1);
    const nextCursor = rows.length > limit && last ? encodeTenantCursor(last.tenantId) : null;
    return jsonAnswer(200, { value, nextCursor });
  });
}
