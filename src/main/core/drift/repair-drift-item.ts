import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../../../shared/error-codes';
import { AppError } from '../errors/app-error';
import { readTenantOverview } from '../graph/read-tenant-overview';
import { getServicePrincipalByAppId, setServicePrincipalEnabled } from '../graph/ops/service-principals';
import { ManagedAppRepository } from '../onboarding/managed-app-repository';
import type { StepContext } from '../onboarding/onboarding-step';
import { adminConsentStep } from '../onboarding/steps/admin-consent-step';
import { appRegistrationStep } from '../onboarding/steps/app-registration-step';
import { assignmentRequiredStep } from '../onboarding/steps/assignment-step';
import { clientSecretStep } from '../onboarding/steps/client-secret-step';
import { servicePrincipalStep } from '../onboarding/steps/service-principal-step';
import { capabilities, checkCapabilities, type Capability } from '../preflight/capabilities';
import { roleNames } from '../preflight/directory-roles';
import type { CompletedSetup } from './completed-setup';
import type { DriftDeps } from './drift-deps';
import type { DriftGroup, WorkspaceDriftReader } from './read-workspace-drift';

/** The context setup's steps run with, for one repair: same repository, vault and scoped Graph tokens. */
async function stepContext(deps: DriftDeps, setup: CompletedSetup, reader: WorkspaceDriftReader, homeAccountId: string): Promise<StepContext> {
  const overview = await readTenantOverview(reader.graph('signIn'), await deps.signIn.tokenFor(homeAccountId, 'signIn'));
  // What the admin's roles allow, as preflight decides it: a step they cannot do says who can.
  const allowed = new Set(
    checkCapabilities(
      overview.roles.map((r) => r.templateId),
      Object.keys(capabilities) as Capability[],
      (id) => roleNames[id] ?? id,
    )
      .filter((c) => c.allowed !== 'no')
      .map((c) => c.capability),
  );
  return {
    workspaceId: setup.workspace.id,
    partnerTenantId: setup.plan.partnerTenantId,
    cloud: deps.cloud,
    fetchFn: deps.fetchFn,
    graph: (step) => reader.graph(step),
    apps: new ManagedAppRepository(deps.db),
    vault: deps.vault,
    can: (c) => allowed.has(c),
    adopt: setup.plan.adopt ?? {},
    runId: `drift-repair-${randomUUID()}`,
    now: () => deps.now(),
    report: () => {},
  };
}

/**
 * Repairs one drifted item with the setup step (or delivery push, or consent run) that owns it: the
 * same idempotent code that created it, so a repair can never create a second app, grant or secret.
 */
export async function repairGroup(
  deps: DriftDeps,
  setup: CompletedSetup,
  reader: WorkspaceDriftReader,
  homeAccountId: string,
  group: DriftGroup,
  itemKey: string,
): Promise<void> {
  const ws = setup.workspace.id;
  if (group.kind === 'platform') {
    await deps.delivery.push(ws);
    return;
  }
  if (group.kind === 'client') {
    await deps.consentRuns.start({ workspaceId: ws, homeAccountId, selection: { tenantIds: [group.tenantId] }, mode: 'consent', concurrency: 1 });
    await deps.consentRuns.settled(ws);
    return;
  }
  if (group.kind === 'clients') throw new AppError(ErrorCode.ValidationFailed, 'Choose one client tenant to repair.', { fix: 'Use Repair on that tenant’s row.' });
  const spec = setup.specs.find((s) => s.role === group.role);
  if (!spec) throw new AppError(ErrorCode.ValidationFailed, 'That item is not part of this workspace’s setup any more.', { fix: 'Check again.' });
  if (itemKey === `${spec.role}:app`) {
    throw new AppError(ErrorCode.StepBlocked, 'A deleted app registration cannot be repaired item by item.', {
      fix: 'Run Setup for this workspace again, then hand the new values to the platform.',
    });
  }
  const ctx = await stepContext(deps, setup, reader, homeAccountId);
  switch (group.kind) {
    case 'app':
      // The registration step adds what is missing and keeps everything else on the app (app-diff).
      await appRegistrationStep(spec).apply(ctx);
      return;
    case 'secret':
      if (!spec.secret) return;
      await clientSecretStep({ ...spec, secret: spec.secret }).apply(ctx);
      return;
    case 'servicePrincipal': {
      if (itemKey.endsWith(':assignment-required')) {
        await assignmentRequiredStep(spec).apply(ctx);
        return;
      }
      const appId = ctx.apps.get(ws, spec.role)?.appId;
      const sp = appId ? await getServicePrincipalByAppId(ctx.graph('registerApp'), appId, ['id', 'accountEnabled']) : undefined;
      if (!sp) await servicePrincipalStep(spec).apply(ctx);
      else if (sp.accountEnabled === false) await setServicePrincipalEnabled(ctx.graph('registerApp'), sp.id, true);
      return;
    }
    case 'adminConsent':
      await adminConsentStep(spec).apply(ctx);
      return;
  }
}
