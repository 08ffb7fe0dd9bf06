import { describe, expect, it } from 'vitest';
import { compareApp } from '../../../src/main/core/drift/compare-app';
import { compareAdminConsent, compareClientConsent } from '../../../src/main/core/drift/compare-consent';
import { comparePlatform } from '../../../src/main/core/drift/compare-platform';
import { compareSecret } from '../../../src/main/core/drift/compare-secret';
import { compareServicePrincipal } from '../../../src/main/core/drift/compare-service-principal';
import { groupOfKey } from '../../../src/main/core/drift/read-workspace-drift';
import { consentTargetOf } from '../../../src/main/core/consent/consent-target';
import type { TenantConsentState } from '../../../src/main/core/consent/read-tenant-consent';
import type { GraphApplication } from '../../../src/main/core/graph/ops/graph-types';
import type { ManagedSecret } from '../../../src/main/core/onboarding/managed-app-repository';
import type { ResolvedPermission } from '../../../src/main/core/onboarding/resource-catalog';
import type { DeliverableConfiguration } from '../../../src/main/core/platforms/delivery/desired-configuration';
import type { SsoConfiguration } from '../../../src/main/core/platforms/delivery/platform-api-types';
import type { AppRegistrationSpec } from '../../../src/main/core/platforms/platform-profile';

const GRAPH = '00000003-0000-0000-c000-000000000000';
const CALLBACK = 'https://identity.eu.clment.com/auth/sso/microsoft/callback';

const spec: AppRegistrationSpec = {
  role: 'main',
  displayName: 'Clment',
  signInAudience: 'AzureADMultipleOrgs',
  redirectUris: { web: [CALLBACK], spa: [], publicClient: [] },
  graph: { delegated: ['User.Read'], application: ['User.Read.All'] },
  otherDelegated: [],
  groupMembershipClaims: null,
  idTokenOptionalClaims: [],
  secret: { lifetimeMonths: 24 },
  adminConsent: true,
  assignmentRequired: true,
};

