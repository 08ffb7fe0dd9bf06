import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors/app-error';
import { addSecretWithinPolicy } from '../../../src/main/core/onboarding/steps/add-secret-within-policy';
import { startGraphHarness, type GraphHarness } from '../sandbox-graph/harness';

let h: GraphHarness;
let admin: Client;
beforeAll(async () => {
  h = await startGraphHarness();
  admin = h.client(await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['Application.ReadWrite.All'] }));
});
afterAll(() => h.close());

const DAY = 24 * 3600 * 1000;

describe('a client secret within the tenant’s app management policy', () => {
  it('the sandbox refuses a secret longer than the policy allows, as Graph does (CredentialInvalidLifetimeAsPerAppPolicy)', async () => {
    h.sandbox.patchSettings({ tenantPolicies: { [h.partnerTenantId]: { appManagementPolicy: { passwordLifetimeDays: 180 } } } });
    try {
      const app = await admin.api('/applications').post({ displayName: 'Policy App' });
      const end = new Date(Date.now() + 365 * DAY).toISOString();
      const r = await h.call('POST', `/applications/${app.id}/addPassword`, {
        token: await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['Application.ReadWrite.All'] }),
        body: { passwordCredential: { endDateTime: end } },
      });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'CredentialInvalidLifetimeAsPerAppPolicy', details: [{ code: 'InvalidKeyEndDate', target: 'EndDate' }] });
      expect(r.body.error.message).toMatch(/^Credential lifetime exceeds the max value allowed as per assigned policy '/);
    } finally {
      h.sandbox.patchSettings({ tenantPolicies: {} });
    }
  });

  it('the product creates one secret, for the longest lifetime the policy allows, and says why', async () => {
    h.sandbox.patchSettings({ tenantPolicies: { [h.partnerTenantId]: { appManagementPolicy: { passwordLifetimeDays: 180 } } } });
    try {
      const app = await admin.api('/applications').post({ displayName: 'Policy App 2' });
      const said: string[] = [];
      const start = new Date(h.sandbox.clock.now());
      const secret = await addSecretWithinPolicy(admin, app.id, 'Entra Onboard', start, 24, (m) => said.push(m));
      expect(Date.parse(secret.endDateTime) - start.getTime()).toBe(180 * DAY);
      expect(said.join(' ')).toContain('app management policy limits how long a client secret may last');
      const live = await admin.api(`/applications/${app.id}`).get();
      expect(live.passwordCredentials).toHaveLength(1);
    } finally {
      h.sandbox.patchSettings({ tenantPolicies: {} });
    }
  });

  it('stops with the cause and the fix when the policy forbids client secrets', async () => {
    h.sandbox.patchSettings({ tenantPolicies: { [h.partnerTenantId]: { appManagementPolicy: { passwordAddition: true } } } });
    try {
      const app = await admin.api('/applications').post({ displayName: 'Policy App 3' });
      const error = await addSecretWithinPolicy(admin, app.id, 'Entra Onboard', new Date(), 24, () => {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toContain('does not allow client secrets');
      expect((error as AppError).fix).toContain('App management policies');
    } finally {
      h.sandbox.patchSettings({ tenantPolicies: {} });
    }
  });
});
