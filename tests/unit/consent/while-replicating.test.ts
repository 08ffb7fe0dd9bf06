import { describe, expect, it } from 'vitest';
import { HttpFailure } from '../../../src/main/core/consent/http-client';
import { whileReplicating } from '../../../src/main/core/consent/strategies/while-replicating';

const url = 'https://graph.example/v1.0/servicePrincipals/x/appRoleAssignedTo';
const notYet = () => new HttpFailure(400, { error: { code: 'Request_BadRequest', message: 'Not a valid reference update.' } }, url);

describe('writes naming a service principal created a moment ago', () => {
  it('wait out "Not a valid reference update." until Graph has replicated it', async () => {
    let calls = 0;
    const waits: number[] = [];
    const result = await whileReplicating(
      async () => {
        if (++calls < 3) throw notYet();
        return 'assigned';
      },
      { wait: async (ms) => void waits.push(ms), now: () => 0 },
    );
    expect(result).toBe('assigned');
    expect(waits).toHaveLength(2);
  });

  it('pass other failures straight through, and give up with Microsoft’s answer after the bounded wait', async () => {
    const denied = new HttpFailure(403, { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } }, url);
    let calls = 0;
    await expect(whileReplicating(async () => Promise.reject((calls++, denied)), { wait: async () => undefined })).rejects.toBe(denied);
    expect(calls).toBe(1);
    let t = 0;
    await expect(
      whileReplicating(async () => Promise.reject(notYet()), { maxMs: 1_000, now: () => t, wait: async (ms) => void (t += ms || 1) }),
    ).rejects.toThrow(/Not a valid reference update/);
  });
});
