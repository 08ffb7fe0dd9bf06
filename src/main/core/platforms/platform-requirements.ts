import type { PlatformId } from '../../../shared/domain/platforms';
import type { Capability } from '../preflight/capabilities';

export interface PlatformRequirements {
  /** Always needed for this platform. */
  capabilities: Capability[];
  /** Needed only for optional steps the admin may choose (the wizard asks). */
  optional: { capability: Capability; when: string }[];
  /** What the platform's own setup guide says about roles, quoted to the admin. */
  guideSays: string | undefined;
  /** How existing app registrations for this platform usually start (candidates to reuse). */
  appNameHints: string[];
}

/**
 * The roles each seed guide's setup needs, as capabilities. Application permissions (bvoip's
 * User.Read.All, SonicSaaS's Group.Read.All) need consentApplication; delegated-only apps need
 * consentDelegated. The full profiles (questions, app spec, outputs) come with the wizard.
 */
export const platformRequirements: Record<PlatformId, PlatformRequirements> = {
  clientone: {
    capabilities: ['manageAppRegistrations', 'consentDelegated'],
    optional: [{ capability: 'consentDelegated', when: 'the Partner Center app (Partner Center user_impersonation)' }],
    guideSays: undefined,
    appNameHints: ['ClientOne', 'PanelOne'],
  },
  'bvoip-partner-portal': {
    capabilities: ['manageAppRegistrations', 'consentApplication'],
    optional: [],
    guideSays: 'Global Administrator or Privileged Role Administrator in your partner tenant.',
    appNameHints: ['bvoip'],
  },
  'bvoip-phone-systems': {
    capabilities: ['manageAppRegistrations', 'consentApplication'],
    optional: [],
    guideSays: 'The partner-level setup first: Global Administrator or Privileged Role Administrator.',
    appNameHints: ['bvoip'],
  },
  sonicsaas: {
    capabilities: ['manageAppRegistrations', 'consentApplication'],
    optional: [
      { capability: 'manageSecurityGroups', when: 'creating the admin, operator, viewer and auditor groups' },
      { capability: 'manageConditionalAccess', when: 'the MFA policy for entra-only mode' },
    ],
    guideSays: 'Tenant admin access; admin consent for Group.Read.All (an application permission).',
    appNameHints: ['SonicSaaS'],
  },
  clment: {
    capabilities: ['manageAppRegistrations', 'consentDelegated'],
    optional: [{ capability: 'assignUsers', when: '"Assignment required" with chosen users and groups' }],
    guideSays: 'Application Administrator or higher.',
    appNameHints: ['Clment'],
  },
  custom: {
    capabilities: ['manageAppRegistrations', 'consentDelegated'],
    optional: [{ capability: 'consentApplication', when: 'the platform asks for application permissions' }],
    guideSays: undefined,
    appNameHints: [],
  },
};
