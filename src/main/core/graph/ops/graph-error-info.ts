/** The parts of a Graph failure the engine branches on (GraphError from the client library). */
export interface GraphErrorInfo {
  status: number | undefined;
  code: string | undefined;
  message: string;
}

export function graphErrorInfo(error: unknown): GraphErrorInfo {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  return {
    status: typeof e['statusCode'] === 'number' ? e['statusCode'] : undefined,
    code: typeof e['code'] === 'string' ? e['code'] : undefined,
    message: typeof e['message'] === 'string' ? e['message'] : String(error),
  };
}

export function isNotFound(error: unknown): boolean {
  return graphErrorInfo(error).status === 404;
}

/**
 * Microsoft's eventual consistency right after a create (facts §4.2): the new object is not yet
 * visible where the next call looks for it. Worth waiting out, never worth failing on.
 */
export function isReplicationDelay(error: unknown): boolean {
  const info = graphErrorInfo(error);
  if (info.status === 404) return true;
  return /NoBackingApplicationObject|does not reference a valid application object|not present|does not exist or one of its queried reference-property/i.test(
    `${info.code ?? ''} ${info.message}`,
  );
}

/** "Permission entry already exists" and 409s: the thing we wanted is there (facts §5). */
export function isAlreadyExists(error: unknown): boolean {
  const info = graphErrorInfo(error);
  return info.status === 409 || /already exists/i.test(info.message);
}
