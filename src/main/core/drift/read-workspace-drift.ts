import type { Client } from '@microsoft/microsoft-graph-client';
import type { DriftItem, DriftKind } from '../../../shared/domain/drift';
import type { StepId } from '../auth/step-scopes';
import { consentTargetOf, type ConsentTarget } from '../consent/consent-target';
import { HttpClient } from '../consent/http-client';
import { mapPool } from '../consent/map-pool';
import { readTenantConsent } from '../consent/read-tenant-consent';
import { TenantGraph } from '../consent/tenant-graph';
import { TenantTokenCache } from '../consent/tenant-token-cache';
import { createGraphClient } from '../graph/create-graph-client';
import { getApplicationByAppId } from '../graph/ops/applications';
import { getServicePrincipalByAppId } from '../graph/ops/service-principals';
import { resolveAppPermissions } from '../onboarding/app-permissions';
import { ManagedAppRepository } from '../onboarding/managed-app-repository';
import { ResourceCatalog } from '../onboarding/resource-catalog';
import type { AppRegistrationSpec } from '../platforms/platform-profile';
import { compareApp } from './compare-app';
import { compareAdminConsent, compareClientConsent } from './compare-consent';
import { comparePlatform } from './compare-platform';
import { compareSecret } from './compare-secret';
import { compareServicePrincipal } from './compare-service-principal';
import type { CompletedSetup } from './completed-setup';
import type { DriftDeps } from './drift-deps';
import { problemOf } from './problem-of';

/** A part of the desired state read together (one Graph read serves all its items); repair re-reads one. */
export type DriftGroup = { kind: 'app' | 'secret' | 'servicePrincipal' | 'adminConsent'; role: AppRegistrationSpec['role'] } | { kind: 'platform' } | { kind: 'client'; tenantId: string } | { kind: 'clients' };

/** The group an item key belongs to (keys are built by the compare functions). */
export function groupOfKey(key: string): DriftGroup | undefined {
  const [head, part, ...rest] = key.split(':');
  if (head === 'platform') return { kind: 'platform' };
  if (head === 'client' && part) return { kind: 'client', tenantId: [part, ...rest].join(':') };
  if (head !== 'main' && head !== 'partnerCenter') return undefined;
  const kind = ({ app: 'app', redirect: 'app', permission: 'app', secret: 'secret', 'sp-enabled': 'servicePrincipal', 'assignment-required': 'servicePrincipal', consent: 'adminConsent', servicePrincipal: 'servicePrincipal', adminConsent: 'adminConsent' } as const)[
    part as 'app'
  ];
  return kind ? { kind, role: head } : undefined;
}

export function groupKey(group: DriftGroup): string {
  if (group.kind === 'platform') return 'platform';
  if (group.kind === 'client') return `client:${group.tenantId}`;
  if (group.kind === 'clients') return 'clients';
  return `${group.role}:${group.kind}`;
}

/** Everything the workspace's desired state covers, in the order the page shows it. */
export function groupsOf(deps: DriftDeps, setup: CompletedSetup): DriftGroup[] {
  const groups: DriftGroup[] = [];
  for (const spec of setup.specs) {
    groups.push({ kind: 'app', role: spec.role });
    if (spec.secret) groups.push({ kind: 'secret', role: spec.role });
    groups.push({ kind: 'servicePrincipal', role: spec.role });
    if (spec.adminConsent) groups.push({ kind: 'adminConsent', role: spec.role });
  }
  // Only a platform connected through the Platform Onboarding API reports its configuration back.
  if (deps.delivery.connection(setup.workspace.id)) groups.push({ kind: 'platform' });
  groups.push({ kind: 'clients' });
  return groups;
}

/** A reader bound to one workspace and the account signed in to its partner tenant. */
export class WorkspaceDriftReader {
  private readonly apps: ManagedAppRepository;
  private readonly http: HttpClient;
  private readonly clientTokens: TenantTokenCache;

  constructor(
    private readonly deps: DriftDeps,
    private readonly setup: CompletedSetup,
    private readonly homeAccountId: string,
  ) {
    this.apps = new ManagedAppRepository(deps.db);
    this.http = new HttpClient({ fetchFn: deps.fetchFn });
    // One token per client tenant per check: asking again and again is AADSTS50196 (see TenantTokenCache).
    this.clientTokens = new TenantTokenCache((tenantId) => deps.signIn.tokenForTenant(homeAccountId, 'grantAdminConsent', tenantId));
  }

  graph(step: StepId): Client {
    return createGraphClient({ cloud: this.deps.cloud, fetchFn: this.deps.fetchFn, getAccessToken: () => this.deps.signIn.tokenFor(this.homeAccountId, step) });
  }

  private spec(role: AppRegistrationSpec['role']): AppRegistrationSpec {
    const spec = this.setup.specs.find((s) => s.role === role);
    if (!spec) throw new Error(`This workspace's setup has no ${role} app.`);
    return spec;
  }

  /** Reads one group; a failure becomes one "could not check" item, never a thrown error. */
  async read(group: DriftGroup): Promise<DriftItem[]> {
    try {
      return await this.readGroup(group);
    } catch (error) {
      return [notChecked(group, this.titleOf(group), problemOf(error, `read ${this.titleOf(group).toLowerCase()}`))];
    }
  }

  private titleOf(group: DriftGroup): string {
    switch (group.kind) {
      case 'app':
        return `The app registration “${this.spec(group.role).displayName}”`;
      case 'secret':
        return `The client secret of “${this.spec(group.role).displayName}”`;
      case 'servicePrincipal':
        return `The enterprise application “${this.spec(group.role).displayName}”`;
      case 'adminConsent':
        return `Admin consent for “${this.spec(group.role).displayName}”`;
      case 'platform':
        return 'The platform’s configuration';
      case 'client':
        return `Consent in client tenant ${group.tenantId}`;
      case 'clients':
        return 'Consent in client tenants';
    }
  }

