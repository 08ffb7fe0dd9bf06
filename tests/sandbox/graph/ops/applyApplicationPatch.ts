import type { AppRole, Application, PermissionScope, RequiredResourceAccess, SignInAudience } from '../../model/directoryTypes';
import { extraApplicationProperties } from '../validate/applicationSchemas';
import type { ApplicationPatch } from '../validate/parseApplicationBody';

type WebPatch = {
  redirectUris?: string[];
  homePageUrl?: string | null;
  logoutUrl?: string | null;
  implicitGrantSettings?: { enableIdTokenIssuance?: boolean | null; enableAccessTokenIssuance?: boolean | null } | null;
  redirectUriSettings?: Array<{ uri: string }>;
};
type ApiPatch = {
  requestedAccessTokenVersion?: 1 | 2 | null;
  oauth2PermissionScopes?: PermissionScope[];
  acceptMappedClaims?: boolean | null;
  knownClientApplications?: string[];
  preAuthorizedApplications?: unknown[];
};

/**
 * Applies a validated PATCH (or the rest of a POST) to an application and its Graph-side extras. Complex
 * properties merge member by member, as Graph's PATCH does; collections are replaced whole.
 */
export function applyApplicationPatch(app: Application, extras: Record<string, unknown>, patch: ApplicationPatch): void {
  if ('displayName' in patch) app.displayName = patch.displayName as string;
  if ('description' in patch) app.description = patch.description as string | null;
  if ('signInAudience' in patch) app.signInAudience = patch.signInAudience as SignInAudience;
  if ('uniqueName' in patch) app.uniqueName = patch.uniqueName as string | null;
  if ('identifierUris' in patch) app.identifierUris = patch.identifierUris as string[];
  if ('isFallbackPublicClient' in patch) app.isFallbackPublicClient = patch.isFallbackPublicClient as boolean | null;
  if ('groupMembershipClaims' in patch) app.groupMembershipClaims = patch.groupMembershipClaims as string | null;
  if ('tags' in patch) app.tags = patch.tags as string[];
  if ('appRoles' in patch) app.appRoles = patch.appRoles as AppRole[];
  if ('requiredResourceAccess' in patch) app.requiredResourceAccess = patch.requiredResourceAccess as RequiredResourceAccess[];
  if (patch.web !== undefined) {
    const web = patch.web as WebPatch;
    if (web.redirectUriSettings !== undefined && web.redirectUris === undefined) app.web.redirectUris = web.redirectUriSettings.map((s) => s.uri);
    if (web.redirectUris !== undefined) app.web.redirectUris = web.redirectUris;
    if (web.homePageUrl !== undefined) app.web.homePageUrl = web.homePageUrl;
    if (web.logoutUrl !== undefined) app.web.logoutUrl = web.logoutUrl;
    if (web.implicitGrantSettings) {
      const igs = web.implicitGrantSettings;
      if (igs.enableIdTokenIssuance != null) app.web.implicitGrantSettings.enableIdTokenIssuance = igs.enableIdTokenIssuance;
      if (igs.enableAccessTokenIssuance != null) app.web.implicitGrantSettings.enableAccessTokenIssuance = igs.enableAccessTokenIssuance;
    }
  }
  if (patch.spa !== undefined) {
    const spa = patch.spa as { redirectUris?: string[] };
    if (spa.redirectUris !== undefined) app.spa.redirectUris = spa.redirectUris;
  }
  if (patch.publicClient !== undefined) {
    const pc = patch.publicClient as { redirectUris?: string[] };
    if (pc.redirectUris !== undefined) app.publicClient.redirectUris = pc.redirectUris;
  }
  if (patch.api !== undefined) {
    const api = patch.api as ApiPatch;
    if (api.requestedAccessTokenVersion !== undefined) app.api.requestedAccessTokenVersion = api.requestedAccessTokenVersion;
    if (api.oauth2PermissionScopes !== undefined) app.api.oauth2PermissionScopes = api.oauth2PermissionScopes;
    const apiExtras = { ...((extras.api as Record<string, unknown> | undefined) ?? {}) };
    for (const key of ['acceptMappedClaims', 'knownClientApplications', 'preAuthorizedApplications'] as const) {
      if (api[key] !== undefined) apiExtras[key] = api[key];
    }
    extras.api = apiExtras;
  }
  for (const key of extraApplicationProperties) {
    if (key in patch) extras[key] = patch[key];
  }
}

/** Which redirect-URI platforms a patch touches (for the error's property name). */
export function changedPlatforms(patch: ApplicationPatch): Array<'web' | 'spa' | 'publicClient'> {
  return (['web', 'spa', 'publicClient'] as const).filter((p) => p in patch);
}
