import type {
  AppRoleAssignment,
  Application,
  Group,
  OAuth2PermissionGrant,
  Organization,
  ServicePrincipal,
  TenantSeed,
  User,
} from './directoryTypes';
import type { SeededRandom } from '../util/createSeededRandom';

/**
 * One tenant's directory: the collections Graph exposes under /v1.0 for that tenant. Plain maps keyed by object
 * id, with the few lookups every caller needs; behaviour lives in the operation functions next to this file.
 */
export class TenantDirectory {
  readonly users = new Map<string, User>();
  readonly groups = new Map<string, Group>();
  readonly applications = new Map<string, Application>();
  readonly servicePrincipals = new Map<string, ServicePrincipal>();
  readonly oauth2PermissionGrants = new Map<string, OAuth2PermissionGrant>();
  readonly appRoleAssignments = new Map<string, AppRoleAssignment>();

  constructor(
    readonly seed: TenantSeed,
    readonly organization: Organization,
    /** Deterministic id stream for objects created in this tenant. */
    readonly random: SeededRandom,
  ) {}

  get id(): string {
    return this.seed.id;
  }

  get defaultDomain(): string {
    return this.organization.verifiedDomains.find((d) => d.isDefault)?.name ?? this.seed.initialDomain;
  }

  findUserByUpn(upn: string): User | undefined {
    const wanted = upn.trim().toLowerCase();
    for (const user of this.users.values()) {
      if (user.userPrincipalName.toLowerCase() === wanted) return user;
    }
    return undefined;
  }

  findServicePrincipalByAppId(appId: string): ServicePrincipal | undefined {
    const wanted = appId.toLowerCase();
    for (const sp of this.servicePrincipals.values()) {
      if (sp.appId === wanted) return sp;
    }
    return undefined;
  }

  /** Finds a resource service principal by appId or by any of its servicePrincipalNames (e.g. https://graph.microsoft.com). */
  findServicePrincipalByName(name: string): ServicePrincipal | undefined {
    const wanted = name.toLowerCase().replace(/\/+$/, '');
    for (const sp of this.servicePrincipals.values()) {
      if (sp.appId === wanted) return sp;
      if (sp.servicePrincipalNames.some((n) => n.toLowerCase().replace(/\/+$/, '') === wanted)) return sp;
    }
    return undefined;
  }

  grantsFor(clientSpId: string, resourceSpId: string): OAuth2PermissionGrant[] {
    return [...this.oauth2PermissionGrants.values()].filter(
      (g) => g.clientId === clientSpId && g.resourceId === resourceSpId,
    );
  }

  assignmentsOf(principalId: string, resourceSpId?: string): AppRoleAssignment[] {
    return [...this.appRoleAssignments.values()].filter(
      (a) => a.principalId === principalId && (resourceSpId === undefined || a.resourceId === resourceSpId),
    );
  }
}
