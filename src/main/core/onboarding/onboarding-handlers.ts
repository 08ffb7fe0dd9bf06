import type { HandlerSlice } from '../../../shared/contract/handler-types';
import type { OnboardingService } from './onboarding-service';

export function onboardingHandlers(
  service: OnboardingService,
): HandlerSlice<
  | 'onboarding.wizard'
  | 'onboarding.saveAnswers'
  | 'onboarding.preview'
  | 'onboarding.apply'
  | 'onboarding.resume'
  | 'onboarding.run'
  | 'onboarding.handover'
  | 'onboarding.revealSecret'
  | 'onboarding.checklist'
  | 'onboarding.tickChecklist'
> {
  return {
    'onboarding.wizard': (i) => service.wizard(i.workspaceId),
    'onboarding.saveAnswers': (i) => service.saveAnswers(i.workspaceId, i.answers),
    'onboarding.preview': (i) => service.previewPlan(i.workspaceId, i.homeAccountId, i.adopt),
    'onboarding.apply': (i) => service.apply(i.workspaceId, i.homeAccountId, i.adopt),
    'onboarding.resume': (i) => service.resume(i.workspaceId),
    'onboarding.run': (i) => service.runView(i.workspaceId),
    'onboarding.handover': (i) => ({ fields: service.handover(i.workspaceId) }),
    'onboarding.revealSecret': (i) => service.revealSecret(i.workspaceId, i.role),
    'onboarding.checklist': (i) => ({ items: service.checklist(i.workspaceId) }),
    'onboarding.tickChecklist': (i) => ({ items: service.tickChecklist(i.workspaceId, i.itemKey, i.done) }),
  };
}
