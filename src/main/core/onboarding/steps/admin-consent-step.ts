import type { Client } from '@microsoft/microsoft-graph-client';
import {
  assignAppRole,
  createTenantWideGrant,
  findTenantWideGrant,
  listAppRoleAssignments,
  updateGrantScope,
} from '../../graph/ops/consent-grants';
import { isAlreadyExists, isReplicationDelay } from '../../graph/ops/graph-error-info';
import { getServicePrincipalByAppId } from '../../graph/ops/service-principals';
import type { AppRegistrationSpec } from '../../platforms/platform-profile';
import { resolveAppPermissions } from '../app-permissions';
import type { OnboardingStep, StepContext, StepPreview } from '../onboarding-step';
import { ResourceCatalog, type ResolvedPermission } from '../resource-catalog';
import { waitForReplication } from '../wait-for-replication';
import { ErrorCode } from '../../../../shared/error-codes';
import { AppError } from '../../errors/app-error';
import { requireManagedApp } from './find-managed-app';

interface ConsentGap {
  /** Delegated scopes to add, per resource service principal. */
  delegated: Map<string, { resourceSpId: string; missing: string[]; grantId: string | undefined; current: string[] }>;
  application: ResolvedPermission[];
}

async function consentGap(client: Client, clientSpId: string | undefined, permissions: ResolvedPermission[]): Promise<ConsentGap> {
  const gap: ConsentGap = { delegated: new Map(), application: [] };
  const byResource = new Map<string, ResolvedPermission[]>();
  for (const p of permissions.filter((p) => p.type === 'Scope')) {
    byResource.set(p.resourceSpId, [...(byResource.get(p.resourceSpId) ?? []), p]);
  }
  for (const [resourceSpId, scopes] of byResource) {
    const grant = clientSpId ? await findTenantWideGrant(client, clientSpId, resourceSpId) : undefined;
    const current = grant?.scope.split(' ').filter(Boolean) ?? [];
    const missing = scopes.map((s) => s.name).filter((n) => !current.includes(n));
    if (missing.length > 0) gap.delegated.set(resourceSpId, { resourceSpId, missing, grantId: grant?.id, current });
  }
  const roles = permissions.filter((p) => p.type === 'Role');
  const assigned = new Set<string>();
  for (const resourceSpId of new Set(roles.map((r) => r.resourceSpId))) {
    if (!clientSpId) break;
    for (const a of await listAppRoleAssignments(client, resourceSpId, clientSpId)) assigned.add(`${a.resourceId}|${a.appRoleId}`);
  }
  gap.application = roles.filter((r) => !assigned.has(`${r.resourceSpId}|${r.id}`));
  return gap;
}

function describe(gap: ConsentGap): string[] {
  return [
    ...[...gap.delegated.values()].flatMap((d) => d.missing.map((m) => `Grant delegated permission ${m} for everyone in your tenant`)),
    ...gap.application.map((r) => `Grant application permission ${r.name}`),
  ];
}

/**
 * Admin consent in the partner tenant without a browser (facts §5): a tenant-wide delegated grant
 * per API, and an app role assignment per application permission. Roles that cannot grant them
 * make the step "blocked", with who can, before anything is written.
 */
export function adminConsentStep(spec: AppRegistrationSpec): OnboardingStep {
  const needsApplication = spec.graph.application.length > 0;
  return {
    id: `${spec.role}:admin-consent`,
    title: spec.role === 'main' ? 'Admin consent' : 'Partner Center admin consent',
    why: 'Users can sign in without each being asked to consent, and the platform gets the permissions it needs.',
    scopes: 'grantAdminConsent',

    async inspect(ctx): Promise<StepPreview> {
      const browserFallback = 'When setup reaches this step, you can open Microsoft’s admin consent page for them to accept in the browser.';
      if (needsApplication && !ctx.can('consentApplication')) {
        return {
          action: 'blocked',
          summary: 'Your roles cannot grant admin consent for application permissions',
          details: [`Needed: ${spec.graph.application.join(', ')}. A Global Administrator or Privileged Role Administrator can grant them.`, browserFallback],
          fallback: 'browserConsent',
        };
      }
      if (!ctx.can('consentDelegated')) {
        return {
          action: 'blocked',
          summary: 'Your roles cannot grant admin consent',
          details: ['A Global Administrator, Privileged Role Administrator, Application Administrator or Cloud Application Administrator can.', browserFallback],
          fallback: 'browserConsent',
        };
      }
      const client = ctx.graph('findExistingApps');
      const permissions = await resolveAppPermissions(spec, new ResourceCatalog(client));
      const managed = ctx.apps.get(ctx.workspaceId, spec.role);
      const sp = managed?.appId ? await getServicePrincipalByAppId(client, managed.appId) : undefined;
      const details = describe(await consentGap(client, sp?.id, permissions));
      return details.length > 0
        ? { action: sp ? 'update' : 'create', summary: 'Grant admin consent in your tenant', details }
        : { action: 'keep', summary: 'Admin consent is already granted', details: [] };
    },

    async apply(ctx: StepContext) {
      const client = ctx.graph('grantAdminConsent');
      const { spObjectId } = requireManagedApp(ctx, spec.role);
      if (!spObjectId) throw new Error('The enterprise application step must run first.');
      const permissions = await resolveAppPermissions(spec, new ResourceCatalog(client));
      const gap = await consentGap(client, spObjectId, permissions);
      if (gap.delegated.size === 0 && gap.application.length === 0) return { granted: [] };
      if ((needsApplication && !ctx.can('consentApplication')) || !ctx.can('consentDelegated')) {
        // Not a failure of the setup: someone with the role must accept, in the browser.
        throw new AppError(ErrorCode.ConsentNeedsAdmin, 'Admin consent needs a Global Administrator or Privileged Role Administrator.', {
          fix: 'Choose “Grant admin consent in the browser” and have one of them sign in there and accept; setup then continues.',
          details: { role: spec.role, missing: describe(gap) },
        });
      }
      // A brand-new service principal can be unknown to grants for a moment (facts §4.2, §5).
      const patiently = <T>(what: string, call: () => Promise<T>) =>
        waitForReplication(call, { isTransient: isReplicationDelay, onWait: (ms) => ctx.report(`Waiting for Microsoft to replicate before ${what}`, ms) });
      for (const d of gap.delegated.values()) {
        const scopes = [...d.current, ...d.missing];
        if (d.grantId) await patiently('updating the grant', () => updateGrantScope(client, d.grantId as string, scopes));
        else
          await patiently('granting consent', async () => {
            try {
              await createTenantWideGrant(client, spObjectId, d.resourceSpId, scopes);
            } catch (error) {
              // "Permission entry already exists" means someone granted it meanwhile: that is success (anchors, CIPP).
              if (!isAlreadyExists(error)) throw error;
            }
          });
      }
      for (const role of gap.application) {
        await patiently('granting application permissions', async () => {
          try {
            await assignAppRole(client, role.resourceSpId, spObjectId, role.id);
          } catch (error) {
            if (!isAlreadyExists(error)) throw error;
          }
        });
      }
      return { granted: describe(gap) };
    },
  };
}
