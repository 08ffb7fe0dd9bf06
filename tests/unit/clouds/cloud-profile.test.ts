import { describe, expect, it } from 'vitest';
import {
  builtInClouds,
  browserHostsOf,
  cloudProfileSchema,
  knownAuthorityOf,
  publicCloud,
  usGovernmentCloud,
  usGovernmentDodCloud,
} from '../../../src/main/core/clouds/cloud-profile';
import { sandboxCloud } from '../../../src/main/core/clouds/sandbox-cloud';
import { resolveCloud } from '../../../src/main/core/clouds/resolve-cloud';
import { scopesFor } from '../../../src/main/core/auth/step-scopes';

describe('cloud profiles', () => {
  it('are all valid and all https', () => {
    for (const cloud of builtInClouds) expect(cloudProfileSchema.parse(cloud)).toEqual(cloud);
  });

  it('refuse an http authority, which MSAL would reject (facts §11.4)', () => {
    expect(cloudProfileSchema.safeParse({ ...publicCloud, authorityHost: 'http://127.0.0.1:1234' }).success).toBe(false);
  });

  it('make the sandbox a cloud like the others, with a port in its known authority', () => {
    const sandbox = sandboxCloud({
      authority: 'https://127.0.0.1:44300/',
      graph: 'https://127.0.0.1:44300/graph/v1.0/',
      partnerCenter: 'https://127.0.0.1:44300/partnercenter',
      caFile: '/tmp/ca.pem',
    });
    expect(cloudProfileSchema.parse(sandbox)).toEqual(sandbox);
    expect(knownAuthorityOf(sandbox)).toBe('127.0.0.1:44300');
    expect(sandbox.graphBaseUrl).toBe('https://127.0.0.1:44300/graph/v1.0');
    expect(knownAuthorityOf(publicCloud)).toBe('login.microsoftonline.com');
  });

  it('give US Government DoD its own Graph host and scope resource, with the US Government sign-in host', () => {
    // learn.microsoft.com/graph/deployments: L4 graph.microsoft.us, L5 (DOD) dod-graph.microsoft.us; both sign in at login.microsoftonline.us.
    expect(usGovernmentDodCloud.graphBaseUrl).toBe('https://dod-graph.microsoft.us/v1.0');
    expect(scopesFor('registerApp', usGovernmentDodCloud)).toEqual(['https://dod-graph.microsoft.us/Application.ReadWrite.All']);
    expect(knownAuthorityOf(usGovernmentDodCloud)).toBe('login.microsoftonline.us');
    expect(resolveCloud('usgov-dod', undefined)).toBe(usGovernmentDodCloud);
    expect(resolveCloud('usgov', undefined).graphResource).toBe('https://graph.microsoft.us');
  });

  it('list the hosts the browser may be sent to', () => {
    expect(browserHostsOf(usGovernmentCloud)).toEqual(['login.microsoftonline.us', 'portal.azure.us']);
  });
});
