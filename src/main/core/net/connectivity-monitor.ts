import type { ConnectivityState } from '../../../shared/domain/connectivity';
import type { CloudProfile } from '../clouds/cloud-profile';
import type { CloudFetch } from './cloud-fetch';
import type { Connectivity } from './connectivity';

export interface ConnectivityMonitorOptions {
  connectivity: Connectivity;
  /** The observed cloud fetch (observeConnectivity), so the probe's outcome feeds the state like any request. */
  fetchFn: CloudFetch;
  cloud: Pick<CloudProfile, 'authorityHost'>;
  /** While offline, how often to look again (default 30 s). Online, real requests keep the state current. */
  retryMs?: number;
  /** How long the probe waits for an answer (default 5 s: a captive portal or a dead VPN can hang). */
  timeoutMs?: number;
}

/**
 * The cheap probe: the cloud's OpenID discovery document, public and cacheable, needing no token
 * (learn.microsoft.com/entra/identity-platform/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri).
 * Run at start-up, on demand, and every 30 s while offline so the view can say "reachable again".
 */
export class ConnectivityMonitor {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly o: ConnectivityMonitorOptions) {}

  async check(): Promise<ConnectivityState> {
    try {
      const response = await this.o.fetchFn(`${this.o.cloud.authorityHost}/organizations/v2.0/.well-known/openid-configuration`, {
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 5_000),
      });
      await response.body?.cancel();
    } catch {
      // Already recorded by the observed fetch; the state says what happened.
    }
    this.schedule();
    return this.o.connectivity.state();
  }

  /** First probe now; later ones only while offline. */
  start(): void {
    void this.check();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped || this.o.connectivity.state().status !== 'offline') return;
    this.timer = setTimeout(() => void this.check(), this.o.retryMs ?? 30_000);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
