import type { Client } from '@microsoft/microsoft-graph-client';
import { findGroupsByDisplayName } from '../../graph/ops/groups';
import { getSignedInUser, getUser } from '../../graph/ops/users';
import { isUserPrincipalName } from '../../platforms/principals-answer';

/** A directory object the app is assigned to, with how the admin knows it. */
export interface Assignee {
  id: string;
  kind: 'user' | 'group' | 'you';
  /** In the admin's words: "Adele Vance (adele@contoso.com)", the group "Sales", or you. */
  label: string;
}

/** A line that names nobody, or more than one group. */
export interface AssigneeProblem {
  line: string;
  kind: 'unknown' | 'ambiguous' | 'notSecurity';
  message: string;
  fix: string;
}

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * Turns the admin's lines into object IDs in the partner tenant: a UPN by GET /users/{upn}, a group
 * by display name among security groups (names are not unique in Entra, so two are refused rather
 * than guessed). The signed-in admin comes first, always, so requiring assignment cannot lock them
 * out (facts §12.2: unassigned users get AADSTS50105). Each object is listed once.
 */
export async function resolveAssignees(
  lines: readonly string[],
  clients: { me: Client; directory: Client },
): Promise<{ assignees: Assignee[]; problems: AssigneeProblem[] }> {
  const me = await getSignedInUser(clients.me);
  const assignees: Assignee[] = [{ id: me.id, kind: 'you', label: `you (${me.userPrincipalName})` }];
  const problems: AssigneeProblem[] = [];
  const add = (a: Assignee) => {
    if (!assignees.some((b) => b.id === a.id)) assignees.push(a);
  };
  for (const line of lines) {
    if (isUserPrincipalName(line)) {
      const user = await getUser(clients.directory, line);
      if (user) add({ id: user.id, kind: 'user', label: user.displayName ? `${user.displayName} (${user.userPrincipalName})` : user.userPrincipalName });
      else {
        problems.push({
          line,
          kind: 'unknown',
          message: `Your tenant has no user "${line}".`,
          fix: 'Check the spelling; the user must be in your tenant. A guest goes by the user principal name Entra gave them (name_domain#EXT#@yourtenant.onmicrosoft.com).',
        });
      }
      continue;
    }
    const named = (await findGroupsByDisplayName(clients.directory, line)).filter((g) => sameName(g.displayName, line));
    const security = named.filter((g) => g.securityEnabled);
    const [group] = security;
    if (security.length > 1) {
      problems.push({
        line,
        kind: 'ambiguous',
        message: `${security.length} security groups are named "${line}" (object IDs ${security.map((g) => g.id).join(', ')}).`,
        fix: 'Rename all but one of them in the Entra admin center, or list a group with a unique name, then preview again.',
      });
    } else if (group) add({ id: group.id, kind: 'group', label: `the group "${group.displayName}"` });
    else if (named.length > 0) {
      problems.push({
        line,
        kind: 'notSecurity',
        message: `"${line}" is not a security group.`,
        fix: 'Only security groups are assigned here: list a security group, or the users themselves.',
      });
    } else {
      problems.push({
        line,
        kind: 'unknown',
        message: `Your tenant has no user or security group "${line}".`,
        fix: 'Check the spelling; the group must be in your tenant. A user is listed by their user principal name, such as adele@contoso.com.',
      });
    }
  }
  return { assignees, problems };
}
