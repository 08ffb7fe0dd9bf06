import { fieldIssuesOf, type AppErrorShape } from '../../../shared/result';

/**
 * Splits an error into messages for named fields and whatever is left for the general error bar,
 * so a bad name shows under the name box and not as a banner.
 */
export function splitFieldErrors(
  error: AppErrorShape | undefined,
  fields: readonly string[],
): { byField: Record<string, string>; general: AppErrorShape | undefined } {
  if (!error) return { byField: {}, general: undefined };
  const byField: Record<string, string> = {};
  for (const issue of fieldIssuesOf(error)) {
    if (fields.includes(issue.path) && !byField[issue.path]) byField[issue.path] = issue.message;
  }
  return { byField, general: Object.keys(byField).length > 0 ? undefined : error };
}
