import type { PlatformId } from '../../../shared/domain/platforms';
import type { PlatformProfile } from './platform-profile';
import { bvoipPartnerPortalProfile } from './profiles/bvoip-partner-portal';
import { clientOneProfile } from './profiles/clientone';
import { clmentProfile } from './profiles/clment';
import { sonicSaasProfile } from './profiles/sonicsaas';

/**
 * The built-in profiles written so far. bvoip phone systems (its decision tree) and platforms
 * described by a discovery document come with the wizard engine (issue 5).
 */
export const platformProfiles: Partial<Record<PlatformId, PlatformProfile>> = {
  clientone: clientOneProfile as PlatformProfile,
  'bvoip-partner-portal': bvoipPartnerPortalProfile as PlatformProfile,
  sonicsaas: sonicSaasProfile as PlatformProfile,
  clment: clmentProfile as PlatformProfile,
};
