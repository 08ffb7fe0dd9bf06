import { z } from 'zod';

/**
 * The error half of every response envelope. `message` says what went wrong in the admin's language,
 * `fix` says what to do about it; `details` carries structured extras (field issues, correlation IDs).
 * Stack traces never travel in here.
 */
export const appErrorShapeSchema = z.object({
  code: z.string(),
  message: z.string(),
  fix: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorShape = z.infer<typeof appErrorShapeSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorShapeSchema }),
]);

/** One problem with one input field, as the UI shows it next to that field. */
export interface FieldIssue {
  path: string;
  message: string;
}

export function fieldIssuesOf(error: AppErrorShape): FieldIssue[] {
  const issues = error.details?.['issues'];
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is FieldIssue =>
      typeof i === 'object' && i !== null && typeof i.path === 'string' && typeof i.message === 'string',
  );
}
