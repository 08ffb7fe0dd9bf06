import { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { isReplicationDelay } from '../../../src/main/core/graph/ops/graph-error-info';

function graphError(status: number, code: string, message: string): GraphError {
  const e = new GraphError(status, message);
  e.code = code;
  return e;
}

describe('isReplicationDelay (facts §4.2)', () => {
  it('waits out every form Microsoft uses while a new object replicates', () => {
    // Azure/azure-cli#28009, hashicorp/terraform-provider-azuread#992
    expect(isReplicationDelay(graphError(403, 'Authorization_RequestDenied', 'When using this permission, the backing application of the service principal being created must in the local tenant'))).toBe(true);
    // microsoftgraph/microsoft-graph-docs#20133; the azuread provider retries this on appRoleAssignedTo
    expect(isReplicationDelay(graphError(400, 'Request_BadRequest', 'Not a valid reference update.'))).toBe(true);
    expect(isReplicationDelay(graphError(400, 'Request_BadRequest', "The appId 'x' of the service principal does not reference a valid application object."))).toBe(true);
    expect(isReplicationDelay(graphError(404, 'Directory_ObjectNotFound', "Resource 'x' does not exist or one of its queried reference-property objects are not present."))).toBe(true);
  });

  it('does not mistake a missing role or a bad request for replication', () => {
    expect(isReplicationDelay(graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'))).toBe(false);
    expect(isReplicationDelay(graphError(400, 'Request_BadRequest', 'Permission being assigned already exists on the object'))).toBe(false);
  });
});
