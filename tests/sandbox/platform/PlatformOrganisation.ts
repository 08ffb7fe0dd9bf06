import type { Requirements } from './platformApiTypes';

/** The seeded organisations, by the key SANDBOX_READY's `platformTokens` uses. */
export type PlatformOrganisationKey = 'panelone' | 'sonicsaas' | 'clment' | 'acme';

/** One organisation (the MSP's account) on a platform that publishes the Platform Onboarding API. */
export interface PlatformOrganisation {
  key: PlatformOrganisationKey;
  /** Row key in the backend's tables. */
  id: string;
  /** Shown in logs and tests, e.g. "PanelOne (ClientOne)". */
  name: string;
  requirements: Requirements;
}
