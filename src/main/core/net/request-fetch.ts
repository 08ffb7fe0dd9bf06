import type { Dispatcher } from 'undici';
import { fetch as undiciFetch } from 'undici';
import type { CloudFetch } from './cloud-fetch';

/** Statuses whose Response may not carry a body (fetch.spec.whatwg.org/#null-body-status). */
const nullBodyStatus = new Set([101, 103, 204, 205, 304]);

/** The request's headers as undici's request() takes them: a plain object, names as given. */
function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(headers as Iterable<[string, string]>);
  return headers as Record<string, string>;
}

/** A body request() sends as it is, or undefined when only fetch knows how (a stream, a Blob, a form). */
function plainBody(body: RequestInit['body']): { body: string | Uint8Array | undefined; type?: string } | undefined {
  if (body === undefined || body === null) return { body: undefined };
  if (typeof body === 'string' || body instanceof Uint8Array) return { body };
  if (body instanceof ArrayBuffer) return { body: new Uint8Array(body) };
  if (body instanceof URLSearchParams) return { body: body.toString(), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  return undefined;
}

/**
 * fetch's contract (a Response, `TypeError: fetch failed` with the cause for a request that got no
 * answer, the signal's reason when aborted) over undici's request(). A bulk run sends thousands of
 * small JSON requests, and fetch's WHATWG machinery (a Request, an AbortController and a stream pair
 * per request) costs the console about twice the CPU of the request itself: measured 0.7–1.1 ms a
 * request for fetch against 0.4 ms here, both over keep-alive TLS. The answer is read whole before
 * it is handed on, which suits JSON APIs; a body fetch alone can send (a stream, a Blob) goes through
 * undici's fetch on the same dispatcher. Redirects are followed by the dispatcher (cloudFetch composes
 * undici's redirect interceptor), as fetch follows them. No Accept-Encoding is sent unless the caller
 * sends one, so answers come uncompressed.
 */
export function requestFetch(dispatcher: Dispatcher): CloudFetch {
  return async (input, init = {}) => {
    const body = plainBody(init.body);
    if (!body) return undiciFetch(input, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher }) as unknown as Promise<Response>;
    let headers = plainHeaders(init.headers);
    // A form's content type, as fetch adds it, on a copy: the caller's headers object stays as it was.
    if (body.type && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers = { ...headers, 'content-type': body.type };
    const method = (init.method ?? 'GET').toUpperCase();
    const signal = init.signal ?? undefined;
    const url = new URL(input);
    try {
      const answer = await dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: method as Dispatcher.HttpMethod,
        headers,
        ...(body.body !== undefined ? { body: body.body } : {}),
        ...(signal ? { signal } : {}),
      });
      const bytes = await answer.body.bytes();
      const responseHeaders = new Headers();
      for (const [name, value] of Object.entries(answer.headers)) {
        if (Array.isArray(value)) for (const v of value) responseHeaders.append(name, v);
        else if (value !== undefined) responseHeaders.append(name, value);
      }
      const empty = nullBodyStatus.has(answer.statusCode) || method === 'HEAD';
      return new Response(empty ? null : bytes, { status: answer.statusCode, statusText: answer.statusText ?? '', headers: responseHeaders });
    } catch (error) {
      // As fetch: an aborted request rejects with the signal's reason (a TimeoutError for AbortSignal.timeout).
      if (signal?.aborted) throw signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
      throw new TypeError('fetch failed', { cause: error });
    }
  };
}
