import type { PartnerCenterSettings } from './PartnerCenterSettings';

export interface PartnerCenterService {
  /** Live Partner Center settings; mutate to change behaviour (tests, a future control endpoint). */
  settings: PartnerCenterSettings;
}
