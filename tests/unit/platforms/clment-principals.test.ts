import { describe, expect, it } from 'vitest';
import { isUserPrincipalName, principalsAnswer } from '../../../src/main/core/platforms/principals-answer';
import { clmentProfile } from '../../../src/main/core/platforms/profiles/clment';
import { stepScopes } from '../../../src/main/core/auth/step-scopes';

const issuesOf = (answers: Record<string, unknown>) =>
  clmentProfile.answers.safeParse(answers).error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) ?? [];

describe('Clment: who may sign in', () => {
  it('parses the block into users and groups: trimmed, blank lines dropped, repeats kept once (any case)', () => {
    const parsed = principalsAnswer().parse('  adele@contoso.com \n\nClment users\r\nADELE@contoso.com\n  clment USERS  \nalex.wilber@contoso.onmicrosoft.com\n');
    expect(parsed).toEqual(['adele@contoso.com', 'Clment users', 'alex.wilber@contoso.onmicrosoft.com']);
    expect(principalsAnswer().parse(undefined)).toEqual([]);
  });

  it('tells a user principal name from a group name', () => {
    expect(isUserPrincipalName('adele@contoso.com')).toBe(true);
    expect(isUserPrincipalName('adele_fabrikam.com#EXT#@contoso.onmicrosoft.com')).toBe(true);
    expect(isUserPrincipalName('Clment users')).toBe(false);
    expect(isUserPrincipalName('Sales @ HQ')).toBe(false);
  });

  it('names the line of a half-typed user principal name, and of a group name over 256 characters', () => {
    const result = principalsAnswer().safeParse(`adele@contoso.com\nalex@contoso\n${'g'.repeat(257)}\nSales @ HQ`);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'Line 2 (alex@contoso): A user principal name looks like adele@contoso.com.',
      `Line 3 (${'g'.repeat(257)}): Too long for a group name: 257 characters (at most 256).`,
    ]);
    expect(principalsAnswer().parse(`Sales @ HQ\n${'g'.repeat(256)}`)).toEqual(['Sales @ HQ', 'g'.repeat(256)]);
  });

  it('needs at least one line only when assignment is required', () => {
    expect(issuesOf({ region: 'eu' })).toEqual([]);
    expect(issuesOf({ region: 'eu', assignmentRequired: false, principals: '' })).toEqual([]);
    expect(issuesOf({ region: 'eu', assignmentRequired: true })).toEqual([
      { path: 'principals', message: 'List at least one user or security group who may sign in to Clment.' },
    ]);
    expect(issuesOf({ region: 'eu', assignmentRequired: true, principals: ' \n \n' })).toHaveLength(1);
    expect(issuesOf({ region: 'eu', assignmentRequired: true, principals: 'adele@contoso.com' })).toEqual([]);
  });

  it('hands the lines to the app only when assignment is required', () => {
    const [on] = clmentProfile.apps(clmentProfile.answers.parse({ region: 'us', assignmentRequired: true, principals: 'adele@contoso.com\nClment users' }));
    expect(on).toMatchObject({ assignmentRequired: true, assignees: ['adele@contoso.com', 'Clment users'] });
    const [off] = clmentProfile.apps(clmentProfile.answers.parse({ region: 'us', principals: 'adele@contoso.com' }));
    expect(off).toMatchObject({ assignmentRequired: false, assignees: [] });
  });

  it('asks the question as a block of lines', () => {
    expect(clmentProfile.questions.find((q) => q.id === 'principals')).toMatchObject({ kind: 'principals', label: 'Who may sign in', required: false });
  });

  it('asks for the least-privileged permissions that find users and groups and assign them', () => {
    expect(stepScopes.assignUsers.scopes).toEqual(['AppRoleAssignment.ReadWrite.All', 'Application.Read.All', 'User.ReadBasic.All', 'Group.ReadBasic.All']);
  });
});
