import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { isChannel, requests } from '../../shared/contract/requests';
import type { CallContext, HandlerTable } from '../../shared/contract/handler-types';
import { ErrorCode } from '../../shared/error-codes';
import type { Result } from '../../shared/result';
import { withActivityScope } from '../core/activity/activity-scope';
import { AppError } from '../core/errors/app-error';

export type Dispatch = (channel: unknown, input: unknown, ctx: CallContext) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Where bugs are reported with their stack; the UI only gets a correlation ID. */
  logError?: (message: string, error: unknown) => void;
}

function validationError(error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return new AppError(ErrorCode.ValidationFailed, issues[0]?.message ?? 'The request was not valid.', {
    fix: 'Correct the highlighted field and try again.',
    details: { issues },
  });
}

/**
 * The single entry point both hosts call. The channel must be one of the contract's, the input is
 * validated (and trimmed/normalised) by the contract's schema before the handler runs, and whatever
 * the handler throws becomes an envelope: AppErrors as they are, anything else as an internal error
 * with a correlation ID and no internals.
 */
export function createDispatch(table: HandlerTable, options: DispatchOptions = {}): Dispatch {
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  return async (channel, input, ctx) => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: {
          code: ErrorCode.UnknownChannel,
          message: `Unknown request "${String(channel).slice(0, 80)}".`,
          fix: 'The window and the app are out of step: reload the window.',
        },
      };
    }
    const parsed = requests[channel].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error).toShape() };
    try {
      const handler = table[channel] as (input: unknown, ctx: CallContext) => unknown;
      // Writes the handler makes (and runs it starts) are logged under its workspace (core/activity).
      const workspaceId = (parsed.data as { workspaceId?: unknown }).workspaceId;
      const value = await withActivityScope({ operation: channel, ...(typeof workspaceId === 'string' ? { workspaceId } : {}) }, () => handler(parsed.data, ctx));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      const correlationId = randomUUID();
      logError(`[${correlationId}] ${channel} failed`, error);
      return {
        ok: false,
        error: {
          code: ErrorCode.Internal,
          message: 'Something went wrong inside Entra Onboard. Nothing you entered was lost.',
          fix: `Try again. If it keeps happening, report it with this reference: ${correlationId}.`,
          details: { correlationId },
        },
      };
    }
  };
}
