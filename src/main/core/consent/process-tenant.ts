import type { ClientTenant, ConsentStrategy, Evidence, PermissionRef, TenantStatus } from '../../../shared/domain/client-tenants';
import { tokenClaims } from '../auth/token-claims';
import { appTokenRoles } from './app-token';
import { classifyFailure } from './classify-failure';
import type { ConsentTarget } from './consent-target';
import { resourceName } from './consent-target';
import { activeRelationships, missingGdapRoles, roleName } from './gdap-roles';
import { Cancelled, HttpFailure, sleep, type HttpClient } from './http-client';
import { evidenceOf, missingPermissions, readTenantConsent, type AppRoleCatalog } from './read-tenant-consent';
import { consentViaCpv, resetCpvConsent } from './strategies/cpv-consent';
import { consentViaGdap } from './strategies/gdap-direct';
import type { ReplicationEstimate } from './strategies/replication-estimate';
import type { RatePacer } from './rate-pacer';
import { TenantGraph } from './tenant-graph';
import { MICROSOFT_GRAPH_APP_ID } from '../platforms/well-known-apps';
import { aadstsCodeOf } from '../diagnostics/diagnose';
import { explainGdapAccess, type GdapAccessAssignment } from './explain-gdap-access';
import { resolveTenant } from './sources/resolve-tenant';

export interface TenantWorkDeps {
  target: ConsentTarget;
  mode: 'consent' | 'verify';
  cloud: { authorityHost: string; graphBaseUrl: string; graphResource: string; partnerCenterBaseUrl?: string | undefined };
  http: HttpClient;
  signal: AbortSignal;
  now: () => Date;
  /** The partner admin's Graph token in a client tenant (through GDAP), cached per tenant by the caller. */
  gdapToken(tenantId: string): Promise<string>;
  dropGdapToken(tenantId: string): void;
  /** The partner admin's Partner Center token (App+User; its appid is the console's sign-in app). */
  partnerCenterToken(): Promise<string>;
  /** The console's sign-in app and the Graph scopes it uses in client tenants (bare names). */
  console: { clientId: string; displayName: string; graphScopes: string[] };
  /** A Partner Center token whose appid is `appId` (CPV consents the app that calls it), or an AppError saying why not. */
  cpvToken(appId: string): Promise<string>;
  /** Partner Center's consents of `appId` at its documented rate, shared by the run (and any other run). */
  cpvPace?(appId: string): RatePacer;
  appSecret: string | undefined;
  /** A relationship's access assignments as Graph lists them now (the partner admin's DelegatedAdminRelationship.Read.All). */
  gdapAccessAssignments?(relationshipId: string): Promise<GdapAccessAssignment[]>;
  /** After each write, for the run's journal. */
  step(name: string): void;
  /** What the run has learnt of Graph's replication delay for a fresh service principal (ReplicationEstimate). */
  replication?: ReplicationEstimate;
  /** The run's resource app roles, read once (AppRoleCatalog); absent, each tenant's are read. */
  appRoleCatalog?: AppRoleCatalog;
  /** How long to wait for Microsoft to replicate a fresh consent before the token shows it (default 20 s). */
  replicationWaitMs?: number;
}

export interface TenantOutcome {
  status: TenantStatus;
  summary: string;
  strategy: ConsentStrategy;
}

type Partial<T> = { [K in keyof T]?: T[K] };

function statusWith(kind: TenantStatus['kind'], asOf: string, evidence: Evidence[], extra: Partial<Record<string, unknown>> = {}): TenantStatus {
  return { kind, asOf, evidence, ...extra } as TenantStatus;
}

function describe(missing: PermissionRef[]): string {
  return missing.map((m) => `${m.resourceName} ${m.value} (${m.type})`).join(', ');
}

/**
 * One client tenant: check the way in, consent where something is missing (mode 'consent'), then
 * read the status back from the tenant itself. Never throws for a tenant's own problems: they become
 * its status (access needed, failed, tenant not found). Throws only Cancelled.
 */
export async function processTenant(d: TenantWorkDeps, tenant: ClientTenant): Promise<TenantOutcome> {
  const strategy = tenant.strategy.chosen;
  const asOf = () => d.now().toISOString();
  try {
    if (strategy === 'adminConsentLink') return await viaLink(d, tenant);
    const gate = relationshipGate(d, tenant);
    if (gate) {
      // No way in through GDAP by the list: but a deleted tenant is "not found", not "relationship expired".
      const gone = await tenantGone(d, tenant.tenantId);
      return { ...(gone ?? gate), strategy };
    }
    return await viaGdap(d, tenant, strategy);
  } catch (error) {
    if (error instanceof Cancelled || d.signal.aborted) throw new Cancelled();
    const c = classifyFailure(error);
    if (c.status.kind === 'accessNeeded' && (c.status as { reason?: string }).reason === 'relationshipMissing') {
      const explained = await explainRefusal(d, tenant);
      if (explained) return { ...explained, strategy };
    }
    const status = { ...c.status, asOf: asOf(), evidence: [c.evidence] } as TenantStatus;
    return { status, summary: summaryOf(status), strategy };
  }
}

