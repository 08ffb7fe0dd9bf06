import { buildServicePrincipal } from '../model/buildServicePrincipal';
import { firstPartyApplications } from '../model/firstPartyApplications';
import { loadGraphPermissionCatalog } from '../model/graphPermissionCatalog';
import { TenantDirectory } from '../model/TenantDirectory';
import type { SandboxState, TenantMaterializer } from '../model/SandboxState';
import type { Organization, TenantSeed, User } from '../model/directoryTypes';
import { createSeededRandom } from '../util/createSeededRandom';
import { roleTemplateIds } from '../model/wellKnownIds';
import type { ScenarioPlan } from './ScenarioPlan';

function organization(seed: TenantSeed, createdDateTime: string): Organization {
  return {
    id: seed.id,
    displayName: seed.displayName,
    tenantType: 'AAD',
    createdDateTime,
    verifiedDomains: [
      { name: seed.initialDomain, isDefault: true, isInitial: true, type: 'Managed', capabilities: 'Email, OfficeCommunicationsOnline' },
    ],
    countryLetterCode: 'US',
  };
}

function user(input: Omit<User, 'mail' | 'accountEnabled' | 'userType'>): User {
  return { ...input, mail: input.userPrincipalName, accountEnabled: true, userType: 'Member' };
}

/**
 * Turns a tenant seed into a directory: organization, the first-party service principals every tenant has
 * (Graph, Partner Center, Graph Command Line Tools), and the scenario's users. Ids come from a stream keyed by
 * tenant id, so the order in which tenants are first touched does not change them.
 */
export function createTenantMaterializer(plan: ScenarioPlan, options: { graphPermissionsDir?: string }): TenantMaterializer {
  return (seed: TenantSeed, state: SandboxState): TenantDirectory => {
    const catalog = loadGraphPermissionCatalog(options.graphPermissionsDir);
    const rng = createSeededRandom(`${plan.seed}/tenant/${seed.id}`);
    const created = new Date(state.clock.now() - 400 * 24 * 3600 * 1000).toISOString();
    const directory = new TenantDirectory(seed, organization(seed, created), rng.fork('runtime'));

    const msRng = createSeededRandom(`${plan.seed}/tenant/${plan.microsoft.id}/apps`);
    const firstParty = firstPartyApplications(
      catalog,
      { graph: msRng.uuid(), partnerCenter: msRng.uuid(), commandLineTools: msRng.uuid() },
      Date.parse(created),
    );
    for (const { application, extraServicePrincipalNames } of firstParty) {
      const sp = buildServicePrincipal(application, rng.uuid(), created, extraServicePrincipalNames);
      directory.servicePrincipals.set(sp.id, sp);
      if (seed.kind === 'microsoft') directory.applications.set(application.id, application);
    }

    if (seed.kind === 'partner') {
      for (const u of plan.partnerUsers) {
        directory.users.set(
          u.id,
          user({
            id: u.id,
            userPrincipalName: u.userPrincipalName,
            displayName: u.displayName,
            givenName: u.givenName,
            surname: u.surname,
            createdDateTime: created,
            sandbox: { password: u.password, directoryRoleTemplateIds: u.directoryRoleTemplateIds, mfaCode: u.mfaCode, requireMfa: false },
          }),
        );
      }
      directory.groups.set(plan.gdapGroup.id, {
        id: plan.gdapGroup.id,
        displayName: plan.gdapGroup.displayName,
        securityEnabled: true,
        mailEnabled: false,
        createdDateTime: created,
        members: [...plan.gdapGroup.memberIds],
      });
    } else if (seed.kind !== 'microsoft') {
      const id = rng.uuid();
      directory.users.set(
        id,
        user({
          id,
          userPrincipalName: `admin@${seed.initialDomain}`,
          displayName: `${seed.displayName} Administrator`,
          givenName: null,
          surname: null,
          createdDateTime: created,
          sandbox: {
            password: plan.clientAdminPassword,
            directoryRoleTemplateIds: [roleTemplateIds.globalAdministrator],
            mfaCode: String(rng.int(100000, 999999)),
            requireMfa: false,
          },
        }),
      );
    }
    return directory;
  };
}
