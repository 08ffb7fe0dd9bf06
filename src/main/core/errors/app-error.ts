import type { AppErrorShape } from '../../../shared/result';

/**
 * An error the admin can act on: a code the UI can branch on, a message in plain words and a fix.
 * Anything thrown that is not an AppError is treated as a bug and reported without its internals.
 */
export class AppError extends Error {
  readonly code: string;
  readonly fix: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: string,
    message: string,
    options: { fix?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fix = options.fix;
    this.details = options.details;
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.fix === undefined ? {} : { fix: this.fix }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}