const userRead: ResolvedPermission = { resourceAppId: GRAPH, resourceSpId: 'graph-sp', name: 'User.Read', id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' };
const userReadAll: ResolvedPermission = { resourceAppId: GRAPH, resourceSpId: 'graph-sp', name: 'User.Read.All', id: 'df021288-bdef-4463-88db-98f22de89214', type: 'Role' };

function app(over: Partial<GraphApplication> = {}): GraphApplication {
  return {
    id: 'obj-1',
    appId: 'app-1',
    displayName: 'Clment',
    signInAudience: 'AzureADMultipleOrgs',
    web: { redirectUris: [CALLBACK, 'https://extra.example/by-hand'] },
    spa: { redirectUris: [] },
    publicClient: { redirectUris: [] },
    requiredResourceAccess: [{ resourceAppId: GRAPH, resourceAccess: [{ id: userRead.id, type: 'Scope' }, { id: userReadAll.id, type: 'Role' }] }],
    passwordCredentials: [{ keyId: 'key-1', hint: 'abc', startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2028-01-01T00:00:00Z' }],
    ...over,
  };
}

const byKey = <T extends { key: string }>(items: T[], key: string) => {
  const found = items.find((i) => i.key === key);
  if (!found) throw new Error(`no item ${key} in ${items.map((i) => i.key).join(', ')}`);
  return found;
};

describe('redirect URIs and required permissions', () => {
  it('are in sync when the app has them, whatever else the admin added', () => {
    const items = compareApp(app(), spec, [userRead, userReadAll]);
    expect(items.map((i) => [i.kind, i.state])).toEqual([
      ['redirectUri', 'inSync'],
      ['permission', 'inSync'],
      ['permission', 'inSync'],
    ]);
  });

  it('a removed redirect URI is drifted, with what was expected and what is there', () => {
    const items = compareApp(app({ web: { redirectUris: ['https://extra.example/by-hand'] } }), spec, [userRead]);
    const item = byKey(items, `main:redirect:web:${CALLBACK}`);
    expect(item).toMatchObject({ kind: 'redirectUri', state: 'drifted', expected: `${CALLBACK} is a Web redirect URI`, actual: 'Missing (1 Web redirect URI on the app)' });
    expect(item.repair).toMatch(/Add the redirect URI back/);
  });

  it('a removed permission is drifted; the same GUID with the other type does not count', () => {
    const items = compareApp(app({ requiredResourceAccess: [{ resourceAppId: GRAPH, resourceAccess: [{ id: userRead.id, type: 'Role' }] }] }), spec, [userRead]);
    expect(byKey(items, `main:permission:Scope:${GRAPH}:User.Read`)).toMatchObject({ state: 'drifted', actual: 'Not listed any more' });
  });
});

describe('admin consent in the partner tenant', () => {
  const target = consentTargetOf(spec, 'app-1', null);
  const resources = new Map([[GRAPH, { id: 'graph-sp', appId: GRAPH }]]);
  const state = (over: Partial<TenantConsentState> = {}): TenantConsentState => ({
    sp: { id: 'sp-1' },
    resources,
    grants: new Map([[GRAPH, { id: 'g1', scopes: ['openid', 'User.Read'] }]]),
    roles: new Map([[GRAPH, ['User.Read.All']]]),
    ...over,
  });

  it('is in sync when the grant has every scope and every app role is assigned', () => {
    expect(compareAdminConsent('main', target, state()).map((i) => [i.key, i.state])).toEqual([
      [`main:consent:delegated:${GRAPH}:User.Read`, 'inSync'],
      [`main:consent:application:${GRAPH}:User.Read.All`, 'inSync'],
    ]);
  });

  it('a deleted grant drifts the delegated permission, a removed app role assignment the application one', () => {
    const items = compareAdminConsent('main', target, state({ grants: new Map(), roles: new Map([[GRAPH, []]]) }));
    expect(items.map((i) => i.state)).toEqual(['drifted', 'drifted']);
    expect(items[0]).toMatchObject({ expected: 'User.Read granted for everyone in your tenant', actual: 'Not granted (the grant was revoked or removed)' });
    expect(items[1]?.expected).toBe('User.Read.All granted (app role assigned)');
  });

  it('without the enterprise application nothing is granted', () => {
    const items = compareAdminConsent('main', target, state({ sp: null, grants: new Map(), roles: new Map() }));
    expect(items.every((i) => i.state === 'drifted' && /enterprise application is missing/.test(i.actual))).toBe(true);
  });
});

describe('consent in a client tenant', () => {
  const target = consentTargetOf(spec, 'app-1', null);
  const tenant = { tenantId: 'c1', name: 'Fabrikam' };
  const base: TenantConsentState = {
    sp: { id: 'sp-c1' },
    resources: new Map([[GRAPH, { id: 'graph-c1', appId: GRAPH }]]),
    grants: new Map([[GRAPH, { id: 'g', scopes: ['User.Read'] }]]),
    roles: new Map([[GRAPH, ['User.Read.All']]]),
  };

  it('is in sync when the tenant still grants everything', () => {
    expect(compareClientConsent(tenant, target, base)).toMatchObject({ key: 'client:c1', kind: 'clientConsent', state: 'inSync', actual: 'Consented' });
  });

  it('names what the tenant no longer grants', () => {
    const item = compareClientConsent(tenant, target, { ...base, roles: new Map([[GRAPH, []]]) });
    expect(item).toMatchObject({ state: 'drifted', actual: 'Missing: Microsoft Graph User.Read.All (application)' });
    expect(item.title).toBe('Consent in client tenant Fabrikam');
  });

  it('a removed enterprise application is drifted', () => {
    expect(compareClientConsent(tenant, target, { ...base, sp: null }).actual).toMatch(/enterprise application is gone/);
  });
});

describe('the client secret', () => {
  const now = new Date('2027-01-01T00:00:00Z');
  const held: ManagedSecret = { role: 'main', keyId: 'key-1', hint: 'abc', startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2028-01-01T00:00:00Z', vaultRef: 'v' };
  const live = app().passwordCredentials;

  it('is in sync when the vault’s keyId is on the app, valid, and its value is in the vault', () => {
    expect(compareSecret('main', 'Clment', held, true, live, now)).toMatchObject({ state: 'inSync', actual: 'On the app, valid until 2028-01-01' });
  });

  it('is drifted when removed in Entra, expired, missing from the vault, or never held', () => {
    expect(compareSecret('main', 'Clment', held, true, [], now).actual).toBe('Removed from the app registration in Entra');
    expect(compareSecret('main', 'Clment', held, true, [{ ...live[0]!, keyId: 'someone-elses' }], now).actual).toMatch(/1 other secret, not held/);
    expect(compareSecret('main', 'Clment', held, true, [{ ...live[0]!, endDateTime: '2026-12-01T00:00:00Z' }], now).actual).toBe('Expired on 2026-12-01');
    expect(compareSecret('main', 'Clment', held, false, live, now).actual).toMatch(/no longer in this computer’s vault/);
    expect(compareSecret('main', 'Clment', undefined, false, live, now)).toMatchObject({ state: 'drifted', actual: 'None held' });
  });
});

describe('the enterprise application', () => {
  const sp = { id: 'sp-1', appId: 'app-1', accountEnabled: true, appRoleAssignmentRequired: true };

  it('enabled, with assignment required, is in sync', () => {
    expect(compareServicePrincipal(spec, sp).map((i) => [i.kind, i.state])).toEqual([
      ['servicePrincipal', 'inSync'],
      ['assignmentRequired', 'inSync'],
    ]);
  });

  it('disabled is drifted; assignment no longer required is drifted', () => {
    const [enabled, assignment] = compareServicePrincipal(spec, { ...sp, accountEnabled: false, appRoleAssignmentRequired: false });
    expect(enabled).toMatchObject({ state: 'drifted', expected: 'Enabled for users to sign in', actual: 'Disabled: nobody can sign in to the platform with Microsoft' });
    expect(assignment).toMatchObject({ state: 'drifted', actual: 'Not required: anyone in your tenant can sign in' });
  });

  it('deleted is drifted; assignment is not compared when setup did not require it', () => {
    expect(compareServicePrincipal({ ...spec, assignmentRequired: false }, undefined)).toEqual([
      expect.objectContaining({ key: 'main:sp-enabled', state: 'drifted', actual: 'Deleted (no enterprise application for the app)' }),
    ]);
  });
});

describe('the platform’s configuration', () => {
  const desired: DeliverableConfiguration = {
    tenantId: 'tenant-1',
    clientId: 'app-1',
    secret: { value: 'never-shown', hint: 'abc', expiresAt: '2028-01-01T00:00:00Z' },
    partnerCenter: null,
    origin: null,
    enabled: true,
    authMode: null,
  };
  const current: SsoConfiguration = {
    tenantId: 'tenant-1',
    clientId: 'app-1',
    clientSecret: { set: true, hint: 'abc', expiresAt: '2028-01-01T00:00:00Z' },
    partnerCenter: null,
    origin: null,
    enabled: true,
    authMode: null,
    updatedAt: '2026-01-01T00:00:00Z',
    version: 3,
  };

  it('is in sync field by field when the platform holds what was handed over', () => {
    expect(comparePlatform(current, desired).map((i) => [i.key, i.state])).toEqual([
      ['platform:tenant-id', 'inSync'],
      ['platform:client-id', 'inSync'],
      ['platform:client-secret', 'inSync'],
    ]);
  });

  it('a changed client ID, an older secret and a disabled configuration are drifted, and no secret value is shown', () => {
    const items = comparePlatform({ ...current, clientId: 'other-app', clientSecret: { set: true, hint: 'old', expiresAt: null }, enabled: false }, desired);
    expect(byKey(items, 'platform:client-id')).toMatchObject({ state: 'drifted', expected: 'app-1', actual: 'other-app' });
    expect(byKey(items, 'platform:client-secret')).toMatchObject({ state: 'drifted', expected: 'secret abc…', actual: 'secret old… (of the previous client ID)' });
    expect(byKey(items, 'platform:enabled')).toMatchObject({ state: 'drifted', expected: 'true', actual: 'false' });
    expect(JSON.stringify(items)).not.toContain('never-shown');
  });

  it('nothing on the platform is drifted everywhere', () => {
    expect(comparePlatform(undefined, desired).every((i) => i.state === 'drifted')).toBe(true);
  });
});

describe('item keys name the part a repair re-reads', () => {
  it.each([
    [`main:redirect:web:${CALLBACK}`, { kind: 'app', role: 'main' }],
    [`partnerCenter:permission:Scope:x:user_impersonation`, { kind: 'app', role: 'partnerCenter' }],
    ['main:secret', { kind: 'secret', role: 'main' }],
    ['main:sp-enabled', { kind: 'servicePrincipal', role: 'main' }],
    ['main:assignment-required', { kind: 'servicePrincipal', role: 'main' }],
    [`main:consent:delegated:${GRAPH}:User.Read`, { kind: 'adminConsent', role: 'main' }],
    ['platform:client-id', { kind: 'platform' }],
    ['client:0f6b3c5e-0000-4000-8000-000000000001', { kind: 'client', tenantId: '0f6b3c5e-0000-4000-8000-000000000001' }],
  ])('%s', (key, group) => {
    expect(groupOfKey(key)).toEqual(group);
  });

  it('an unknown key has no group', () => {
    expect(groupOfKey('nonsense:thing')).toBeUndefined();
  });
});
