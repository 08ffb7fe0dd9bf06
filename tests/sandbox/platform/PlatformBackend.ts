import { createHash, randomBytes } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { SandboxState } from '../model/SandboxState';
import type { SandboxRuntime } from '../SandboxRuntime';
import type { PlatformApiValidator, ValidationIssue } from './loadPlatformApiValidator';
import { discardPlatformStore, openPlatformStore } from './openPlatformStore';
import type { PlatformOrganisation } from './PlatformOrganisation';
import type { PlatformStore } from './PlatformStore';
import type { PlatformTokens } from './PlatformTokens';
import { SecretBox } from './SecretBox';

/** A response the backend was about to send that broke docs/platform-api.yaml; it was answered 500 instead. */
export interface ContractViolation {
  operationId: string;
  status: number;
  errors: ValidationIssue[];
}

/**
 * One request as the backend received it (after authentication, before its handler ran): the headers a
 * client's retry discipline shows in. Tests read it to prove what reached the platform, not what the client meant.
 */
export interface ReceivedPlatformRequest {
  operationId: string;
  orgKey: string | null;
  idempotencyKey: string | null;
  ifMatch: string | null;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The reference platform backend's state for one sandbox: seeded organisations and their tokens, the SQLite store,
 * the secret box, the contract validator and the HTTPS dispatcher it calls Entra with.
 */
export class PlatformBackend {
  readonly tokens: PlatformTokens;
  readonly secrets = new SecretBox();
  /** Stays empty unless the backend has a bug; a test asserts that. */
  readonly contractViolations: ContractViolation[] = [];
  /** Every request that reached an operation, in order; cleared by `reset()` with the store. */
  readonly received: ReceivedPlatformRequest[] = [];
  private readonly byTokenHash = new Map<string, PlatformOrganisation>();
  private openStore: PlatformStore | null = null;
  private storeState: SandboxState | null = null;

  constructor(
    readonly rt: SandboxRuntime,
    readonly organisations: readonly PlatformOrganisation[],
    readonly validator: PlatformApiValidator,
    /** undici dispatcher trusting the sandbox CA, for the credential test's calls to the identity endpoints. */
    readonly entraDispatcher: Dispatcher,
    private readonly dataDir: string,
  ) {
    const tokens: Partial<PlatformTokens> = {};
    for (const org of organisations) {
      // Random per start, like the control token: a predictable token would let any local page act as an MSP.
      const token = `plat_${org.key}_${randomBytes(24).toString('base64url')}`;
      tokens[org.key] = token;
      // Looked up by hash, so no string comparison runs over the secret token.
      this.byTokenHash.set(sha256(token), org);
    }
    this.tokens = tokens as PlatformTokens;
  }

  organisationForToken(token: string): PlatformOrganisation | null {
    return this.byTokenHash.get(sha256(token)) ?? null;
  }

  /**
   * The store, opened at the first request (the file is named after the port, known only once the server
   * listens) and emptied whenever the sandbox has been reset since the last request: reset() installs a new
   * directory state, so a changed `rt.state` is the reset signal, as for Partner Center's per-state store.
   */
  store(): PlatformStore {
    if (!this.openStore) {
      const port = Number(this.rt.urls.authorityHost.split(':').pop());
      this.openStore = openPlatformStore(this.dataDir, port);
      this.storeState = this.rt.state;
    }
    if (this.storeState !== this.rt.state) {
      this.openStore.clear();
      this.received.length = 0;
      this.storeState = this.rt.state;
    }
    return this.openStore;
  }

  /**
   * Closes the SQLite file and removes it, and the HTTPS dispatcher. For test harnesses after `sandbox.close()`:
   * the handle's close() stops the server only, and vitest ends worker processes without an exit event.
   */
  async dispose(): Promise<void> {
    if (this.openStore) discardPlatformStore(this.openStore);
    this.openStore = null;
    await this.entraDispatcher.close();
  }

  /** The SQLite file, once the first request has opened it. */
  databaseFile(): string | null {
    return this.openStore?.file ?? null;
  }
}
