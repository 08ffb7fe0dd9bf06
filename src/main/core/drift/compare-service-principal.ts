import type { DriftItem } from '../../../shared/domain/drift';
import type { GraphServicePrincipal } from '../graph/ops/graph-types';
import type { AppRegistrationSpec } from '../platforms/platform-profile';

/**
 * The enterprise application: it exists and users can sign in to it (accountEnabled), and, where the
 * setup required assignment (seed 003), it still does (appRoleAssignmentRequired, facts §12.2).
 */
export function compareServicePrincipal(spec: AppRegistrationSpec, sp: GraphServicePrincipal | undefined): DriftItem[] {
  const title = `Enterprise application “${spec.displayName}”`;
  const items: DriftItem[] = [];
  if (!sp) {
    items.push({
      key: `${spec.role}:sp-enabled`,
      kind: 'servicePrincipal',
      title,
      state: 'drifted',
      expected: 'Exists in your tenant, enabled for users to sign in',
      actual: 'Deleted (no enterprise application for the app)',
      repair: 'Create the enterprise application again.',
    });
  } else {
    // Graph omits nothing here, but a missing value is Entra's default: enabled.
    const enabled = sp.accountEnabled !== false;
    items.push({
      key: `${spec.role}:sp-enabled`,
      kind: 'servicePrincipal',
      title,
      state: enabled ? 'inSync' : 'drifted',
      expected: 'Enabled for users to sign in',
      actual: enabled ? 'Enabled' : 'Disabled: nobody can sign in to the platform with Microsoft',
      ...(enabled ? {} : { repair: 'Enable it for users to sign in again.' }),
    });
  }
  if (spec.assignmentRequired) {
    const required = sp?.appRoleAssignmentRequired === true;
    items.push({
      key: `${spec.role}:assignment-required`,
      kind: 'assignmentRequired',
      title: `Assignment required on “${spec.displayName}”`,
      state: required ? 'inSync' : 'drifted',
      expected: 'Assignment required: only assigned users and groups can sign in',
      actual: required ? 'Required' : sp ? 'Not required: anyone in your tenant can sign in' : 'The enterprise application is missing',
      ...(required ? {} : { repair: 'Assign the people you chose (and you), then require assignment again.' }),
    });
  }
  return items;
}
