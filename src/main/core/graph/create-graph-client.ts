import {
  AuthenticationHandler,
  Client,
  GraphClientError,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { CloudProfile } from '../clouds/cloud-profile';
import type { CloudFetch } from '../net/cloud-fetch';
import { networkFailureOf } from '../net/network-failure';

/** The end of the middleware chain: our cloud fetch (trusting the cloud's CA) instead of the global one. */
class CloudFetchHandler implements Middleware {
  constructor(private readonly fetchFn: CloudFetch) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    try {
      context.response = await this.fetchFn(url, context.options as RequestInit);
    } catch (error) {
      // GraphRequest rethrows a GraphClientError as it is, but turns anything else into a GraphError
      // that keeps only error.name ("TypeError") and the message: the network cause would be lost.
      if (!networkFailureOf(error)) throw error;
      const wrapped = new GraphClientError(error instanceof Error ? error.message : 'Network request failed');
      wrapped.customError = error;
      throw wrapped;
    }
  }
}

export interface GraphClientOptions {
  cloud: CloudProfile;
  fetchFn: CloudFetch;
  getAccessToken(): Promise<string>;
  /** Retries of 429/503/504, each after Retry-After when Microsoft sends one (facts §9.2). */
  maxRetries?: number;
}

/**
 * The Microsoft Graph client for one cloud and one signed-in step. Base URL and host come from the
 * cloud profile, so the sandbox is addressed exactly like graph.microsoft.com.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const base = new URL(options.cloud.graphBaseUrl);
  const segments = base.pathname.replace(/\/+$/, '').split('/');
  const version = segments.pop() ?? 'v1.0';
  const auth = new AuthenticationHandler({ getAccessToken: () => options.getAccessToken() });
  const retry = new RetryHandler(new RetryHandlerOptions(1, options.maxRetries ?? 5));
  auth.setNext(retry);
  retry.setNext(new CloudFetchHandler(options.fetchFn));
  return Client.initWithMiddleware({
    middleware: auth,
    baseUrl: `${base.origin}${segments.join('/')}`,
    defaultVersion: version,
    customHosts: new Set([base.hostname]),
  });
}
