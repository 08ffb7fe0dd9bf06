import type { SandboxClock } from './clock/SandboxClock';
import type { TokenBucketLimiter } from './http/TokenBucketLimiter';
import type { IdentityStore } from './identity/IdentityStore';
import type { TokenSigner } from './identity/TokenSigner';
import type { SandboxState } from './model/SandboxState';
import type { SandboxUrls } from './SandboxUrls';
import type { ScenarioPlan } from './scenario/ScenarioPlan';
import type { SandboxSettings } from './settings/SandboxSettings';
import type { SeededRandom } from './util/createSeededRandom';

/**
 * What every route handler works with. `state` is replaced on reset, so handlers read it per request from here
 * rather than capturing it.
 */
export interface SandboxRuntime {
  plan: ScenarioPlan;
  state: SandboxState;
  settings: SandboxSettings;
  clock: SandboxClock;
  identity: IdentityStore;
  signer: TokenSigner;
  urls: SandboxUrls;
  limiter: TokenBucketLimiter;
  /** Seeded streams: fault decisions and token lifetimes replay for a given seed. */
  random: { faults: SeededRandom; tokens: SeededRandom };
  graphPermissionsDir: string | undefined;
}
