import { z } from 'zod';

/** Entra's longest group display name (group resource, v1.0: displayName "Maximum length is 256 characters"). */
export const GROUP_NAME_MAX_LENGTH = 256;

const userPrincipalName = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;

/** A line the admin meant as a user: name@domain, no spaces (a group is named by anything else). */
export function isUserPrincipalName(line: string): boolean {
  return userPrincipalName.test(line);
}

/** Why a line cannot name a user or a group, or undefined when it can. */
function lineProblem(line: string): string | undefined {
  // No spaces and an "@": meant as a user, so it must be a whole user principal name.
  if (line.includes('@') && !/\s/.test(line) && !isUserPrincipalName(line)) {
    return 'A user principal name looks like adele@contoso.com.';
  }
  if (line.length > GROUP_NAME_MAX_LENGTH) return `Too long for a group name: ${line.length} characters (at most ${GROUP_NAME_MAX_LENGTH}).`;
  return undefined;
}

/**
 * Who may sign in, pasted one per line: a user principal name or a security group's display name.
 * Blank lines are dropped and repeats kept once (UPNs and group names are case-insensitive in Entra);
 * bad lines are named by number.
 */
export function principalsAnswer() {
  return z
    .string()
    .default('')
    .transform((text, ctx) => {
      const seen = new Set<string>();
      const lines: string[] = [];
      text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (!line) return;
        const problem = lineProblem(line);
        if (problem) ctx.addIssue({ code: 'custom', message: `Line ${index + 1} (${line}): ${problem}` });
        else if (!seen.has(line.toLowerCase())) {
          seen.add(line.toLowerCase());
          lines.push(line);
        }
      });
      return lines;
    });
}
