import type { Client } from '@microsoft/microsoft-graph-client';
import { ErrorCode } from '../../../../shared/error-codes';
import { AppError } from '../../errors/app-error';
import { graphFailed } from '../../graph/graph-errors';
import { graphErrorInfo } from '../../graph/ops/graph-error-info';
import { createSecurityGroup, findGroupsByDisplayName, getGroup, type GraphGroup } from '../../graph/ops/groups';
import type { SecurityGroupSpec } from '../../platforms/platform-profile';
import type { ManagedObjectRepository } from '../managed-object-repository';
import type { OnboardingStep, StepContext, StepPreview } from '../onboarding-step';
import { findRememberedObject } from './find-remembered-object';
import { rolesThatCan } from './roles-that-can';

type Resolution = (
  | { kind: 'found'; group: GraphGroup; remembered: boolean; namesakes: number }
  | { kind: 'notSecurity'; group: GraphGroup }
  | { kind: 'missing' }
) & {
  /** The group used for this role before, under another name (the prefix changed): left as it is. */
  previous?: GraphGroup;
};

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
const created = (g: GraphGroup) => Date.parse(g.createdDateTime ?? '') || Number.MAX_SAFE_INTEGER;

/**
 * The group this step stands for: the one we recorded if it still has the wanted name, else a
 * security group already named so (the oldest, if several: never a duplicate), else none.
 */
async function resolve(ctx: StepContext, client: Client, spec: SecurityGroupSpec, objects: ManagedObjectRepository, patient: boolean): Promise<Resolution> {
  const remembered = await findRememberedObject(ctx, objects.get(ctx.workspaceId, 'group', spec.key), (id) => getGroup(client, id), {
    patient,
    what: `the group ${spec.displayName}`,
  });
  if (remembered?.securityEnabled && sameName(remembered.displayName, spec.displayName)) return { kind: 'found', group: remembered, remembered: true, namesakes: 1 };
  const previous = remembered && !sameName(remembered.displayName, spec.displayName) ? { previous: remembered } : {};
  const namesakes = (await findGroupsByDisplayName(client, spec.displayName)).filter((g) => sameName(g.displayName, spec.displayName));
  const security = namesakes.filter((g) => g.securityEnabled).sort((a, b) => created(a) - created(b));
  if (security[0]) return { kind: 'found', group: security[0], remembered: false, namesakes: security.length, ...previous };
  return namesakes[0] ? { kind: 'notSecurity', group: namesakes[0], ...previous } : { kind: 'missing', ...previous };
}

function notSecurity(spec: SecurityGroupSpec): { summary: string; fix: string } {
  return {
    summary: `A group named "${spec.displayName}" exists but is not a security group`,
    fix: 'Group claims carry security groups only. Rename that group in the Entra admin center, or choose another name prefix, then preview again.',
  };
}

/**
 * One security group for one of the platform's roles (seed 002, §2.3), in the partner tenant.
 * Found by the object ID we recorded or by display name before anything is created, so running it
 * again, or after a crash, never makes a second group.
 */
export function securityGroupStep(spec: SecurityGroupSpec, objects: ManagedObjectRepository): OnboardingStep {
  return {
    id: `group:${spec.key}`,
    title: `Security group ${spec.displayName}`,
    why: spec.purpose,
    scopes: 'securityGroups',

    async inspect(ctx): Promise<StepPreview> {
      const found = await resolve(ctx, ctx.graph('securityGroups'), spec, objects, false);
      const previously = found.previous
        ? [`"${found.previous.displayName}" (object ID ${found.previous.id}) was used for this role before and is left as it is: change its mapping in the platform too.`]
        : [];
      if (found.kind === 'found') {
        const { group } = found;
        return {
          action: 'keep',
          summary: found.remembered ? `"${group.displayName}" exists (object ID ${group.id})` : `Reuse the existing security group "${group.displayName}" (object ID ${group.id})`,
          details: [...(found.namesakes > 1 ? [`${found.namesakes} security groups are named "${spec.displayName}": the oldest is used.`] : []), ...previously],
        };
      }
      if (found.kind === 'notSecurity') {
        const { summary, fix } = notSecurity(spec);
        return { action: 'blocked', summary, details: [fix] };
      }
      return {
        action: 'create',
        summary: `Create the security group "${spec.displayName}"`,
        details: [
          spec.purpose,
          ...previously,
          ...(ctx.can('manageSecurityGroups')
            ? []
            : [`Your roles do not include group management: this works only if your tenant lets users create security groups (Microsoft’s default). ${rolesThatCan('manageSecurityGroups')} can in any case.`]),
        ],
      };
    },

    async apply(ctx) {
      const client = ctx.graph('securityGroups');
      const found = await resolve(ctx, client, spec, objects, true);
      if (found.kind === 'notSecurity') {
        const { summary, fix } = notSecurity(spec);
        throw new AppError(ErrorCode.StepBlocked, `${summary}.`, { fix });
      }
      let group: GraphGroup;
      if (found.kind === 'found') group = found.group;
      else {
        try {
          group = await createSecurityGroup(client, { displayName: spec.displayName, description: spec.purpose });
        } catch (error) {
          if (graphErrorInfo(error).status === 403) {
            throw new AppError(ErrorCode.StepBlocked, `Your roles cannot create the security group "${spec.displayName}" in this tenant.`, {
              fix: `${rolesThatCan('manageSecurityGroups')} can create it, or allow users to (Entra admin center › Groups › General › "Users can create security groups"). Then run the wizard again.`,
              cause: error,
            });
          }
          throw graphFailed(error, `create the security group "${spec.displayName}"`);
        }
      }
      // Recorded at once: a crash from here on resumes with this ID instead of creating another.
      objects.put(ctx.workspaceId, { kind: 'group', key: spec.key, objectId: group.id }, ctx.now().toISOString());
      return { objectId: group.id, displayName: group.displayName, created: found.kind === 'missing' };
    },
  };
}
