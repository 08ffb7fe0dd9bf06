import { describe, expect, it } from 'vitest';
import type { ZodObject, ZodRawShape } from 'zod';
import { platformProfiles } from '../../../src/main/core/platforms/platform-profiles';
import { BVOIP_MTP_REDIRECT_URI, bvoipPartnerPortalProfile } from '../../../src/main/core/platforms/profiles/bvoip-partner-portal';
import { clientOneProfile } from '../../../src/main/core/platforms/profiles/clientone';
import { clmentProfile } from '../../../src/main/core/platforms/profiles/clment';
import { sonicSaasGroupRoles, sonicSaasProfile } from '../../../src/main/core/platforms/profiles/sonicsaas';
import { loadGraphPermissionCatalog } from '../../sandbox/model/graphPermissionCatalog';

const oidcScopes = new Set(['openid', 'profile', 'email', 'offline_access']);

describe('platform profiles', () => {
  it('ask exactly the questions their answer schema validates', () => {
    for (const profile of Object.values(platformProfiles)) {
      const keys = Object.keys((profile.answers as unknown as ZodObject<ZodRawShape>).shape).sort();
      expect(profile.questions.map((q) => q.id).sort(), profile.id).toEqual(keys);
    }
  });

  it('name only Microsoft Graph permissions that exist, in the right scheme (the repository’s trimmed catalogue)', () => {
    const catalogue = loadGraphPermissionCatalog();
    for (const profile of Object.values(platformProfiles)) {
      const answers = profile.answers.parse(sampleAnswers[profile.id]);
      for (const app of profile.apps(answers)) {
        for (const name of app.graph.delegated) {
          if (oidcScopes.has(name)) continue;
          expect(catalogue.scopeByValue.get(name.toLowerCase()), `${profile.id}: delegated ${name}`).toBeDefined();
        }
        for (const name of app.graph.application) {
          expect(catalogue.appRoleByValue.get(name.toLowerCase()), `${profile.id}: application ${name}`).toBeDefined();
        }
      }
    }
  });
});

const sampleAnswers: Record<string, unknown> = {
  clientone: { redirectUri: 'https://panel.example.com/auth-clientone-sso-callback', partnerCenterApp: true, origin: 'https://portal.example.com' },
  'bvoip-partner-portal': { portalRedirectUris: 'https://acme.bvoip.net/users' },
  'bvoip-phone-systems': { purpose: 'resale', domainModel: 'perCustomer', structure: 'nested', phoneSystemName: 'Acme Dental', portalRedirectUris: 'https://acme.bvoip.net/users' },
  sonicsaas: { domain: 'sonic.example.com', bulkInvite: true, groupOverage: true },
  clment: { region: 'eu' },
};

