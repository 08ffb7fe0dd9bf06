import { ErrorCode } from '../../../../shared/error-codes';
import { AppError } from '../../errors/app-error';
import { graphFailed } from '../../graph/graph-errors';
import { assignToApp, listAssignmentsTo } from '../../graph/ops/app-role-assignments-for-sp';
import { graphErrorInfo, isAlreadyExists, isReplicationDelay } from '../../graph/ops/graph-error-info';
import type { GraphServicePrincipal } from '../../graph/ops/graph-types';
import { getServicePrincipalByAppId, setAssignmentRequired } from '../../graph/ops/service-principals';
import type { AppRegistrationSpec } from '../../platforms/platform-profile';
import type { OnboardingStep, StepContext, StepPreview } from '../onboarding-step';
import { waitForReplication } from '../wait-for-replication';
import { requireManagedApp } from './find-managed-app';
import { resolveAssignees, type AssigneeProblem } from './resolve-assignees';
import { rolesThatCan } from './roles-that-can';

const spFields = ['id', 'appId', 'displayName', 'appRoleAssignmentRequired', 'appRoles'];

/**
 * App roles users can hold: when an app declares any, the default access role cannot be assigned to
 * users (facts §12.2 allows it only "when the resource app declares no app roles").
 */
const userRolesOf = (sp: GraphServicePrincipal | undefined) =>
  (sp?.appRoles ?? []).filter((r) => r.isEnabled !== false && (r.allowedMemberTypes ?? []).includes('User'));

function declaresRoles(sp: GraphServicePrincipal): { summary: string; fix: string } {
  return {
    summary: `The app declares its own app roles (${userRolesOf(sp).map((r) => r.value ?? r.id).join(', ')}), so each user needs one of them`,
    fix: 'Assign users and groups with the right role in the Entra admin center › Enterprise applications › Users and groups.',
  };
}

/**
 * Graph refusing a group because the tenant's plan is Microsoft Entra ID Free: "Group-based assignment requires
 * Microsoft Entra ID P1 or P2" (learn.microsoft.com/entra/identity/enterprise-apps/assign-user-or-group-access-portal);
 * the admin center's words are "Groups are not available for assignment due to your Active Directory plan level"
 * (MicrosoftDocs/azure-docs#83577).
 */
function isGroupLicenceRefusal(error: unknown): boolean {
  const info = graphErrorInfo(error);
  return info.status === 400 && /plan level|premium|licen[cs]e|P1 or P2/i.test(info.message);
}

/**
 * The cause and the ways out the guide allows (seed 003 assigns "the people who should have access"):
 * list the group's members by name instead, or get P1. Assignment is not required yet at this point,
 * so nobody is locked out meanwhile.
 */
function groupNeedsP1(label: string, error: unknown): AppError {
  return new AppError(
    ErrorCode.StepBlocked,
    `Your tenant cannot assign ${label} to the app: assigning groups needs Microsoft Entra ID P1 or P2, and your tenant has the Free plan, where only users can be assigned. Assignment is not required yet, so nobody has lost access.`,
    {
      fix: 'Under "Who may sign in", replace the group with its members’ user principal names (people who join the group later will need adding too), or add Microsoft Entra ID P1 (included in Microsoft 365 Business Premium, E3 and E5) to the tenant. Then run the wizard again.',
      cause: error,
      details: { needs: 'entraIdP1', assignee: label },
    },
  );
}

/** The first problem as the step's error: unknown names fail, ambiguous ones need the admin's choice. */
function problemError(problems: AssigneeProblem[]): AppError {
  const [first] = problems;
  if (!first) return new AppError(ErrorCode.Internal, 'No problem to report.');
  const more = problems.length > 1 ? ` ${problems.length - 1} more line${problems.length > 2 ? 's have' : ' has'} a problem too: ${problems.slice(1).map((p) => p.line).join(', ')}.` : '';
  return new AppError(first.kind === 'unknown' ? ErrorCode.ResourceMissing : ErrorCode.StepBlocked, `Who may sign in, "${first.line}": ${first.message}${more}`, {
    fix: first.fix,
    details: { lines: problems.map((p) => p.line) },
  });
}

/**
 * "Assignment required" on the enterprise application, with the users and groups the admin chose
 * (facts §12.2; seed 003, "Restricting which Entra users can sign in"): each is assigned with the
 * default access role, the admin too, and only then is assignment required, so nobody who should
 * sign in is shut out in between. People assigned before are left assigned: removing access is the
 * admin's call, not a side effect of a shorter list.
 */
