import { ErrorCode } from '../../../shared/error-codes';
import { AppError } from '../errors/app-error';
import type { CloudFetch } from '../net/cloud-fetch';
import { networkFailureOf } from '../net/network-failure';
import { networkUnreachable } from '../net/network-unreachable';
import type { RatePacer } from './rate-pacer';
import { PACED_RANK, type RequestSlots } from './request-slots';
import { backoffMs, defaultRetryPolicy, isRetryableStatus, retryAfterMs, type RetryPolicy } from './retry-policy';

/** A JSON answer from Graph, Partner Center or Entra that was not a success. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly url: string,
  ) {
    super(`${status} from ${new URL(url).pathname}: ${HttpFailure.describe(body)}`);
    this.name = 'HttpFailure';
  }

  /** Graph's error.code, Partner Center's code, or Entra's error. */
  get code(): string | undefined {
    const b = this.body as { error?: { code?: unknown } | string; code?: unknown } | null;
    if (b && typeof b === 'object') {
      if (typeof b.error === 'object' && b.error && typeof b.error.code === 'string') return b.error.code;
      if (typeof b.error === 'string') return b.error;
      if (typeof b.code === 'string' || typeof b.code === 'number') return String(b.code);
    }
    return undefined;
  }

  /** Graph's error.message, Partner Center's description, or Entra's error_description (first line). */
  get detail(): string {
    return HttpFailure.describe(this.body);
  }

  /** The AADSTS number of an Entra token endpoint error, when there is one. */
  get aadsts(): number | undefined {
    const b = this.body as { error_codes?: unknown } | null;
    if (b && Array.isArray(b.error_codes) && typeof b.error_codes[0] === 'number') return b.error_codes[0];
    const m = /AADSTS(\d+)/.exec(this.detail);
    return m ? Number(m[1]) : undefined;
  }

  private static describe(body: unknown): string {
    const b = body as { error?: { message?: unknown } | string; description?: unknown; error_description?: unknown } | null;
    if (b && typeof b === 'object') {
      if (typeof b.error === 'object' && b.error && typeof b.error.message === 'string') return b.error.message;
      if (typeof b.error_description === 'string') return b.error_description.split(/\r?\n/)[0] ?? '';
      if (typeof b.description === 'string') return b.description;
      if (typeof b.error === 'string') return b.error;
    }
    return typeof body === 'string' ? body.slice(0, 300) : 'no details';
  }
}

export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Cancelled';
  }
}

export interface HttpClientOptions {
  fetchFn: CloudFetch;
  policy?: RetryPolicy;
  /** Told of every 429 received (for a run's progress). */
  onThrottled?: (url: string, waitMs: number) => void;
  /** Counts every request sent (for the bench). */
  onRequest?: () => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Requests in flight at once, shared with whatever else the run sends (default: no limit). */
  slots?: RequestSlots;
  /** This client's place in the queue for a slot (RequestSlots: a run ranks each tenant's requests by its place in the run). */
  rank?: number;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function parseBody(text: string): unknown {
  // Partner Center answers start with a UTF-8 byte order mark (facts §7.3).
  const clean = text.replace(/^\uFEFF/, '');
  if (clean === '') return null;
  try {
    return JSON.parse(clean);
  } catch {
    return clean;
  }
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (networkFailureOf(error)) return true;
  const text = `${error.message} ${String((error as { cause?: { code?: unknown } }).cause?.code ?? '')}`;
  return /fetch failed|ECONNRESET|ECONNREFUSED|socket hang up|UND_ERR|other side closed|ETIMEDOUT/i.test(text);
}

/** What one request sends: a JSON body or a form, and the run's signal. */
export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  form?: Record<string, string>;
  signal?: AbortSignal;
  /** A documented rate limit this request counts against (Partner Center's consents): every attempt waits its turn. */
  pace?: RatePacer;
}

/**
 * JSON over HTTPS with Microsoft's throttling honoured: 429/5xx and dropped connections are retried
 * after Retry-After or a jittered, capped backoff; anything else non-2xx is an HttpFailure. One
 * AbortSignal stops the waiting and the request at once (cancel at any moment).
 */
export class HttpClient {
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly o: HttpClientOptions) {
    this.policy = o.policy ?? defaultRetryPolicy;
    this.sleep = o.sleep ?? sleep;
  }

  /** The same client (slots, policy, counters) for one tenant's requests, queued for a slot at `rank`. */
  ranked(rank: number): HttpClient {
    return new HttpClient({ ...this.o, rank });
  }

  async json<T>(
    url: string,
    init: HttpRequest = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    for (let attempt = 1; ; attempt++) {
      if (init.signal?.aborted) throw new Cancelled();
      // Its turn under the rate limit first, so that waiting for it holds no request slot.
      if (init.pace) await init.pace.take(init.signal);
      // One slot from sending to the last byte of the answer; the backoff below waits outside it.
      const rank = init.pace ? PACED_RANK : this.o.rank;
      const answer = await (this.o.slots ? this.o.slots.run(() => this.send(url, init, attempt), rank) : this.send(url, init, attempt));
      if (answer === 'retry') {
        await this.sleep(backoffMs(this.policy, attempt, undefined), init.signal);
        continue;
      }
      const { response, text } = answer;
      const body = parseBody(text);
      if (response.ok) return { status: response.status, body: body as T, headers: response.headers };
      if (isRetryableStatus(response.status) && attempt < this.policy.maxAttempts) {
        const after = retryAfterMs(response.headers.get('retry-after'));
        const wait = backoffMs(this.policy, attempt, after);
        if (response.status === 429) {
          this.o.onThrottled?.(url, wait);
          init.pace?.holdFor(after ?? wait);
        }
        await this.sleep(wait, init.signal);
        continue;
      }
      throw new HttpFailure(response.status, body, url);
    }
  }

  /** One attempt: the answer and its text, or 'retry' when the connection dropped. */
  private async send(
    url: string,
    init: HttpRequest,
    attempt: number,
  ): Promise<{ response: Response; text: string } | 'retry'> {
    if (init.signal?.aborted) throw new Cancelled();
    let response: Response;
    // A signal of this request's own, tied to the run's: undici's fetch removes its abort listeners only when
    // the request is garbage-collected (nodejs/undici#3157, #5285), so on the run's long-lived signal they would
    // pile up over thousands of requests (each add walking the whole list); here they go with the request.
    const own = new AbortController();
    const forward = () => own.abort();
    init.signal?.addEventListener('abort', forward, { once: true });
    try {
      this.o.onRequest?.();
      response = await this.o.fetchFn(url, {
        method: init.method ?? 'GET',
        headers: {
          Accept: 'application/json',
          ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(init.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
          ...init.headers,
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
        signal: own.signal,
      });
    } catch (error) {
      init.signal?.removeEventListener('abort', forward);
      if (init.signal?.aborted) throw new Cancelled();
      if (isNetworkError(error) && attempt < this.policy.maxAttempts) return 'retry';
      const failure = networkFailureOf(error);
      if (failure) throw networkUnreachable({ ...failure, host: failure.host ?? new URL(url).host }, error);
      throw new AppError(ErrorCode.GraphFailed, `Could not reach ${new URL(url).host}: ${(error as Error).message}`, {
        fix: 'Check the network connection, then retry the failed tenants.',
        cause: error,
      });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (init.signal?.aborted) throw new Cancelled();
      throw error;
    } finally {
      init.signal?.removeEventListener('abort', forward);
    }
    return { response, text };
  }
}
