import type { Client } from '@microsoft/microsoft-graph-client';
import { ErrorCode } from '../../../../shared/error-codes';
import { AppError } from '../../errors/app-error';
import {
  createConditionalAccessPolicy,
  findConditionalAccessPoliciesByDisplayName,
  getConditionalAccessPolicy,
  requireMfaPolicyBody,
  updateConditionalAccessPolicy,
  type GraphConditionalAccessPolicy,
} from '../../graph/ops/conditional-access';
import { graphFailed } from '../../graph/graph-errors';
import { graphErrorInfo, isReplicationDelay } from '../../graph/ops/graph-error-info';
import type { MfaPolicySpec } from '../../platforms/platform-profile';
import type { ManagedObjectRepository } from '../managed-object-repository';
import type { OnboardingStep, StepContext, StepPreview } from '../onboarding-step';
import { waitForReplication } from '../wait-for-replication';
import { findRememberedObject } from './find-remembered-object';
import { requireManagedApp } from './find-managed-app';
import { rolesThatCan } from './roles-that-can';

const stateText: Record<string, string> = { disabled: 'off', enabledForReportingButNotEnforced: 'report-only' };

/** Ours by recorded ID, else one named as the spec says (the one already covering the app, if several). */
async function findPolicy(
  ctx: StepContext,
  client: Client,
  spec: MfaPolicySpec,
  objects: ManagedObjectRepository,
  appId: string | undefined,
  patient: boolean,
): Promise<GraphConditionalAccessPolicy | undefined> {
  const remembered = await findRememberedObject(ctx, objects.get(ctx.workspaceId, 'conditionalAccessPolicy', spec.key), (id) => getConditionalAccessPolicy(client, id), {
    patient,
    // facts §12.1: Conditional Access reads lag writes by seconds.
    what: `the policy "${spec.displayName}"`,
  });
  if (remembered) return remembered;
  const namesakes = await findConditionalAccessPoliciesByDisplayName(client, spec.displayName);
  return namesakes.find((p) => appId !== undefined && covers(p, appId)) ?? namesakes[0];
}

function covers(policy: GraphConditionalAccessPolicy, appId: string): boolean {
  const apps = policy.conditions.applications?.includeApplications ?? [];
  return apps.includes(appId) || apps.includes('All');
}

/**
 * What an existing policy lacks to require MFA for the app: the app, the MFA grant, being on. Its
 * users and exclusions are the admin's (break-glass accounts) and are left as they are.
 */
function gaps(policy: GraphConditionalAccessPolicy, appId: string | undefined, appName: string): { details: string[]; patch: Record<string, unknown> } {
  const details: string[] = [];
  const patch: Record<string, unknown> = {};
  if (appId === undefined || !covers(policy, appId)) {
    details.push(`Add the ${appName} app${appId ? ` (client ID ${appId})` : ''} to the policy’s target apps`);
    if (appId) {
      const current = (policy.conditions.applications?.includeApplications ?? []).filter((a) => a !== 'None');
      // The whole conditions object goes back: Graph may replace a complex property rather than merge it.
      patch['conditions'] = { ...policy.conditions, applications: { ...policy.conditions.applications, includeApplications: [...current, appId] } };
    }
  }
  const controls = policy.grantControls?.builtInControls ?? [];
  if (!controls.includes('mfa')) {
    details.push('Require multifactor authentication');
    patch['grantControls'] = { operator: 'OR', ...policy.grantControls, builtInControls: [...controls, 'mfa'] };
  }
  if (policy.state !== 'enabled') {
    details.push(`Turn the policy on (it is ${stateText[policy.state] ?? policy.state})`);
    patch['state'] = 'enabled';
  }
  return { details, patch };
}

/**
 * A Conditional Access policy requiring MFA for the platform's app (seed 002, "Conditional
 * Access"; facts §12.1). Reused by display name, repaired if it drifted. Conditional Access allows
 * one request per second per tenant and answers 429 without Retry-After (facts §9.2): the Graph
 * client's retry handler backs off on its own, so the calls here are plain.
 */
