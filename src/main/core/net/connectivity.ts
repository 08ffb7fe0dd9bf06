import type { ConnectivityState } from '../../../shared/domain/connectivity';
import { explainNetworkFailure } from './network-unreachable';
import type { NetworkFailure } from './network-failure';

export interface ConnectivityOptions {
  /** host[:port] of the cloud's own endpoints; a platform's host going down says nothing about Microsoft. */
  microsoftHosts: readonly string[];
  /** Told of every change of status (the core publishes it as the 'connectivity.changed' event). */
  onChange?: (state: ConnectivityState) => void;
  now?: () => Date;
}

/**
 * Is Microsoft reachable? Fed by the outcome of every real request to the cloud's hosts (any HTTP
 * answer, even a 500, means the network is fine) and by the probe. Nothing here retries or queues:
 * it only says what was last seen, so the UI can disable what needs the network and say why.
 */
export class Connectivity {
  private current: ConnectivityState = { status: 'unknown', since: null, checkedAt: null, failure: null };
  private readonly hosts: Set<string>;
  private readonly now: () => Date;

  constructor(private readonly o: ConnectivityOptions) {
    this.hosts = new Set(o.microsoftHosts.map((h) => h.toLowerCase()));
    this.now = o.now ?? (() => new Date());
  }

  state(): ConnectivityState {
    return this.current;
  }

  isMicrosoftHost(host: string): boolean {
    return this.hosts.has(host.toLowerCase());
  }

  /** Any HTTP answer from one of the cloud's hosts. */
  answered(host: string): void {
    if (!this.isMicrosoftHost(host)) return;
    this.set({ status: 'online', failure: null });
  }

  /** A request to one of the cloud's hosts got no answer. */
  unreachable(failure: NetworkFailure): void {
    if (failure.host !== undefined && !this.isMicrosoftHost(failure.host)) return;
    const { cause, fix } = explainNetworkFailure({ ...failure, microsoft: true });
    this.set({ status: 'offline', failure: { host: failure.host ?? null, code: failure.code, message: cause, fix } });
  }

  private set(next: Pick<ConnectivityState, 'status' | 'failure'>): void {
    const at = this.now().toISOString();
    const changed = next.status !== this.current.status || next.failure?.code !== this.current.failure?.code;
    this.current = { status: next.status, failure: next.failure, checkedAt: at, since: changed ? at : this.current.since };
    if (changed) this.o.onChange?.(this.current);
  }
}
