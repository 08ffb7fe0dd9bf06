import type { HandlerSlice } from '../../../shared/contract/handler-types';
import type { BrowserConsentService } from './browser-consent-service';

export function consentHandlers(service: BrowserConsentService): HandlerSlice<'onboarding.consentInBrowser' | 'onboarding.adminConsentForSteps'> {
  return {
    'onboarding.consentInBrowser': (i) => service.grant(i.workspaceId, i.homeAccountId, i.role),
    'onboarding.adminConsentForSteps': (i) => service.grantForSteps(i.homeAccountId, i.steps),
  };
}
