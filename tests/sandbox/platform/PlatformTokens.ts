import type { PlatformOrganisationKey } from './PlatformOrganisation';

/** The API token of each seeded organisation (SANDBOX_READY `platformTokens`); random per sandbox start. */
export type PlatformTokens = Record<PlatformOrganisationKey, string>;