  private async readGroup(group: DriftGroup): Promise<DriftItem[]> {
    const ws = this.setup.workspace.id;
    switch (group.kind) {
      case 'app': {
        const spec = this.spec(group.role);
        const client = this.graph('findExistingApps');
        const appId = this.apps.get(ws, spec.role)?.appId;
        const live = appId ? await getApplicationByAppId(client, appId) : undefined;
        if (!live) return [appGone(spec, appId)];
        return compareApp(live, spec, await resolveAppPermissions(spec, new ResourceCatalog(client)));
      }
      case 'secret': {
        const spec = this.spec(group.role);
        const appId = this.apps.get(ws, spec.role)?.appId;
        const live = appId ? await getApplicationByAppId(this.graph('findExistingApps'), appId) : undefined;
        if (!live) return [appGone(spec, appId, `${spec.role}:secret`, 'secret')];
        const held = this.apps.secrets(ws, spec.role)[0];
        const value = held ? await this.deps.vault.get(held.vaultRef) : undefined;
        return [compareSecret(spec.role, live.displayName, held, !!value, live.passwordCredentials, this.deps.now())];
      }
      case 'servicePrincipal': {
        const spec = this.spec(group.role);
        const appId = this.apps.get(ws, spec.role)?.appId;
        const sp = appId
          ? await getServicePrincipalByAppId(this.graph('findExistingApps'), appId, ['id', 'appId', 'displayName', 'appRoleAssignmentRequired', 'accountEnabled'])
          : undefined;
        return compareServicePrincipal(spec, sp);
      }
      case 'adminConsent': {
        const spec = this.spec(group.role);
        const appId = this.apps.get(ws, spec.role)?.appId;
        if (!appId) return [appGone(spec, appId, `${spec.role}:consent`, 'adminConsent')];
        const target = consentTargetOf(spec, appId, null);
        const graph = new TenantGraph(this.http, this.deps.cloud.graphBaseUrl, () => this.deps.signIn.tokenFor(this.homeAccountId, 'grantAdminConsent'));
        return compareAdminConsent(spec.role, target, await readTenantConsent(graph, target));
      }
      case 'platform': {
        const client = await this.deps.delivery.connectedClient(ws);
        if (!client) return [];
        const [current, desired] = await Promise.all([client.configuration(), this.deps.deliverable(ws)]);
        return comparePlatform(current, desired);
      }
      case 'client':
      case 'clients':
        return this.readClients(group.kind === 'client' ? [group.tenantId] : undefined);
    }
  }

  /**
   * Client tenants this workspace consented (status consented, included): read each back from the
   * tenant with the consent module's reader, a few at a time.
   */
  private async readClients(only?: string[]): Promise<DriftItem[]> {
    const ws = this.setup.workspace.id;
    const target = this.deps.consentTarget(ws);
    if ('notApplicable' in target) return [];
    const ids = only ?? this.deps.clientTenants.select(ws, { filter: { statuses: ['consented'], included: true } });
    const items = new Map<string, DriftItem>();
    await mapPool(ids, 4, async (tenantId) => {
      items.set(tenantId, await this.readClient(target, tenantId));
    });
    return ids.map((id) => items.get(id)).filter((i): i is DriftItem => i !== undefined);
  }

  private async readClient(target: ConsentTarget, tenantId: string): Promise<DriftItem> {
    const tenant = this.deps.clientTenants.get(this.setup.workspace.id, tenantId);
    const name = tenant?.name ?? tenant?.domain ?? tenantId;
    try {
      const graph = new TenantGraph(this.http, this.deps.cloud.graphBaseUrl, () => this.clientTokens.get(tenantId));
      return compareClientConsent({ tenantId, name }, target, await readTenantConsent(graph, target));
    } catch (error) {
      return notChecked({ kind: 'client', tenantId }, `Consent in client tenant ${name}`, problemOf(error, `read consent in ${name}`));
    }
  }
}

const kindOf: Record<DriftGroup['kind'], DriftKind> = {
  app: 'appRegistration',
  secret: 'secret',
  servicePrincipal: 'servicePrincipal',
  adminConsent: 'adminConsent',
  platform: 'platformConfiguration',
  client: 'clientConsent',
  clients: 'clientConsent',
};

function notChecked(group: DriftGroup, title: string, problem: { code: string; message: string; fix?: string }): DriftItem {
  return { key: groupKey(group), kind: kindOf[group.kind], title, state: 'notChecked', expected: '', actual: 'Could not check', problem };
}

/** The app registration itself is gone: nothing to compare item by item, and no small repair brings it back. */
function appGone(spec: AppRegistrationSpec, appId: string | null | undefined, key = `${spec.role}:app`, kind: DriftKind = 'appRegistration'): DriftItem {
  return {
    key,
    kind,
    title: `App registration “${spec.displayName}”`,
    state: 'drifted',
    expected: `The app registration${appId ? ` with client ID ${appId}` : ''} exists in your tenant`,
    actual: 'Deleted (or not visible to your account)',
    problem: {
      code: 'app_registration_missing',
      message: 'The app registration setup created is no longer in the tenant.',
      fix: 'Run Setup for this workspace again: it creates the app, its secret and consent anew; then hand the new values to the platform. Or restore it from Deleted applications in the Entra admin center within 30 days.',
    },
  };
}