describe('ClientOne / PanelOne', () => {
  it('needs the redirect URI PanelOne shows, ending with auth-clientone-sso-callback', () => {
    const result = clientOneProfile.answers.safeParse({ redirectUri: 'https://panel.example.com/other' });
    expect(result.error?.issues[0]?.message).toMatch(/auth-clientone-sso-callback/);
  });

  it('adds the single-tenant Partner Center app with user_impersonation only when asked', () => {
    const without = clientOneProfile.apps(clientOneProfile.answers.parse({ redirectUri: 'https://p.example.com/auth-clientone-sso-callback' }));
    expect(without.map((a) => a.role)).toEqual(['main']);
    const withPc = clientOneProfile.apps(clientOneProfile.answers.parse(sampleAnswers['clientone']));
    expect(withPc[1]).toMatchObject({
      role: 'partnerCenter',
      signInAudience: 'AzureADMyOrg',
      otherDelegated: [{ resourceAppId: 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd', scopes: ['user_impersonation'] }],
    });
    expect(withPc[0]).toMatchObject({
      signInAudience: 'AzureADMultipleOrgs',
      graph: { delegated: ['openid', 'profile', 'email', 'User.Read'], application: [] },
    });
  });

  it('hands over the Partner Center values and origin only when they exist', () => {
    const keys = (a: unknown) => clientOneProfile.outputs(clientOneProfile.answers.parse(a)).map((o) => o.key);
    expect(keys({ redirectUri: 'https://p.example.com/auth-clientone-sso-callback' })).toEqual(['azureClientId', 'azureClientSecret', 'enabled']);
    expect(keys(sampleAnswers['clientone'])).toEqual([
      'azureClientId',
      'azureClientSecret',
      'partnerTenantId',
      'partnerCenterClientId',
      'partnerCenterClientSecret',
      'origin',
      'enabled',
    ]);
  });

  it('refuses an origin with a path', () => {
    const result = clientOneProfile.answers.safeParse({ redirectUri: 'https://p.example.com/auth-clientone-sso-callback', origin: 'https://x.example.com/login' });
    expect(result.error?.issues[0]?.path).toEqual(['origin']);
  });
});

describe('bvoip partner portal', () => {
  it('turns the pasted MTP list into SPA redirect URIs, mtp.bvoip.net/users first and once', () => {
    const pasted = [BVOIP_MTP_REDIRECT_URI, ...Array.from({ length: 11 }, (_, i) => `https://acme.bvoip.net/path${i}`)].join('\n');
    const [app] = bvoipPartnerPortalProfile.apps(bvoipPartnerPortalProfile.answers.parse({ portalRedirectUris: pasted }));
    expect(app?.redirectUris.spa).toHaveLength(12);
    expect(app?.redirectUris.spa[0]).toBe(BVOIP_MTP_REDIRECT_URI);
    expect(app?.graph).toEqual({ delegated: [], application: ['User.Read.All'] });
    expect(app?.secret).toEqual({ lifetimeMonths: 24 });
  });

  it('builds exactly the app and handover it always has (shared with bvoip phone systems)', () => {
    const a = bvoipPartnerPortalProfile.answers.parse({ portalRedirectUris: 'https://acme.bvoip.net/users\nhttps://mtp.bvoip.net/users' });
    expect(bvoipPartnerPortalProfile.apps(a)).toEqual([
      {
        role: 'main',
        displayName: 'bvoip SSO',
        signInAudience: 'AzureADMultipleOrgs',
        redirectUris: { web: [], spa: ['https://mtp.bvoip.net/users', 'https://acme.bvoip.net/users'], publicClient: [] },
        graph: { delegated: [], application: ['User.Read.All'] },
        otherDelegated: [],
        groupMembershipClaims: null,
        idTokenOptionalClaims: [],
        secret: { lifetimeMonths: 24 },
        adminConsent: true,
        assignmentRequired: false,
      },
    ]);
    expect(bvoipPartnerPortalProfile.outputs(a)).toEqual([
      { key: 'clientId', label: 'Application (client) ID', source: { from: 'app', app: 'main', field: 'clientId' }, secret: false },
      { key: 'tenantId', label: 'Directory (tenant) ID', source: { from: 'partnerTenantId' }, secret: false },
      { key: 'clientSecret', label: 'Client secret', source: { from: 'app', app: 'main', field: 'clientSecret' }, secret: true },
    ]);
    expect(bvoipPartnerPortalProfile.guide.manualSteps).toBe(29);
    expect(bvoipPartnerPortalProfile.checklist).toBeUndefined();
  });

  it('names the bad line of a pasted block', () => {
    const result = bvoipPartnerPortalProfile.answers.safeParse({ portalRedirectUris: 'https://ok.example/a\nhttp://bad.example/b' });
    expect(result.error?.issues[0]?.message).toMatch(/^Line 2 \(http:\/\/bad.example\/b\)/);
  });
});

describe('Clment', () => {
  it('uses the region’s callback, single-tenant unless asked', () => {
    const [eu] = clmentProfile.apps(clmentProfile.answers.parse({ region: 'eu' }));
    expect(eu?.redirectUris.web).toEqual(['https://identity.eu.clment.com/auth/sso/microsoft/callback']);
    expect(eu?.signInAudience).toBe('AzureADMyOrg');
    const [multi] = clmentProfile.apps(clmentProfile.answers.parse({ region: 'au', multiTenant: true, assignmentRequired: true, principals: 'adele@contoso.com' }));
    expect(multi).toMatchObject({ signInAudience: 'AzureADMultipleOrgs', assignmentRequired: true });
  });

  it('asks for a region', () => {
    expect(clmentProfile.answers.safeParse({}).error?.issues[0]?.message).toMatch(/region/);
  });
});

describe('SonicSaaS', () => {
  it('builds the callback from the host name, with group claims and Group.Read.All', () => {
    const [app] = sonicSaasProfile.apps(sonicSaasProfile.answers.parse({ domain: 'Sonic.Example.com' }));
    expect(app).toMatchObject({
      redirectUris: { web: ['https://sonic.example.com/api/auth/callback/microsoft-entra-id'] },
      groupMembershipClaims: 'SecurityGroup',
      idTokenOptionalClaims: ['groups'],
      graph: { delegated: [], application: ['Group.Read.All'] },
    });
  });

  it('adds the optional permissions the guide lists, only when asked', () => {
    const [app] = sonicSaasProfile.apps(sonicSaasProfile.answers.parse(sampleAnswers['sonicsaas']));
    expect(app?.graph).toEqual({ delegated: ['GroupMember.Read.All'], application: ['Group.Read.All', 'User.Read.All', 'GroupMember.Read.All'] });
  });

  it('refuses a URL where a host name belongs', () => {
    expect(sonicSaasProfile.answers.safeParse({ domain: 'https://sonic.example.com' }).success).toBe(false);
  });

  it('writes the four variables of the guide, then what the team enters in SonicSaaS', () => {
    expect(sonicSaasProfile.outputs(sonicSaasProfile.answers.parse({ domain: 'a.example.com' })).map((o) => o.key)).toEqual([
      'MICROSOFT_ENTRA_ID_CLIENT_ID',
      'MICROSOFT_ENTRA_ID_CLIENT_SECRET',
      'AUTH_MODE',
      'ENTRA_DEFAULT_ROLE',
      'teamTenantId',
      'groupMapping.admin',
      'groupMapping.operator',
      'groupMapping.viewer',
      'groupMapping.auditor',
    ]);
  });
});

describe('SonicSaaS part 2 (the MSP team)', () => {
  const parse = (extra: Record<string, unknown>) => sonicSaasProfile.answers.safeParse({ domain: 'sonic.example.com', ...extra });
  const issuesOf = (extra: Record<string, unknown>) => (parse(extra).error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));
  const objectsOf = (extra: Record<string, unknown>) => sonicSaasProfile.directoryObjects!(sonicSaasProfile.answers.parse({ domain: 'sonic.example.com', ...extra }));

  it('creates the guide’s four groups by default, one per role but never owner', () => {
    const { securityGroups } = objectsOf({});
    expect(securityGroups.map((g) => [g.key, g.displayName])).toEqual([
      ['admin', 'SonicSaaS-Admins'],
      ['operator', 'SonicSaaS-Operators'],
      ['viewer', 'SonicSaaS-Viewers'],
      ['auditor', 'SonicSaaS-Auditors'],
    ]);
    expect(securityGroups.every((g) => g.purpose.startsWith(`Members get the SonicSaaS role ${g.key}`))).toBe(true);
    expect(sonicSaasGroupRoles).not.toContain('owner');
    const asked = JSON.stringify(sonicSaasProfile.questions);
    expect(asked).not.toMatch(/ownerPriority|"owner"/);
  });

  it('names the groups from the prefix, and takes a blank prefix or priority as the default', () => {
    expect(objectsOf({ groupPrefix: 'Contoso SSO ' }).securityGroups.map((g) => g.displayName)).toEqual([
      'Contoso SSO Admins',
      'Contoso SSO Operators',
      'Contoso SSO Viewers',
      'Contoso SSO Auditors',
    ]);
    expect(parse({ groupPrefix: '', adminPriority: ' ', viewerPriority: '35' }).data).toMatchObject({
      groupPrefix: 'SonicSaaS-',
      adminPriority: 100,
      operatorPriority: 60,
      viewerPriority: 35,
      auditorPriority: 20,
    });
  });

  it('refuses a prefix Entra or the admin would trip over', () => {
    expect(issuesOf({ groupPrefix: '-Sonic' })[0]).toMatchObject({ path: 'groupPrefix', message: expect.stringMatching(/letter or digit/) });
    expect(issuesOf({ groupPrefix: 'Sonic@SaaS-' })[0]?.path).toBe('groupPrefix');
    expect(issuesOf({ groupPrefix: 'x'.repeat(65) })[0]?.message).toMatch(/64 characters/);
    expect(parse({ groupPrefix: 'Müller IT_' }).success).toBe(true);
  });

  it('takes priorities as whole numbers from 0 to 100, each under its own question', () => {
    for (const bad of ['101', '-1', '50.5', 'high', 1000]) {
      expect(issuesOf({ operatorPriority: bad }), String(bad)).toEqual([{ path: 'operatorPriority', message: 'Enter a whole number from 0 to 100.' }]);
    }
    expect(parse({ adminPriority: '0', operatorPriority: 100, viewerPriority: '50', auditorPriority: ' 7 ' }).success).toBe(true);
  });

  it('wants a different priority for each group, since the highest wins', () => {
    expect(issuesOf({ viewerPriority: '60' })).toEqual([{ path: 'viewerPriority', message: 'The operator group already has priority 60: give each group its own.' }]);
  });

  it('asks only questions the wizard can render, each validated by the answer schema', () => {
    expect(sonicSaasProfile.questions.map((q) => q.kind).every((k) => ['text', 'choice', 'yesNo', 'redirectUris'].includes(k))).toBe(true);
    expect(sonicSaasProfile.questions.map((q) => q.id)).toEqual(
      expect.arrayContaining(['teamGroups', 'groupPrefix', 'adminPriority', 'operatorPriority', 'viewerPriority', 'auditorPriority']),
    );
  });

  it('leaves the groups out when the team does not want them', () => {
    expect(objectsOf({ teamGroups: false }).securityGroups).toEqual([]);
    const keys = sonicSaasProfile.outputs(sonicSaasProfile.answers.parse({ domain: 'a.example.com', teamGroups: false })).map((o) => o.key);
    expect(keys).toContain('teamTenantId');
    expect(keys.filter((k) => k.startsWith('groupMapping.'))).toEqual([]);
  });

  it('requires MFA through Conditional Access only in entra-only mode', () => {
    expect(objectsOf({}).mfaPolicies).toEqual([]);
    expect(objectsOf({ authMode: 'local-only' }).mfaPolicies).toEqual([]);
    expect(objectsOf({ authMode: 'entra-only' }).mfaPolicies).toEqual([
      expect.objectContaining({ key: 'mfa:main', displayName: 'Require MFA for SonicSaaS', app: 'main' }),
    ]);
  });

  it('hands over the tenant ID and each group’s object ID, with its role and priority', () => {
    const outputs = sonicSaasProfile.outputs(sonicSaasProfile.answers.parse({ domain: 'a.example.com', groupPrefix: 'Acme-', auditorPriority: '5' }));
    expect(outputs.find((o) => o.key === 'teamTenantId')).toMatchObject({ source: { from: 'partnerTenantId' }, secret: false });
    expect(outputs.filter((o) => o.source.from === 'group')).toEqual([
      { key: 'groupMapping.admin', label: 'SSO group mapping: Acme-Admins → admin, priority 100', source: { from: 'group', group: 'admin' }, secret: false },
      { key: 'groupMapping.operator', label: 'SSO group mapping: Acme-Operators → operator, priority 60', source: { from: 'group', group: 'operator' }, secret: false },
      { key: 'groupMapping.viewer', label: 'SSO group mapping: Acme-Viewers → viewer, priority 30', source: { from: 'group', group: 'viewer' }, secret: false },
      { key: 'groupMapping.auditor', label: 'SSO group mapping: Acme-Auditors → auditor, priority 5', source: { from: 'group', group: 'auditor' }, secret: false },
    ]);
  });
});
