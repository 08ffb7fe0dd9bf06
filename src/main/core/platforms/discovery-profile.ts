import { z } from 'zod';
import { redirectUriProblem } from '../../../shared/domain/redirect-uri';
import { ErrorCode } from '../../../shared/error-codes';
import { AppError } from '../errors/app-error';
import type { PlatformRequirements } from './delivery/platform-api-types';
import type { OutputField, PlatformProfile } from './platform-profile';

const sourceOf: Record<PlatformRequirements['fields'][number]['source'], OutputField['source']> = {
  clientId: { from: 'app', app: 'main', field: 'clientId' },
  clientSecret: { from: 'app', app: 'main', field: 'clientSecret' },
  tenantId: { from: 'partnerTenantId' },
  partnerCenterClientId: { from: 'app', app: 'partnerCenter', field: 'clientId' },
  partnerCenterClientSecret: { from: 'app', app: 'partnerCenter', field: 'clientSecret' },
  origin: { from: 'answer', question: 'origin' },
  enabled: { from: 'constant', value: 'true' },
  authMode: { from: 'answer', question: 'authMode' },
};

/**
 * A platform with no built-in profile, described by its own discovery document (Platform Onboarding
 * API, GET /v1/onboarding/requirements): the same plan, preview and apply as the built-in ones. The
 * document is checked with Microsoft's rules before anything is planned from it.
 */
export function profileFromRequirements(requirements: PlatformRequirements): PlatformProfile {
  const { app } = requirements;
  const bad = [
    ...app.redirectUris.web.map((u) => [u, redirectUriProblem(u, 'web')] as const),
    ...app.redirectUris.spa.map((u) => [u, redirectUriProblem(u, 'spa')] as const),
  ].filter(([, problem]) => problem);
  if (bad.length > 0) {
    throw new AppError(ErrorCode.PlatformRejected, `${requirements.platform.name} asks for redirect URIs Microsoft would refuse: ${bad.map(([u, p]) => `${u} (${p})`).join('; ')}`, {
      fix: 'Ask the platform to correct its requirements; nothing was changed in your tenant.',
    });
  }
  return {
    id: 'custom',
    name: requirements.platform.name,
    guide: { title: `${requirements.platform.name} requirements (from the platform)`, manualSteps: 0 },
    questions: [],
    answers: z.object({}),
    apps: () => [
      {
        role: 'main',
        displayName: app.displayName,
        signInAudience: app.signInAudience,
        redirectUris: { web: app.redirectUris.web, spa: app.redirectUris.spa, publicClient: [] },
        graph: { delegated: app.permissions.delegated, application: app.permissions.application },
        otherDelegated: [],
        groupMembershipClaims: app.groupMembershipClaims,
        idTokenOptionalClaims: app.idTokenOptionalClaims,
        secret: { lifetimeMonths: app.secretMaxLifetimeMonths },
        adminConsent: true,
        assignmentRequired: app.assignmentRequired,
      },
    ],
    outputs: () => requirements.fields.map((f) => ({ key: f.key, label: f.label, secret: f.secret, source: sourceOf[f.source] })),
    delivery: 'api',
    troubleshooting: [],
  };
}
