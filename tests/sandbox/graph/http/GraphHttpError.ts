/** One entry of the error envelope's `details` (facts §4.1, §4.2). */
export interface GraphErrorDetail {
  code: string;
  message: string;
  target: string;
}

/** A Graph error a handler throws; the dispatcher renders it with the facts §9.1 envelope. */
export class GraphHttpError extends Error {
  override name = 'GraphHttpError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { details?: GraphErrorDetail[]; target?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}
