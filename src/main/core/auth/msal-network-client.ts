import {
  AuthError,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import type { CloudFetch } from '../net/cloud-fetch';
import { networkFailureOf } from '../net/network-failure';

/**
 * MSAL's network module over our cloud fetch, so MSAL trusts exactly what the cloud profile trusts.
 * Behaves like msal-node's own HttpClient: JSON bodies, headers as a plain object, timeouts on GET.
 */
export class MsalNetworkClient implements INetworkModule {
  /** The last request that got no answer (cleared by the next answer). */
  private lastFailure: unknown;

  constructor(private readonly fetchFn: CloudFetch) {}

  /**
   * MSAL replaces some network errors with its own: a failed OpenID discovery becomes
   * ClientConfigurationError "endpoints_resolution_error" (msal-common Authority.resolveEndpointsAsync)
   * with the cause dropped. When MSAL's error is one of those and our last request got no answer,
   * the network cause is attached for diagnose() to read. Returns the same error.
   */
  explain<E>(error: E): E {
    const code = (error as { errorCode?: unknown } | null)?.errorCode;
    const replaced = code === 'endpoints_resolution_error' || code === 'network_error' || code === 'openid_config_error';
    if (replaced && this.lastFailure !== undefined && !networkFailureOf(error) && typeof error === 'object' && error !== null) {
      Object.assign(error, { networkCause: this.lastFailure });
    }
    return error;
  }

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'GET', options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'POST', options);
  }

  private async send<T>(url: string, method: string, options?: NetworkRequestOptions, timeout?: number) {
    const signal = timeout ? AbortSignal.timeout(timeout) : undefined;
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        method,
        headers: options?.headers ?? {},
        ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      this.lastFailure = networkFailureOf(error) ? error : undefined;
      // MSAL passes an AuthError through unchanged (msal-common Token.mjs sendPostRequest), so the
      // network cause (host, ECONNREFUSED...) rides along for diagnose() instead of a bare "fetch failed".
      const failure = networkFailureOf(error);
      const wrapped = new AuthError(
        'network_error',
        failure ? `Network request failed: ${failure.host ?? new URL(url).host} (${failure.code})` : `Network request failed: ${error instanceof Error ? error.message : 'unknown'}`,
      );
      Object.assign(wrapped, { networkCause: error });
      throw wrapped;
    }
    this.lastFailure = undefined;
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    const text = await response.text();
    let body: T;
    try {
      body = JSON.parse(text) as T;
    } catch {
      throw new AuthError('token_parsing_error', `The sign-in service answered ${response.status} with something that is not JSON.`);
    }
    return { headers, body, status: response.status };
  }
}