export function assignmentRequiredStep(spec: AppRegistrationSpec): OnboardingStep {
  const lines = spec.assignees ?? [];
  const clientsOf = (ctx: StepContext) => ({ me: ctx.graph('signIn'), directory: ctx.graph('assignUsers') });
  return {
    id: `${spec.role}:assignment-required`,
    title: 'Assignment required',
    why: 'Only the users and groups you assign can sign in to the platform.',
    scopes: 'assignUsers',

    async inspect(ctx): Promise<StepPreview> {
      if (!ctx.can('assignUsers')) {
        return {
          action: 'blocked',
          summary: 'Your roles cannot require assignment',
          details: [`${rolesThatCan('assignUsers')} can.`],
        };
      }
      const managed = ctx.apps.get(ctx.workspaceId, spec.role);
      const sp = managed?.appId ? await getServicePrincipalByAppId(ctx.graph('findExistingApps'), managed.appId, spFields) : undefined;
      if (sp && userRolesOf(sp).length > 0) {
        const { summary, fix } = declaresRoles(sp);
        return { action: 'blocked', summary, details: [fix] };
      }
      const { assignees, problems } = await resolveAssignees(lines, clientsOf(ctx));
      if (problems.length > 0) {
        return {
          action: 'blocked',
          summary: problems.length === 1 ? 'A line under "Who may sign in" needs your attention' : `${problems.length} lines under "Who may sign in" need your attention`,
          details: problems.map((p) => `"${p.line}": ${p.message} ${p.fix}`),
        };
      }
      const assigned = new Set(sp ? (await listAssignmentsTo(ctx.graph('assignUsers'), sp.id)).map((a) => a.principalId) : []);
      const toAssign = assignees.filter((a) => !assigned.has(a.id));
      const details = [
        ...toAssign.map((a) => `Assign ${a.label}`),
        // Only Graph's answer tells whether the tenant has P1 (reading its licences needs another admin-consent permission).
        ...(toAssign.some((a) => a.kind === 'group') ? ['Assigning groups needs Microsoft Entra ID P1 or P2; on the Free plan, list the users instead'] : []),
        ...(sp?.appRoleAssignmentRequired ? [] : ['Require assignment: anyone not assigned gets AADSTS50105 at sign-in']),
      ];
      if (details.length === 0) return { action: 'keep', summary: 'Assignment is required and everyone you chose is assigned', details: [] };
      return {
        action: sp ? 'update' : 'create',
        summary: sp?.appRoleAssignmentRequired ? 'Assign who may sign in' : 'Require assignment and assign who may sign in',
        details,
      };
    },

    async apply(ctx) {
      const { appId, spObjectId } = requireManagedApp(ctx, spec.role);
      if (!spObjectId) throw new Error('The enterprise application step must run first.');
      const client = ctx.graph('assignUsers');
      // Everything is resolved before anything is written: a typo must not leave half the list assigned.
      const { assignees, problems } = await resolveAssignees(lines, clientsOf(ctx));
      if (problems.length > 0) throw problemError(problems);
      // A service principal created moments ago may not be readable yet (facts §4.2).
      const patiently = <T>(what: string, call: () => Promise<T>) =>
        waitForReplication(call, { isTransient: isReplicationDelay, onWait: (ms) => ctx.report(`Waiting for Microsoft to replicate before ${what}`, ms) });
      const sp = await patiently('reading the enterprise application', async () => {
        const found = await getServicePrincipalByAppId(client, appId, spFields);
        // Shaped like Graph's own 404 so that it is waited out like one.
        if (!found) throw Object.assign(new Error(`The enterprise application of ${appId} is not visible yet.`), { statusCode: 404 });
        return found;
      });
      if (userRolesOf(sp).length > 0) {
        const { summary, fix } = declaresRoles(sp);
        throw new AppError(ErrorCode.StepBlocked, `${summary}.`, { fix });
      }
      const assigned = new Set((await patiently('reading who is assigned', () => listAssignmentsTo(client, spObjectId))).map((a) => a.principalId));
      const added: string[] = [];
      for (const assignee of assignees.filter((a) => !assigned.has(a.id))) {
        ctx.report(`Assigning ${assignee.label}`);
        await patiently(`assigning ${assignee.label}`, async () => {
          try {
            await assignToApp(client, spObjectId, assignee.id);
          } catch (error) {
            // "Permission being assigned already exists on the object" (or a 409): someone did it meanwhile.
            if (isAlreadyExists(error)) return;
            if (assignee.kind === 'group' && isGroupLicenceRefusal(error)) throw groupNeedsP1(assignee.label, error);
            if (graphErrorInfo(error).status === 403) {
              throw new AppError(ErrorCode.StepBlocked, `Your roles cannot assign ${assignee.label} to the app.`, {
                fix: `${rolesThatCan('assignUsers')} can. Sign in as one of them, then run the wizard again.`,
                cause: error,
              });
            }
            if (isReplicationDelay(error)) throw error;
            throw graphFailed(error, `assign ${assignee.label} to the app`);
          }
        });
        added.push(assignee.label);
      }
      if (!sp.appRoleAssignmentRequired) await patiently('requiring assignment', () => setAssignmentRequired(ctx.graph('registerApp'), spObjectId, true));
      return { assignmentRequired: true, assigned: added, alreadyAssigned: assignees.length - added.length };
    },
  };
}
