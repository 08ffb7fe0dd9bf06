import type { CloudFetch } from './cloud-fetch';
import type { Connectivity } from './connectivity';
import { NetworkUnreachableError, networkFailureOf } from './network-failure';

/**
 * The cloud fetch, reporting each outcome to the connectivity state. A request that got no answer is
 * rethrown as a NetworkUnreachableError naming the host and the cause code, instead of undici's bare
 * "TypeError: fetch failed". A request the caller aborted on purpose is passed through untouched.
 */
export function observeConnectivity(fetchFn: CloudFetch, connectivity: Connectivity): CloudFetch {
  return async (input, init) => {
    const host = new URL(input).host;
    try {
      const response = await fetchFn(input, init);
      connectivity.answered(host);
      return response;
    } catch (error) {
      if (init?.signal?.aborted && (init.signal.reason as { name?: unknown } | undefined)?.name !== 'TimeoutError') throw error;
      const failure = networkFailureOf(error);
      if (!failure) throw error;
      const microsoft = connectivity.isMicrosoftHost(host);
      connectivity.unreachable({ host, code: failure.code, microsoft });
      // A timeout the caller set stays the caller's TimeoutError: it may word "did not answer in time" itself.
      if ((error as { name?: unknown }).name === 'TimeoutError') throw error;
      throw new NetworkUnreachableError(host, failure.code, microsoft, error);
    }
  };
}
