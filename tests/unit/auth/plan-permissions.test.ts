import { describe, expect, it } from 'vitest';
import { publicCloud, usGovernmentCloud } from '../../../src/main/core/clouds/cloud-profile';
import { permissionsFor, scopesForSteps } from '../../../src/main/core/auth/plan-permissions';
import { stepScopes } from '../../../src/main/core/auth/step-scopes';

describe('a plan’s permissions, asked for once', () => {
  it('lists each scope once, with the reason of every step that needs it, in step order', () => {
    const permissions = permissionsFor(['signIn', 'findExistingApps', 'registerApp', 'grantAdminConsent', 'assignUsers', 'conditionalAccess']);
    const scopes = permissions.map((p) => p.scope);
    expect(scopes).toEqual([
      'User.Read',
      'Application.Read.All',
      'Application.ReadWrite.All',
      'AppRoleAssignment.ReadWrite.All',
      'DelegatedPermissionGrant.ReadWrite.All',
      'User.ReadBasic.All',
      'Group.ReadBasic.All',
      'Policy.ReadWrite.ConditionalAccess',
      'Policy.Read.All',
    ]);
    expect(permissions.find((p) => p.scope === 'Application.Read.All')?.reasons).toEqual([
      stepScopes.findExistingApps.why,
      stepScopes.assignUsers.why,
      stepScopes.conditionalAccess.why,
    ]);
    expect(permissions.find((p) => p.scope === 'User.Read')?.reasons).toEqual([stepScopes.signIn.why]);
  });

  it('asks for nothing a plan’s steps do not need', () => {
    expect(permissionsFor(['signIn', 'registerApp']).map((p) => p.scope)).toEqual(['User.Read', 'Application.ReadWrite.All']);
  });

  it('qualifies every scope for one request in the cloud, each once', () => {
    expect(scopesForSteps(['registerApp', 'grantAdminConsent'], usGovernmentCloud)).toEqual([
      'https://graph.microsoft.us/Application.ReadWrite.All',
      'https://graph.microsoft.us/AppRoleAssignment.ReadWrite.All',
      'https://graph.microsoft.us/DelegatedPermissionGrant.ReadWrite.All',
    ]);
  });

  it('refuses one request for two APIs, which Entra cannot issue a token for, saying what to do', () => {
    expect(() => scopesForSteps(['registerApp', 'partnerCenter'], publicCloud)).toThrow(/one API at a time/);
  });
});