/**
 * Entra refused the partner admin although the list shows an active relationship: say why from the
 * relationship's access assignments as Graph has them now (explainGdapAccess). Undefined when they cannot be read.
 */
async function explainRefusal(d: TenantWorkDeps, tenant: ClientTenant): Promise<Omit<TenantOutcome, 'strategy'> | undefined> {
  const active = activeRelationships(tenant.gdapRelationships, d.now().getTime());
  if (!d.gdapAccessAssignments || active.length === 0) return undefined;
  const read = d.gdapAccessAssignments.bind(d);
  const explained = await explainGdapAccess(active, read).catch((error: unknown) => {
    if (error instanceof Cancelled || d.signal.aborted) throw new Cancelled();
    return undefined;
  });
  if (!explained) return undefined;
  const status = statusWith('accessNeeded', d.now().toISOString(), explained.evidence, { reason: explained.reason, message: explained.message, fix: explained.fix });
  return { status, summary: summaryOf(status) };
}

/**
 * Whether Microsoft still knows the tenant, asked through OpenID discovery by its GUID with no sign-in
 * (facts §7.5: an unknown or deleted tenant is 400 AADSTS90002). Only a definite "no such tenant" counts; a
 * network fault leaves the relationship's own answer standing.
 */
async function tenantGone(d: TenantWorkDeps, tenantId: string): Promise<Omit<TenantOutcome, 'strategy'> | undefined> {
  const resolved = await resolveTenant(d.http, d.cloud.authorityHost, tenantId, d.signal).catch((error: unknown) => {
    if (error instanceof Cancelled || d.signal.aborted) throw new Cancelled();
    return undefined;
  });
  if (!resolved || resolved.ok) return undefined;
  const status = statusWith('tenantNotFound', d.now().toISOString(), [{ check: 'tenantDiscovery', ok: false, detail: resolved.reason }], {
    message: 'Microsoft no longer knows this tenant (it was deleted or the ID is wrong).',
  });
  return { status, summary: summaryOf(status) };
}

/** No active relationship, or one without the roles consent needs: say which, without asking Entra. */
function relationshipGate(d: TenantWorkDeps, tenant: ClientTenant): Omit<TenantOutcome, 'strategy'> | undefined {
  const now = d.now().getTime();
  const active = activeRelationships(tenant.gdapRelationships, now);
  const asOf = d.now().toISOString();
  const relEvidence: Evidence[] = tenant.gdapRelationships.map((r) => ({
    check: 'relationship',
    ok: active.includes(r),
    detail: `${r.displayName}: ${r.status}${r.endDateTime ? `, ends ${r.endDateTime.slice(0, 10)}` : ''}; roles ${r.roles.map((x) => x.name).join(', ') || 'none'}.${r.status === 'terminationRequested' ? ' Termination is requested: access lasts until Microsoft terminates it.' : ''}`,
  }));
  if (active.length === 0) {
    const statuses = new Set(tenant.gdapRelationships.map((r) => r.status));
    const pending = ['approvalPending', 'created', 'activating', 'approved'].some((s) => statuses.has(s as never));
    const expired = tenant.gdapRelationships.length > 0 && !pending;
    const status = statusWith('accessNeeded', asOf, relEvidence.length > 0 ? relEvidence : [{ check: 'relationship', ok: false, detail: 'No GDAP relationship with this client.' }], {
      reason: pending ? 'relationshipPending' : expired ? 'relationshipExpired' : 'relationshipMissing',
      message: pending
        ? 'The GDAP relationship is waiting for the client to approve it.'
        : expired
          ? `The GDAP relationship has expired or was terminated (${[...statuses].join(', ')}).`
          : 'There is no GDAP relationship with this client.',
      fix: pending
        ? 'Ask the client’s Global Administrator to approve the relationship request, then retry the failed tenants.'
        : expired
          ? 'Create a new GDAP relationship with this client in Partner Center, then retry; or send them an admin consent link.'
          : 'Create a GDAP relationship in Partner Center, or choose the admin consent link for this tenant.',
    });
    return { status, summary: summaryOf(status) };
  }
  const roles = [...new Set(active.flatMap((r) => r.roles.map((x) => x.roleDefinitionId)))];
  const missing = missingGdapRoles(roles, d.target);
  if (missing.length > 0) {
    const status = statusWith('accessNeeded', asOf, relEvidence, {
      reason: 'gdapRoleMissing',
      message: `Your GDAP relationship gives ${roles.map(roleName).join(', ') || 'no roles'}; consenting this app needs ${missing.join(' and ')}.`,
      fix: `Add ${missing.join(' and ')} to the relationship (and to its access assignment for your security group), then retry the failed tenants.`,
      missingRoles: missing,
    });
    return { status, summary: summaryOf(status) };
  }
  return undefined;
}

