/** What a handler answers; the server writes it. Keeping replies as values lets middleware inspect and wrap them. */
export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | Buffer;
}

/** Returned instead of a Reply when the connection was deliberately destroyed (fault injection). */
export const connectionReset = Symbol('connectionReset');

export type HandlerResult = Reply | typeof connectionReset;

export function jsonReply(status: number, body: unknown, headers: Record<string, string | string[]> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store, no-cache', ...headers },
    body: JSON.stringify(body),
  };
}

export function htmlReply(status: number, html: string, headers: Record<string, string | string[]> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store, no-cache', ...headers },
    body: html,
  };
}

export function redirectReply(location: string, headers: Record<string, string | string[]> = {}): Reply {
  return { status: 302, headers: { location, 'cache-control': 'no-store, no-cache', ...headers }, body: '' };
}

export function emptyReply(status: number, headers: Record<string, string | string[]> = {}): Reply {
  return { status, headers, body: '' };
}
