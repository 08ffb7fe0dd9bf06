import type { ConditionalAccessPolicyRecord } from '../GraphStore';
import { GraphHttpError } from '../http/GraphHttpError';

type Obj = Record<string, unknown>;

const states = ['enabled', 'disabled', 'enabledForReportingButNotEnforced'];

function obj(value: unknown): Obj | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function invalid(message: string): GraphHttpError {
  // [UNVERIFIED] exact CA validation codes; the status and envelope are Graph's.
  return new GraphHttpError(400, 'BadRequest', message);
}

/** Deep merge for PATCH: objects merge, everything else (arrays included) replaces. */
export function mergePolicy(target: Obj, patch: Obj): Obj {
  const out: Obj = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const current = obj(out[key]);
    const next = obj(value);
    out[key] = current && next ? mergePolicy(current, next) : value;
  }
  return out;
}

/**
 * A conditionalAccessPolicy as Graph echoes it (facts §12.1): every collection defaulted to [], absent complex
 * conditions null, `modifiedDateTime` null until the first PATCH. It must name applications, users and a
 * grant or session control.
 */
export function buildConditionalAccessPolicy(input: Obj, meta: { id: string; createdDateTime: string; modifiedDateTime: string | null }): ConditionalAccessPolicyRecord {
  if (typeof input.displayName !== 'string' || input.displayName.trim() === '') throw invalid("A value is required for property 'displayName' of resource 'conditionalAccessPolicy'.");
  const state = input.state ?? 'enabled';
  if (typeof state !== 'string' || !states.includes(state)) throw invalid(`Invalid value '${String(state)}' for property 'state'.`);
  const conditions = obj(input.conditions);
  if (!conditions) throw invalid("A value is required for property 'conditions' of resource 'conditionalAccessPolicy'.");
  const apps = obj(conditions.applications);
  const users = obj(conditions.users);
  const applications = {
    includeApplications: strings(apps?.includeApplications),
    excludeApplications: strings(apps?.excludeApplications),
    includeUserActions: strings(apps?.includeUserActions),
    includeAuthenticationContextClassReferences: strings(apps?.includeAuthenticationContextClassReferences),
    applicationFilter: apps?.applicationFilter ?? null,
  };
  if (applications.includeApplications.length + applications.includeUserActions.length + applications.includeAuthenticationContextClassReferences.length === 0) {
    throw invalid('Policy must include at least one application, user action or authentication context in conditions.applications.');
  }
  const userSet = {
    includeUsers: strings(users?.includeUsers),
    excludeUsers: strings(users?.excludeUsers),
    includeGroups: strings(users?.includeGroups),
    excludeGroups: strings(users?.excludeGroups),
    includeRoles: strings(users?.includeRoles),
    excludeRoles: strings(users?.excludeRoles),
    includeGuestsOrExternalUsers: users?.includeGuestsOrExternalUsers ?? null,
    excludeGuestsOrExternalUsers: users?.excludeGuestsOrExternalUsers ?? null,
  };
  if (userSet.includeUsers.length + userSet.includeGroups.length + userSet.includeRoles.length + (userSet.includeGuestsOrExternalUsers ? 1 : 0) === 0) {
    throw invalid('Policy must include at least one user, group, role or guest condition in conditions.users.');
  }
  const grant = obj(input.grantControls);
  const session = obj(input.sessionControls);
  if (!grant && !session) throw invalid('Policy must contain grantControls or sessionControls.');
  if (grant && grant.operator !== undefined && grant.operator !== 'AND' && grant.operator !== 'OR') throw invalid("Invalid value for property 'grantControls.operator'.");
  return {
    id: meta.id,
    templateId: null,
    displayName: input.displayName,
    createdDateTime: meta.createdDateTime,
    modifiedDateTime: meta.modifiedDateTime,
    state,
    description: typeof input.description === 'string' ? input.description : null,
    sessionControls: session,
    conditions: {
      userRiskLevels: strings(conditions.userRiskLevels),
      signInRiskLevels: strings(conditions.signInRiskLevels),
      clientAppTypes: conditions.clientAppTypes === undefined ? ['all'] : strings(conditions.clientAppTypes),
      servicePrincipalRiskLevels: strings(conditions.servicePrincipalRiskLevels),
      insiderRiskLevels: conditions.insiderRiskLevels ?? null,
      platforms: conditions.platforms ?? null,
      locations: conditions.locations ?? null,
      devices: conditions.devices ?? null,
      clientApplications: conditions.clientApplications ?? null,
      authenticationFlows: conditions.authenticationFlows ?? null,
      applications,
      users: userSet,
    },
    grantControls: grant
      ? {
          operator: typeof grant.operator === 'string' ? grant.operator : 'OR',
          builtInControls: strings(grant.builtInControls),
          customAuthenticationFactors: strings(grant.customAuthenticationFactors),
          termsOfUse: strings(grant.termsOfUse),
        }
      : null,
  };
}