/**
 * A GDAP token in the tenant. When Entra answers AADSTS65001 (the console's own sign-in app is not
 * consented in the client tenant, as for any app a GDAP admin uses there), consent it once through
 * Partner Center CPV with the Graph scopes the console uses, as CIPP does for its own app, then ask again.
 * Partner Center answers "already exists" for a consent it holds with other scopes and leaves it as it was
 * (an older console asked for fewer): when Entra still refuses after that, the consent is reset (removed and
 * given again), as Microsoft's own sample does when scopes change (facts §8.1, §8.2).
 */
async function gdapTokenWithBootstrap(d: TenantWorkDeps, tenant: ClientTenant, evidence: Evidence[]): Promise<string> {
  try {
    return await d.gdapToken(tenant.tenantId);
  } catch (error) {
    if (aadstsCodeOf(error) !== 65001 || !d.cloud.partnerCenterBaseUrl || !tenant.sources.some((s) => s.kind === 'partnerCenter')) throw error;
    const cpv = {
      partnerCenterBaseUrl: d.cloud.partnerCenterBaseUrl,
      customerTenantId: tenant.tenantId,
      applicationId: d.console.clientId,
      displayName: d.console.displayName,
      grants: [{ enterpriseApplicationId: MICROSOFT_GRAPH_APP_ID, scopes: d.console.graphScopes }],
      token: await d.partnerCenterToken(),
      signal: d.signal,
      ...(d.cpvPace ? { pace: d.cpvPace(d.console.clientId) } : {}),
    };
    const { created } = await consentViaCpv(d.http, cpv);
    d.step('consoleConsented');
    const scopes = d.console.graphScopes.join(', ');
    try {
      const token = await d.gdapToken(tenant.tenantId);
      evidence.push({ check: 'partnerCenter', ok: true, detail: `${created ? 'Consented' : 'Found consent for'} ${d.console.displayName} in this tenant through Partner Center (${scopes}).` });
      return token;
    } catch (again) {
      if (created || aadstsCodeOf(again) !== 65001) throw again;
      await resetCpvConsent(d.http, cpv);
      d.step('consoleConsentReset');
      evidence.push({
        check: 'partnerCenter',
        ok: true,
        detail: `Partner Center held an older consent for ${d.console.displayName} without all its scopes: removed it and consented again (${scopes}).`,
      });
      return d.gdapToken(tenant.tenantId);
    }
  }
}

