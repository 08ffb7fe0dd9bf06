import type { Client } from '@microsoft/microsoft-graph-client';
import type { StepId } from '../auth/step-scopes';
import type { CloudProfile } from '../clouds/cloud-profile';
import type { CloudFetch } from '../net/cloud-fetch';
import type { Capability } from '../preflight/capabilities';
import type { Vault } from '../vault/vault';
import type { ManagedAppRepository } from './managed-app-repository';

/** What every step may use; nothing else crosses from one step to the next but the repository. */
export interface StepContext {
  workspaceId: string;
  partnerTenantId: string;
  cloud: CloudProfile;
  fetchFn: CloudFetch;
  /** A Graph client whose token carries the scopes of the given step (asked for incrementally). */
  graph(scopes: StepId): Client;
  apps: ManagedAppRepository;
  vault: Vault;
  /** The admin's capabilities from preflight: steps they cannot do are "blocked", not failed. */
  can(capability: Capability): boolean;
  /** Apps the admin chose to adopt instead of creating (role -> appId). */
  adopt: Partial<Record<string, string>>;
  runId: string;
  now(): Date;
  /** Progress within a step: shown under the step while it runs. */
  report(message: string, waitingMs?: number): void;
}

export type StepAction = 'create' | 'update' | 'keep' | 'blocked';

/** A step's plan in plain words, before anything is written. */
export interface StepPreview {
  action: StepAction;
  summary: string;
  details: string[];
  /** A blocked step the run can still get past another way (a Global Administrator in the browser). */
  fallback?: 'browserConsent';
  /**
   * The step's permissions need an administrator's consent the signed-in admin cannot give (AADSTS90094): the
   * admin consent URL for them (all such steps of the plan at once), for a Global Administrator to open.
   */
  adminConsent?: { url: string; steps: StepId[]; roles: string };
  /** Existing apps the admin may choose to reuse instead of creating one (matched by display name). */
  adoptable?: { role: string; apps: { appId: string; displayName: string }[] };
}

/**
 * One idempotent, resumable unit of onboarding. `inspect` reads the live tenant and says what
 * `apply` would do; `apply` does it, and is safe to run again after a crash at any point.
 */
export interface OnboardingStep {
  id: string;
  title: string;
  /** Why this step exists, in the guide's words. */
  why: string;
  scopes: StepId;
  inspect(ctx: StepContext): Promise<StepPreview>;
  apply(ctx: StepContext): Promise<Record<string, unknown>>;
}
