import { describe, expect, it } from 'vitest';
import { BVOIP_MTP_REDIRECT_URI, bvoipPartnerPortalProfile } from '../../../src/main/core/platforms/profiles/bvoip-partner-portal';
import { FLAT_PER_CUSTOMER_MESSAGE, bvoipPhoneSystemsProfile, pathOf } from '../../../src/main/core/platforms/profiles/bvoip-phone-systems';

const profile = bvoipPhoneSystemsProfile;
const pasted = ['https://contosomsp.bvoip.net/users', 'https://contosomsp.bvoip.net/sso/webclient', BVOIP_MTP_REDIRECT_URI].join('\n');
const base = { phoneSystemName: 'Acme Dental', portalRedirectUris: pasted };
const internal = { ...base, purpose: 'internal' };
const whiteLabel = { ...base, purpose: 'resale', domainModel: 'whiteLabel' };
const nested = { ...base, purpose: 'resale', domainModel: 'perCustomer', structure: 'nested' };
const flat = { ...base, purpose: 'resale', domainModel: 'perCustomer', structure: 'flat' };

const issuesOf = (answers: Record<string, unknown>) =>
  (profile.answers.safeParse(answers).error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('bvoip phone systems: the decision tree', () => {
  it('asks the guide’s three questions as choices with a default, then the phone system and the redirect URIs', () => {
    expect(profile.questions.map((q) => [q.id, q.kind])).toEqual([
      ['purpose', 'choice'],
      ['domainModel', 'choice'],
      ['structure', 'choice'],
      ['phoneSystemName', 'text'],
      ['portalRedirectUris', 'redirectUris'],
    ]);
    for (const q of profile.questions) if (q.kind === 'choice' || q.kind === 'yesNo') expect(q.default, q.id).toBeDefined();
    const options = Object.fromEntries(profile.questions.flatMap((q) => (q.kind === 'choice' ? [[q.id, q.options.map((o) => o.value)]] : [])));
    expect(options).toEqual({ purpose: ['internal', 'resale'], domainModel: ['whiteLabel', 'perCustomer'], structure: ['nested', 'flat'] });
  });

  it('takes each working path to its branch', () => {
    expect(pathOf(profile.answers.parse(internal))).toBe('internal');
    expect(pathOf(profile.answers.parse(whiteLabel))).toBe('whiteLabel');
    expect(pathOf(profile.answers.parse(nested))).toBe('nested');
  });

  it('for internal use, accepts the resale questions absent, or answered and ignored (even flat per customer)', () => {
    expect(profile.answers.safeParse({ purpose: 'internal', phoneSystemName: 'HQ' }).success).toBe(true);
    const ignored = profile.answers.parse({ ...internal, domainModel: 'perCustomer', structure: 'flat' });
    expect(pathOf(ignored)).toBe('internal');
    expect(pathOf(profile.answers.parse({ ...whiteLabel, structure: 'flat' }))).toBe('whiteLabel');
  });

  it('stops at the guide’s dead end, resale with a domain per customer and a flat structure, on the structure question', () => {
    expect(issuesOf(flat)).toEqual([{ path: 'structure', message: FLAT_PER_CUSTOMER_MESSAGE }]);
    expect(FLAT_PER_CUSTOMER_MESSAGE).toContain(
      '“your customers would need to be moved to the nested structure to support individual custom domains per client”',
    );
    expect(FLAT_PER_CUSTOMER_MESSAGE).toMatch(/support ticket/);
    expect(FLAT_PER_CUSTOMER_MESSAGE).toMatch(/choose Nested/);
  });

  it('needs the phone system’s name, and names the bad line of a pasted block', () => {
    expect(issuesOf({ ...internal, phoneSystemName: '   ' })).toEqual([{ path: 'phoneSystemName', message: 'Name the phone system this workspace is for.' }]);
    expect(issuesOf({ purpose: 'internal' })[0]?.path).toBe('phoneSystemName');
    expect(issuesOf({ ...internal, portalRedirectUris: 'https://ok.example/a\nhttp://bad.example/b' })[0]).toMatchObject({
      path: 'portalRedirectUris',
      message: expect.stringMatching(/^Line 2 \(http:\/\/bad.example\/b\)/),
    });
  });

  it('refuses an answer that is none of the options', () => {
    expect(issuesOf({ ...base, purpose: 'both' })[0]).toEqual({ path: 'purpose', message: 'Choose internal use or resale.' });
  });
});

describe('bvoip phone systems: the app', () => {
  const appFor = (answers: Record<string, unknown>) => {
    const apps = profile.apps(profile.answers.parse(answers));
    expect(apps).toHaveLength(1);
    return apps[0]!;
  };
  const partnerApp = bvoipPartnerPortalProfile.apps(bvoipPartnerPortalProfile.answers.parse({ portalRedirectUris: pasted }))[0]!;

  it('is the partner portal’s app, named "bvoip SSO", for internal use and one white-label domain', () => {
    expect(appFor(internal)).toEqual(partnerApp);
    expect(appFor(whiteLabel)).toEqual(partnerApp);
  });

  it('for a nested customer, is its own app named after the phone system, otherwise the same', () => {
    expect(appFor(nested)).toEqual({ ...partnerApp, displayName: 'bvoip SSO – Acme Dental' });
    expect(appFor({ ...nested, phoneSystemName: '  Acme Dental  ' }).displayName).toBe('bvoip SSO – Acme Dental');
  });

  it('is multi-tenant with SPA redirect URIs (mtp.bvoip.net/users first, once), User.Read.All consented, a 24-month secret', () => {
    expect(appFor(nested)).toMatchObject({
      role: 'main',
      signInAudience: 'AzureADMultipleOrgs',
      redirectUris: { web: [], publicClient: [], spa: [BVOIP_MTP_REDIRECT_URI, 'https://contosomsp.bvoip.net/users', 'https://contosomsp.bvoip.net/sso/webclient'] },
      graph: { delegated: [], application: ['User.Read.All'] },
      adminConsent: true,
      secret: { lifetimeMonths: 24 },
    });
  });

  it('hands over the client ID, tenant ID and secret, then the phone system', () => {
    expect(profile.outputs(profile.answers.parse(nested))).toEqual([
      { key: 'clientId', label: 'Application (client) ID', source: { from: 'app', app: 'main', field: 'clientId' }, secret: false },
      { key: 'tenantId', label: 'Directory (tenant) ID', source: { from: 'partnerTenantId' }, secret: false },
      { key: 'clientSecret', label: 'Client secret', source: { from: 'app', app: 'main', field: 'clientSecret' }, secret: true },
      { key: 'phoneSystemName', label: 'Phone system', source: { from: 'answer', question: 'phoneSystemName' }, secret: false },
    ]);
    expect(profile.delivery).toBe('copySheet');
  });

  it('counts the guide’s steps on its longest path', () => {
    expect(profile.guide.manualSteps).toBe(38);
  });
});

describe('bvoip phone systems: the checklist in bvoip’s portal', () => {
  const checklistOf = (answers: Record<string, unknown>) => profile.checklist!(profile.answers.parse(answers));
  const keysOf = (answers: Record<string, unknown>) => checklistOf(answers).map((i) => i.key);
  const common = ['activateIntegration', 'sync', 'checkSynced'];

  it('for internal use: the subdomain and the MTP portal account once, then the phone system’s integration and sync', () => {
    expect(keysOf(internal)).toEqual(['partnerSubdomain', 'partnerMtpAccount', ...common]);
    expect(checklistOf(internal)[0]?.text).toBe('Change the Control Portal subdomain to your preference (Changing the Control Portal Subdomain)');
  });

  it('for one white-label domain: the same steps, the subdomain being the white-label one', () => {
    expect(keysOf(whiteLabel)).toEqual(['partnerSubdomain', 'partnerMtpAccount', ...common]);
    expect(checklistOf(whiteLabel)[0]?.text).toMatch(/^Change the Control Portal subdomain to your white-label domain/);
    expect(checklistOf(whiteLabel)[0]?.help).toMatch(/once/i);
  });

  it('for a nested customer: open the customer’s system first, and do the partner-level steps in their view', () => {
    const items = checklistOf(nested);
    expect(items.map((i) => i.key)).toEqual(['openCustomer', 'customerSubdomain', 'customerMtpAccount', ...common]);
    expect(items[0]?.text).toBe('Open the customer’s system under System › Customers (impersonation) first (Accessing Customers as a Pax8 Reseller)');
    expect(items[2]?.text).toMatch(/^In the customer’s view, enter the values above in System › Single sign-on › Configure MTP portal account/);
    expect(items[2]?.help).toMatch(/same level as the phone system/);
  });

  it('always ends with the guide’s sync steps for this phone system, with its notes', () => {
    for (const answers of [internal, whiteLabel, nested]) {
      const [activate, sync, check] = checklistOf(answers).slice(-3);
      expect(activate?.text).toBe('Activate the Microsoft 365 integration for Acme Dental AND ADD A USER (Activating the Microsoft 365 Integration)');
      expect(activate?.help).toMatch(/before 8 August 2024, redo its Reprovision Account step/);
      expect(sync?.text).toBe('In System › Single sign-on, click Sync');
      expect(sync?.help).toMatch(/no user was added/);
      expect(check?.text).toBe('Check that Acme Dental shows “Microsoft XXX.bvoip.net” next to the Microsoft Multi-Tenant Portal record');
    }
  });

  it('keeps keys unique, so each tick is one step', () => {
    for (const answers of [internal, whiteLabel, nested]) {
      const keys = keysOf(answers);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