export function mfaPolicyStep(spec: MfaPolicySpec, objects: ManagedObjectRepository, appName: string): OnboardingStep {
  return {
    id: `conditional-access:${spec.key}`,
    title: 'Conditional Access: require MFA',
    why: spec.why,
    scopes: 'conditionalAccess',

    async inspect(ctx): Promise<StepPreview> {
      if (!ctx.can('manageConditionalAccess')) {
        return {
          action: 'blocked',
          summary: 'Your roles cannot create Conditional Access policies',
          details: [
            `${rolesThatCan('manageConditionalAccess')} can: ask them to run this step, or to create "${spec.displayName}" (Protection › Conditional Access › New policy: all users, the ${appName} app, grant "Require multifactor authentication").`,
          ],
        };
      }
      const appId = ctx.apps.get(ctx.workspaceId, spec.app)?.appId ?? undefined;
      const policy = await findPolicy(ctx, ctx.graph('conditionalAccess'), spec, objects, appId, false);
      if (!policy) {
        return {
          action: 'create',
          summary: `Create the Conditional Access policy "${spec.displayName}"`,
          details: [
            `Everyone who signs in to ${appName} must complete multifactor authentication`,
            'Conditional Access needs Microsoft Entra ID P1 or P2 in your tenant',
          ],
        };
      }
      const { details } = gaps(policy, appId, appName);
      return details.length > 0
        ? { action: 'update', summary: `Update the Conditional Access policy "${policy.displayName}"`, details }
        : { action: 'keep', summary: `"${policy.displayName}" already requires MFA for ${appName}`, details: [] };
    },

    async apply(ctx) {
      const client = ctx.graph('conditionalAccess');
      const { appId } = requireManagedApp(ctx, spec.app);
      const policy = await findPolicy(ctx, client, spec, objects, appId, true);
      // A just-created app can be unknown to Conditional Access for a moment (facts §4.2).
      const patiently = <T>(call: () => Promise<T>) =>
        waitForReplication(call, { isTransient: isReplicationDelay, onWait: (ms) => ctx.report(`Waiting for Microsoft to replicate ${appName} before the policy can target it`, ms) });
      try {
        if (!policy) {
          const created = await patiently(() => createConditionalAccessPolicy(client, requireMfaPolicyBody(spec.displayName, appId)));
          objects.put(ctx.workspaceId, { kind: 'conditionalAccessPolicy', key: spec.key, objectId: created.id }, ctx.now().toISOString());
          return { policyId: created.id, created: true };
        }
        objects.put(ctx.workspaceId, { kind: 'conditionalAccessPolicy', key: spec.key, objectId: policy.id }, ctx.now().toISOString());
        const { details, patch } = gaps(policy, appId, appName);
        if (details.length > 0) await patiently(() => updateConditionalAccessPolicy(client, policy.id, patch));
        return { policyId: policy.id, created: false, changed: details };
      } catch (error) {
        const info = graphErrorInfo(error);
        // Tenant states Microsoft refuses a policy in (sandbox: SandboxSettings.tenantPolicies, sources there).
        if (info.status === 400 && /premium|licen[cs]e/i.test(info.message)) {
          throw new AppError(ErrorCode.StepBlocked, `Your tenant has no Microsoft Entra ID P1 or P2 licence, which Conditional Access needs, so the policy "${spec.displayName}" cannot be created.`, {
            fix: 'Add Microsoft Entra ID P1 (included in Microsoft 365 Business Premium and E3/E5) to the tenant, or turn this option off and require MFA another way (security defaults), then run the wizard again.',
            cause: error,
          });
        }
        if (info.status === 400 && /security defaults/i.test(info.message)) {
          throw new AppError(ErrorCode.StepBlocked, `Security defaults are on in your tenant, and Microsoft does not allow Conditional Access policies while they are, so "${spec.displayName}" cannot be turned on.`, {
            fix: 'Either keep security defaults (they already require MFA for everyone) and turn this option off, or turn security defaults off (Entra admin center › Overview › Properties › Manage security defaults) once your own policies replace them, then run the wizard again.',
            cause: error,
          });
        }
        if (info.status === 403) {
          throw new AppError(ErrorCode.StepBlocked, `Microsoft refused to let you set up the Conditional Access policy "${spec.displayName}".`, {
            fix: `${rolesThatCan('manageConditionalAccess')} can, in a tenant with Microsoft Entra ID P1 or P2. Then run the wizard again.`,
            cause: error,
          });
        }
        throw graphFailed(error, `set up the Conditional Access policy "${spec.displayName}"`);
      }
    },
  };
}
