import type { PlatformId } from '../../../shared/domain/platforms';
import type { PlatformProfile } from './platform-profile';
import { bvoipPartnerPortalProfile } from './profiles/bvoip-partner-portal';
import { bvoipPhoneSystemsProfile } from './profiles/bvoip-phone-systems';
import { clientOneProfile } from './profiles/clientone';
import { clmentProfile } from './profiles/clment';
import { sonicSaasProfile } from './profiles/sonicsaas';

/**
 * The built-in profiles, one per seed guide. A platform described by its discovery document
 * ("custom") has none: its profile is built from its requirements (discovery-profile.ts).
 */
export const platformProfiles: Partial<Record<PlatformId, PlatformProfile>> = {
  clientone: clientOneProfile as PlatformProfile,
  'bvoip-partner-portal': bvoipPartnerPortalProfile as PlatformProfile,
  'bvoip-phone-systems': bvoipPhoneSystemsProfile as PlatformProfile,
  sonicsaas: sonicSaasProfile as PlatformProfile,
  clment: clmentProfile as PlatformProfile,
};
