import { describe, expect, it } from 'vitest';
import { classifyRequest } from '../../../src/main/core/activity/classify-request';
import { describeRequest } from '../../../src/main/core/activity/describe-request';
import { describeEvent } from '../../../src/main/core/activity/describe-event';
import { actorFromAuthorization } from '../../../src/main/core/activity/token-actor';
import { publicCloud, usGovernmentDodCloud } from '../../../src/main/core/clouds/cloud-profile';

const at = (href: string, cloud: Parameters<typeof classifyRequest>[1] = publicCloud) => classifyRequest(new URL(href), cloud);

describe('which service a request goes to', () => {
  it('tells Graph, Partner Center and a platform apart, and leaves Entra’s sign-in endpoints out', () => {
    expect(at('https://graph.microsoft.com/v1.0/applications/a1/addPassword?x=1')).toEqual({ service: 'graph', path: '/applications/a1/addPassword' });
    expect(at('https://graph.microsoft.com/beta/groups')).toEqual({ service: 'graph', path: '/groups' });
    expect(at('https://dod-graph.microsoft.us/v1.0/groups', usGovernmentDodCloud)).toEqual({ service: 'graph', path: '/groups' });
    expect(at('https://api.partnercenter.microsoft.com/v1/customers/c1/applicationconsents')).toEqual({ service: 'partnerCenter', path: '/v1/customers/c1/applicationconsents' });
    expect(at('https://login.microsoftonline.com/organizations/oauth2/v2.0/token')).toBeUndefined();
    expect(at('https://login.microsoftonline.com/t1/v2.0/.well-known/openid-configuration')).toBeUndefined();
    expect(at('https://app.acme.example/api/v1/sso-configuration')).toEqual({ service: 'platform', path: '/api/v1/sso-configuration' });
  });

  it('decides by path where sign-in, Graph, Partner Center and the platform share one host (the local sandbox)', () => {
    const shared = { authorityHost: 'https://127.0.0.1:8443', graphBaseUrl: 'https://127.0.0.1:8443/graph/v1.0', partnerCenterBaseUrl: 'https://127.0.0.1:8443/partnercenter' };
    expect(at('https://127.0.0.1:8443/graph/v1.0/servicePrincipals', shared)).toEqual({ service: 'graph', path: '/servicePrincipals' });
    expect(at('https://127.0.0.1:8443/partnercenter/v1/customers/c/applicationconsents', shared)?.service).toBe('partnerCenter');
    expect(at('https://127.0.0.1:8443/t1/oauth2/v2.0/token', shared)).toBeUndefined();
    expect(at('https://127.0.0.1:8443/platform/v1/tenants/batch', shared)).toEqual({ service: 'platform', path: '/platform/v1/tenants/batch' });
  });
});

describe('what a request did, in words', () => {
  it('names the writes setup, consent and delivery make', () => {
    expect(describeRequest('graph', 'PATCH', "/applications(uniqueName='entra-onboard-w1-main')", { 'sent.displayName': 'PanelOne' })).toBe('Create or update app registration "PanelOne"');
    expect(describeRequest('graph', 'POST', '/applications/a1/removePassword', { 'sent.keyId': 'k1' })).toBe('Remove client secret k1 from app a1');
    expect(describeRequest('graph', 'PATCH', '/servicePrincipals/sp1', { 'sent.appRoleAssignmentRequired': true })).toBe('Require assignment for enterprise app sp1');
    expect(describeRequest('graph', 'POST', '/identity/conditionalAccess/policies', { 'sent.displayName': 'Require MFA for SonicSaaS' })).toBe(
      'Create Conditional Access policy "Require MFA for SonicSaaS"',
    );
    expect(describeRequest('platform', 'POST', '/platform/v1/tenants/batch', { 'sent.tenants.count': 500 })).toBe('Enable 500 client tenants on the platform');
    expect(describeRequest('partnerCenter', 'DELETE', '/v1/customers/c1/applicationconsents/app1', {})).toBe('Remove consent of app app1 in client tenant c1 (Partner Center CPV)');
    // Anything new still says what and where.
    expect(describeRequest('graph', 'POST', '/users', {})).toBe('Create or call /users in Microsoft Entra');
  });

  it('keeps only whitelisted details of an admin action', () => {
    expect(describeEvent('secret.revealed', { role: 'main', keyId: 'k1', hint: 'abc', value: 'never' })).toEqual({
      what: 'Read the app’s client secret k1 from the vault',
      result: 'succeeded',
      detail: { role: 'main', keyId: 'k1' },
    });
    expect(describeEvent('platform.push-failed', { pushId: 'p1', code: 'PLATFORM_UNAVAILABLE' })).toMatchObject({ result: 'failed', what: 'Push to the platform failed (PLATFORM_UNAVAILABLE)' });
  });
});

describe('who a token speaks for', () => {
  const jwt = (claims: object) => `Bearer e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
  it('reads the user from a v2.0 or v1.0 token, the app from an app-only token, and nothing from an opaque one', () => {
    expect(actorFromAuthorization(jwt({ preferred_username: 'a@contoso.com', oid: 'o', tid: 't' }))).toEqual({ who: 'a@contoso.com', oid: 'o', tid: 't' });
    expect(actorFromAuthorization(jwt({ upn: 'b@contoso.com', oid: 'o' }))).toEqual({ who: 'b@contoso.com', oid: 'o', tid: null });
    expect(actorFromAuthorization(jwt({ appid: 'app1', idtyp: 'app', tid: 't' }))).toEqual({ who: 'app app1', oid: null, tid: 't' });
    expect(actorFromAuthorization('Bearer plat_0123456789')).toBeUndefined();
    expect(actorFromAuthorization('Bearer a.!!!.c')).toBeUndefined();
    expect(actorFromAuthorization(undefined)).toBeUndefined();
  });
});
