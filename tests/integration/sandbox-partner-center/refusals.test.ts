import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application, TenantKind } from '../../sandbox/model/directoryTypes';
import { graphAppId } from '../../sandbox/model/wellKnownIds';
import { startPartnerCenterHarness, type PartnerCenterHarness } from './harness';

let h: PartnerCenterHarness;
let app: Application;
let adminToken: string;

beforeAll(async () => {
  h = await startPartnerCenterHarness();
  app = h.cpvApp('CPV Refusals App');
  adminToken = await h.partnerCenterToken('globalAdmin', app);
});
afterAll(() => h.close());

const path = (customerId: string) => `/v1/customers/${customerId}/applicationconsents`;
const body = (applicationId: string, scope = 'User.Read', enterpriseApplicationId = graphAppId) => ({
  applicationId,
  applicationGrants: [{ enterpriseApplicationId, scope }],
});

/** Nothing may have been created in the customer by a refused call. */
function expectNothingCreated(customerId: string): void {
  expect(h.sandbox.state.directory(customerId).findServicePrincipalByAppId(app.appId)).toBeUndefined();
}

describe('applicationconsents refusals (facts §8.1)', () => {
  it('401 without a token, with the Partner Center error body and challenge', async () => {
    const customerId = h.customerId('gdapFull');
    const r = await h.call('POST', path(customerId), { body: body(app.appId) });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ code: '401', data: [], source: 'PartnerFD' });
    expect(r.headers.get('www-authenticate')).toMatch(/^OAuth realm=/);
    expectNothingCreated(customerId);
  });

  it('401 for a token with the wrong audience (a Graph token)', async () => {
    const customerId = h.customerId('gdapFull');
    const r = await h.call('POST', path(customerId), { token: await h.graphTokenInPartner('globalAdmin', app), body: body(app.appId) });
    expect(r.status).toBe(401);
    expect(r.body.description).toContain('audience');
    expectNothingCreated(customerId);
  });

  it('401 for a tampered token', async () => {
    const [head, payload] = adminToken.split('.');
    const r = await h.call('GET', path(h.customerId('gdapFull')), { token: `${head}.${payload}.c2lnbmF0dXJl` });
    expect(r.status).toBe(401);
  });

  it('403 for an app-only token: CPV consent is App+User', async () => {
    const customerId = h.customerId('gdapFull');
    const r = await h.call('POST', path(customerId), { token: await h.partnerCenterAppToken(app), body: body(app.appId) });
    expect(r.status).toBe(403);
    expectNothingCreated(customerId);
  });

  it('403 for a partner user who is not an admin agent', async () => {
    const customerId = h.customerId('gdapFull');
    const r = await h.call('POST', path(customerId), { token: await h.partnerCenterToken('member', app), body: body(app.appId) });
    expect(r.status).toBe(403);
    expect(r.body.description).toContain('admin agent');
    expectNothingCreated(customerId);
  });

  const gdapCases: Array<[TenantKind, string, string]> = [
    ['gdapExpired', '20002', 'expired'],
    ['gdapPending', '20002', 'approvalPending'],
    ['noGdap', '20002', 'no GDAP relationship'],
    ['gdapMissingRoles', '403', 'Application Administrator'],
  ];
  for (const [kind, code, text] of gdapCases) {
    it(`403 for a ${kind} customer`, async () => {
      const customerId = h.customerId(kind);
      const r = await h.call('POST', path(customerId), { token: adminToken, body: body(app.appId) });
      expect(r.status).toBe(403);
      expect(r.body.code).toBe(code);
      expect(r.body.description).toContain(text);
      expectNothingCreated(customerId);
    });
  }

  it('400 when the body applicationId is not the token appid', async () => {
    const customerId = h.customerId('gdapFull');
    const other = h.cpvApp('Someone else');
    const r = await h.call('POST', path(customerId), { token: adminToken, body: body(other.appId) });
    expect(r.status).toBe(400);
    expect(r.body.description).toContain('does not match');
    expect(h.sandbox.state.directory(customerId).findServicePrincipalByAppId(other.appId)).toBeUndefined();
  });

  it('404 for a customer the partner does not have (random GUID, and the partner tenant itself)', async () => {
    const unknown = await h.call('POST', path('00000000-1111-2222-3333-444444444444'), { token: adminToken, body: body(app.appId) });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: '404', source: 'PartnerFD' });
    expect((await h.call('GET', path(h.partnerTenantId), { token: adminToken })).status).toBe(404);
  });

  it('400 for a scope the resource does not have, or an app role instead of a scope', async () => {
    const customerId = h.customerId('gdapFull');
    const unknown = await h.call('POST', path(customerId), { token: adminToken, body: body(app.appId, 'User.Read,Made.Up.Scope') });
    expect(unknown.status).toBe(400);
    expect(unknown.body.description).toContain('Made.Up.Scope');
    // Application.ReadWrite.OwnedBy is a Graph app role with no delegated scope of that name: consent here is delegated only.
    const role = await h.call('POST', path(customerId), { token: adminToken, body: body(app.appId, 'Application.ReadWrite.OwnedBy') });
    expect(role.status).toBe(400);
    expectNothingCreated(customerId);
  });

  it('400 when the resource service principal does not exist in the customer, or the body is malformed', async () => {
    const customerId = h.customerId('gdapFull');
    const noSp = await h.call('POST', path(customerId), { token: adminToken, body: body(app.appId, 'User.Read', '11111111-2222-3333-4444-555555555555') });
    expect(noSp.status).toBe(400);
    expect(noSp.body.description).toContain('does not exist in the customer tenant');
    const malformed = await h.call('POST', path(customerId), { token: adminToken, body: { applicationId: app.appId, applicationGrants: [] } });
    expect(malformed.status).toBe(400);
    expectNothingCreated(customerId);
  });

  it('400 for a single-tenant app', async () => {
    const customerId = h.customerId('gdapFull');
    const single = h.cpvApp('Single tenant', 'AzureADMyOrg');
    const r = await h.call('POST', path(customerId), { token: await h.partnerCenterToken('globalAdmin', single), body: body(single.appId) });
    expect(r.status).toBe(400);
    expect(r.body.description).toContain('multi-tenant');
  });

  it('GET and DELETE apply the same authority checks', async () => {
    const customerId = h.customerId('gdapExpired');
    expect((await h.call('GET', path(customerId), { token: adminToken })).status).toBe(403);
    expect((await h.call('DELETE', `${path(customerId)}/${app.appId}`, { token: adminToken })).status).toBe(403);
    const member = await h.partnerCenterToken('member', app);
    expect((await h.call('GET', path(h.customerId('gdapFull')), { token: member })).status).toBe(403);
  });
});