async function viaGdap(d: TenantWorkDeps, tenant: ClientTenant, strategy: ConsentStrategy): Promise<TenantOutcome> {
  const evidence: Evidence[] = [];
  const token = await gdapTokenWithBootstrap(d, tenant, evidence);
  // What Entra says the admin's roles are in this tenant (wids), not what the relationship promised.
  const wids = tokenClaims(token)['wids'];
  const roles = Array.isArray(wids) ? wids.filter((w): w is string => typeof w === 'string') : [];
  const missingRoles = missingGdapRoles(roles, d.target);
  if (missingRoles.length > 0) {
    d.dropGdapToken(tenant.tenantId);
    const status = statusWith('accessNeeded', d.now().toISOString(), [...evidence, { check: 'signIn', ok: false, detail: `Your roles in this tenant: ${roles.map(roleName).join(', ') || 'none'}.` }], {
      reason: 'gdapRoleMissing',
      message: `In this tenant you have ${roles.map(roleName).join(', ') || 'no admin role'}; consenting this app needs ${missingRoles.join(' and ')}.`,
      fix: `Add ${missingRoles.join(' and ')} to the GDAP access assignment of a security group you are in, then retry the failed tenants.`,
      missingRoles,
    });
    return { status, summary: summaryOf(status), strategy };
  }
  const graph = new TenantGraph(d.http, d.cloud.graphBaseUrl, () => d.gdapToken(tenant.tenantId), d.signal);
  let state = await readTenantConsent(graph, d.target, undefined, d.appRoleCatalog);
  const did: string[] = [];
  const checksAppToken = d.target.application.length > 0 && d.appSecret !== undefined;
  let appToken: Awaited<ReturnType<typeof appTokenWithReplication>> | undefined;
  if (d.mode === 'consent' && (!state.sp || missingPermissions(d.target, state).length > 0)) {
    if (strategy === 'cpv') {
      did.push(...(await consentThroughCpv(d, tenant)));
    } else {
      did.push(...(await consentViaGdap(graph, d.target, state, { step: d.step, signal: d.signal, replication: d.replication })));
    }
    // Reading the tenant back and the app's own token there are independent checks: both at once.
    [state, appToken] = await Promise.all([
      readTenantConsent(graph, d.target, state.resources, d.appRoleCatalog),
      checksAppToken ? appTokenWithReplication(d, tenant.tenantId, did.length > 0) : undefined,
    ]);
  }
  evidence.push(...evidenceOf(d.target, state));
  let missing = missingPermissions(d.target, state);
  if (state.sp && checksAppToken) {
    const token = appToken ?? (await appTokenWithReplication(d, tenant.tenantId, did.length > 0));
    evidence.push(token.evidence);
    missing = mergeMissing(missing, token.missing);
  }
  const asOf = d.now().toISOString();
  const status: TenantStatus = !state.sp
    ? statusWith('notStarted', asOf, evidence)
    : missing.length > 0
      ? statusWith('partiallyConsented', asOf, evidence, { missing })
      : statusWith('consented', asOf, evidence);
  const via = strategy === 'cpv' ? 'Partner Center' : 'GDAP';
  const summary =
    status.kind === 'consented'
      ? did.length > 0
        ? `Consented through ${via}: ${did.join('; ')}.`
        : 'Consented: everything was already in place.'
      : status.kind === 'partiallyConsented'
        ? `Partly consented: missing ${describe(missing)}.`
        : 'Not consented yet: the app has no service principal in this tenant.';
  return { status, summary, strategy };
}

async function consentThroughCpv(d: TenantWorkDeps, tenant: ClientTenant): Promise<string[]> {
  if (!d.cloud.partnerCenterBaseUrl) throw new HttpFailure(400, { description: 'Partner Center is not available in this cloud.' }, `${d.cloud.authorityHost}/`);
  const { created } = await consentViaCpv(d.http, {
    partnerCenterBaseUrl: d.cloud.partnerCenterBaseUrl,
    customerTenantId: tenant.tenantId,
    applicationId: d.target.appId,
    displayName: d.target.displayName,
    grants: d.target.delegated.map((g) => ({ enterpriseApplicationId: g.resourceAppId, scopes: g.scopes })),
    token: await d.cpvToken(d.target.appId),
    signal: d.signal,
    ...(d.cpvPace ? { pace: d.cpvPace(d.target.appId) } : {}),
  });
  d.step('cpv');
  return [created ? 'consented through Partner Center' : 'Partner Center already had the consent'];
}

function mergeMissing(a: PermissionRef[], b: PermissionRef[]): PermissionRef[] {
  const key = (p: PermissionRef) => `${p.resourceAppId}|${p.value}|${p.type}`;
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((p) => !seen.has(key(p)))];
}

/**
 * The app's own client-credentials token in the tenant: its `roles` claim is the tenant's answer for
 * application permissions. Right after a consent, Entra may take a while to put new roles in tokens
 * (facts §4.2 replication), so a fresh consent is given a bounded wait.
 */
async function appTokenWithReplication(
  d: TenantWorkDeps,
  tenantId: string,
  justConsented: boolean,
): Promise<{ evidence: Evidence; missing: PermissionRef[] }> {
  const deadline = Date.now() + (justConsented ? (d.replicationWaitMs ?? 20_000) : 0);
  for (let attempt = 1; ; attempt++) {
    const result = await appTokenRoles(d.http, {
      authorityHost: d.cloud.authorityHost,
      graphResource: d.cloud.graphResource,
      tenantId,
      clientId: d.target.appId,
      secret: d.appSecret ?? '',
      signal: d.signal,
    });
    const missing: PermissionRef[] = result.ok
      ? d.target.application.flatMap((a) =>
          a.roles
            .filter((r) => !result.roles.includes(r))
            .map((value): PermissionRef => ({ resourceAppId: a.resourceAppId, resourceName: resourceName(a.resourceAppId), value, type: 'application' })),
        )
      : [];
    const settled = result.ok ? missing.length === 0 : result.aadsts !== 700016;
    if (settled || Date.now() >= deadline) {
      const evidence: Evidence = result.ok
        ? { check: 'tokenRoles', ok: missing.length === 0, detail: `The app’s own token in this tenant carries roles: ${result.roles.join(', ') || 'none'}.` }
        : { check: 'tokenRoles', ok: false, detail: `The app could not get a token in this tenant: ${result.aadsts ? `AADSTS${result.aadsts}: ` : ''}${result.message}` };
      return { evidence, missing: result.ok ? missing : d.target.application.flatMap((a) => a.roles.map((value): PermissionRef => ({ resourceAppId: a.resourceAppId, resourceName: resourceName(a.resourceAppId), value, type: 'application' }))) };
    }
    await sleep(Math.min(5_000, 500 * 2 ** (attempt - 1)), d.signal);
  }
}

