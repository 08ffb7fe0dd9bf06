import type { DriftKind, DriftState } from '../../../../shared/domain/drift';

export const stateLabels: Record<DriftState, string> = { inSync: 'In sync', drifted: 'Drifted', notChecked: 'Could not check' };

export const stateColors: Record<DriftState, 'success' | 'danger' | 'warning'> = { inSync: 'success', drifted: 'danger', notChecked: 'warning' };

export const kindLabels: Record<DriftKind, string> = {
  appRegistration: 'App registration',
  redirectUri: 'Redirect URI',
  permission: 'Permission',
  adminConsent: 'Admin consent',
  secret: 'Client secret',
  servicePrincipal: 'Enterprise application',
  assignmentRequired: 'Assignment required',
  platformConfiguration: 'Platform',
  clientConsent: 'Client tenant consent',
};
