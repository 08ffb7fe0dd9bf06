import { describe, expect, it } from 'vitest';
import { checkCapabilities } from '../../../src/main/core/preflight/capabilities';
import { DirectoryRole, roleNames } from '../../../src/main/core/preflight/directory-roles';
import { platformRequirements } from '../../../src/main/core/platforms/platform-requirements';
import { platformIds } from '../../../src/shared/domain/platforms';

const name = (id: string) => roleNames[id] ?? id;

describe('capability checks', () => {
  it('a Global Administrator can do everything every platform needs', () => {
    for (const platform of platformIds) {
      const req = platformRequirements[platform];
      const needed = [...req.capabilities, ...req.optional.map((o) => o.capability)];
      const checks = checkCapabilities([DirectoryRole.GlobalAdministrator], needed, name);
      expect(checks.every((c) => c.allowed === 'yes'), platform).toBe(true);
    }
  });

  it('a Conditional Access Administrator is not promised the Conditional Access step: its permissions need admin consent first (AADSTS90094)', () => {
    const [ca] = checkCapabilities([DirectoryRole.ConditionalAccessAdministrator], ['manageConditionalAccess'], name);
    expect(ca?.allowed).toBe('depends');
    expect(ca?.note).toContain('AADSTS90094');
    expect(ca?.note).toContain('admin consent');
    const [groups] = checkCapabilities([DirectoryRole.GroupsAdministrator], ['manageSecurityGroups'], name);
    expect(groups?.allowed).toBe('depends');
    // With a role that can consent for the organization as well, the step is promised.
    expect(checkCapabilities([DirectoryRole.ConditionalAccessAdministrator, DirectoryRole.ApplicationAdministrator], ['manageConditionalAccess'], name)[0]?.allowed).toBe('yes');
  });

  it('an Application Administrator can set up Clment but not grant bvoip’s application permission', () => {
    const roles = [DirectoryRole.ApplicationAdministrator];
    const clment = checkCapabilities(roles, platformRequirements.clment.capabilities, name);
    expect(clment.map((c) => c.allowed)).toEqual(['yes', 'yes']);
    const bvoip = checkCapabilities(roles, platformRequirements['bvoip-partner-portal'].capabilities, name);
    const consent = bvoip.find((c) => c.capability === 'consentApplication');
    expect(consent?.allowed).toBe('no');
    expect(consent?.grantedBy).toEqual(['Global Administrator', 'Privileged Role Administrator']);
  });

  it('a Privileged Role Administrator, as the bvoip guide allows, can consent; registering depends on the tenant', () => {
    const checks = checkCapabilities([DirectoryRole.PrivilegedRoleAdministrator], platformRequirements['bvoip-partner-portal'].capabilities, name);
    expect(checks.find((c) => c.capability === 'consentApplication')?.allowed).toBe('yes');
    const register = checks.find((c) => c.capability === 'manageAppRegistrations');
    expect(register?.allowed).toBe('depends');
    expect(register?.note).toMatch(/users register applications/);
  });

  it('a user with no admin role is told exactly which steps are out of reach', () => {
    const checks = checkCapabilities([], platformRequirements.sonicsaas.capabilities, name);
    expect(checks.map((c) => [c.capability, c.allowed])).toEqual([
      ['manageAppRegistrations', 'depends'],
      ['consentApplication', 'no'],
    ]);
  });
});