/**
 * Admin consent link: the console cannot consent for the client. It reads what it can: through GDAP
 * when a relationship gives read access, else with the app's own token in the tenant (the service
 * principal exists only once someone consented). Until then the client's Global Administrator is
 * the one to act.
 */
async function viaLink(d: TenantWorkDeps, tenant: ClientTenant): Promise<TenantOutcome> {
  const strategy: ConsentStrategy = 'adminConsentLink';
  const asOf = d.now().toISOString();
  if (activeRelationships(tenant.gdapRelationships, d.now().getTime()).length > 0) {
    try {
      const verified = await viaGdap({ ...d, mode: 'verify' }, tenant, strategy);
      if (verified.status.kind !== 'notStarted') return verified;
    } catch (error) {
      if (error instanceof Cancelled) throw error;
      // No read access through GDAP: fall back to the app's own token below.
    }
  }
  const waiting = (evidence: Evidence[]) => {
    const status = statusWith('accessNeeded', asOf, evidence, {
      reason: 'waitingForClientAdmin',
      message: 'Waiting for the client’s Global Administrator to grant consent with the admin consent link.',
      fix: 'Send the admin consent link (Export links), or open it in the browser while signed in as the client’s Global Administrator.',
    });
    return { status, summary: summaryOf(status), strategy };
  };
  if (!d.appSecret) {
    return waiting([{ check: 'tokenRoles', ok: false, detail: 'Without GDAP access or a client secret of the app, the console cannot read this tenant.' }]);
  }
  const result = await appTokenRoles(d.http, {
    authorityHost: d.cloud.authorityHost,
    graphResource: d.cloud.graphResource,
    tenantId: tenant.tenantId,
    clientId: d.target.appId,
    secret: d.appSecret,
    signal: d.signal,
  });
  if (!result.ok) {
    if (result.aadsts === 90002) {
      const status = statusWith('tenantNotFound', asOf, [{ check: 'tenantDiscovery', ok: false, detail: `AADSTS90002: ${result.message}` }], {
        message: 'Microsoft no longer knows this tenant (it was deleted or the ID is wrong).',
      });
      return { status, summary: summaryOf(status), strategy };
    }
    return waiting([{ check: 'tokenRoles', ok: false, detail: `The app has no access in this tenant yet: ${result.aadsts ? `AADSTS${result.aadsts}: ` : ''}${result.message}` }]);
  }
  const missing = d.target.application.flatMap((a) =>
    a.roles.filter((r) => !result.roles.includes(r)).map((value): PermissionRef => ({ resourceAppId: a.resourceAppId, resourceName: resourceName(a.resourceAppId), value, type: 'application' })),
  );
  const evidence: Evidence[] = [
    { check: 'tokenRoles', ok: missing.length === 0, detail: `The app’s own token in this tenant carries roles: ${result.roles.join(', ') || 'none'}.` },
    ...(d.target.delegated.length > 0
      ? [{ check: 'delegatedGrant' as const, ok: true, detail: 'The app has a service principal here (it received a token); delegated grants cannot be read without GDAP.' }]
      : []),
  ];
  const status = missing.length > 0 ? statusWith('partiallyConsented', asOf, evidence, { missing }) : statusWith('consented', asOf, evidence);
  return { status, summary: missing.length > 0 ? `Partly consented: missing ${describe(missing)}.` : 'Consented by the client’s administrator (read with the app’s own token).', strategy };
}

export function summaryOf(status: TenantStatus): string {
  switch (status.kind) {
    case 'accessNeeded':
      return status.message;
    case 'failed':
      return `Failed: ${status.cause.message}`;
    case 'tenantNotFound':
      return status.message;
    case 'partiallyConsented':
      return `Partly consented: missing ${describe(status.missing)}.`;
    case 'consented':
      return 'Consented.';
    case 'notStarted':
      return 'Not consented yet.';
    case 'excluded':
      return 'Excluded.';
  }
}
