import { sameRedirectUri, type RedirectPlatform } from '../../../shared/domain/redirect-uri';
import type { GraphApplication } from '../graph/ops/graph-types';
import type { AppRegistrationSpec } from '../platforms/platform-profile';
import type { ResolvedPermission } from './resource-catalog';

export const platformNames: Record<RedirectPlatform, string> = { web: 'Web', spa: 'single-page app', publicClient: 'mobile and desktop' };
export const redirectPlatforms: RedirectPlatform[] = ['web', 'spa', 'publicClient'];

export function audienceText(audience: string): string {
  return audience === 'AzureADMultipleOrgs' ? 'multi-tenant' : audience === 'AzureADMyOrg' ? 'this tenant only' : audience;
}

export function redirectUrisOf(app: GraphApplication | undefined, platform: RedirectPlatform): string[] {
  return app?.[platform]?.redirectUris ?? [];
}

export function hasPermission(app: GraphApplication | undefined, p: ResolvedPermission): boolean {
  return (app?.requiredResourceAccess ?? []).some(
    (r) => r.resourceAppId === p.resourceAppId && r.resourceAccess.some((a) => a.id === p.id && a.type === p.type),
  );
}

function idTokenClaims(app: GraphApplication | undefined): string[] {
  return (app?.optionalClaims?.idToken ?? []).map((c) => c.name);
}

/**
 * What would change on a live app to reach the spec, in the admin's words. Only additions: what
 * the admin added by hand (an extra redirect URI, another permission) is kept, never removed.
 */
export function describeAppChanges(live: GraphApplication | undefined, spec: AppRegistrationSpec, permissions: ResolvedPermission[]): string[] {
  const changes: string[] = [];
  if (!live || live.signInAudience !== spec.signInAudience) changes.push(`Who can sign in: ${audienceText(spec.signInAudience)}`);
  for (const platform of redirectPlatforms) {
    for (const uri of spec.redirectUris[platform]) {
      if (!redirectUrisOf(live, platform).some((h) => sameRedirectUri(h, uri))) {
        changes.push(`Add ${platformNames[platform]} redirect URI ${uri}`);
      }
    }
  }
  for (const p of permissions) {
    if (!hasPermission(live, p)) changes.push(`Add ${p.type === 'Scope' ? 'delegated' : 'application'} permission ${p.name}`);
  }
  if (spec.groupMembershipClaims && live?.groupMembershipClaims !== spec.groupMembershipClaims) {
    changes.push('Put security group IDs in tokens (groupMembershipClaims: SecurityGroup)');
  }
  for (const claim of spec.idTokenOptionalClaims) {
    if (!idTokenClaims(live).includes(claim)) changes.push(`Add the "${claim}" claim to the ID token`);
  }
  return changes;
}

function union(have: string[], want: string[]): string[] {
  return [...have, ...want.filter((w) => !have.some((h) => sameRedirectUri(h, w)))];
}

/** The PATCH body that brings a live app (or nothing) to the spec, keeping everything else it has. */
export function desiredAppBody(live: GraphApplication | undefined, spec: AppRegistrationSpec, permissions: ResolvedPermission[]): Record<string, unknown> {
  const liveWeb = (live?.web ?? {}) as Record<string, unknown>;
  const rra = (live?.requiredResourceAccess ?? []).map((r) => ({ resourceAppId: r.resourceAppId, resourceAccess: [...r.resourceAccess] }));
  for (const p of permissions) {
    let entry = rra.find((r) => r.resourceAppId === p.resourceAppId);
    if (!entry) rra.push((entry = { resourceAppId: p.resourceAppId, resourceAccess: [] }));
    if (!entry.resourceAccess.some((a) => a.id === p.id && a.type === p.type)) entry.resourceAccess.push({ id: p.id, type: p.type });
  }
  const liveClaims = live?.optionalClaims?.idToken ?? [];
  const claims = [
    ...liveClaims,
    ...spec.idTokenOptionalClaims
      .filter((name) => !liveClaims.some((c) => c.name === name))
      .map((name) => ({ name, source: null, essential: false, additionalProperties: [] })),
  ];
  return {
    displayName: live?.displayName ?? spec.displayName,
    signInAudience: spec.signInAudience,
    web: {
      redirectUris: union(redirectUrisOf(live, 'web'), spec.redirectUris.web),
      // Keep what the admin set on the Web platform; only the redirect URIs are ours to extend.
      ...(liveWeb['homePageUrl'] !== undefined ? { homePageUrl: liveWeb['homePageUrl'] } : {}),
      ...(liveWeb['logoutUrl'] !== undefined ? { logoutUrl: liveWeb['logoutUrl'] } : {}),
      ...(liveWeb['implicitGrantSettings'] !== undefined ? { implicitGrantSettings: liveWeb['implicitGrantSettings'] } : {}),
    },
    spa: { redirectUris: union(redirectUrisOf(live, 'spa'), spec.redirectUris.spa) },
    publicClient: { redirectUris: union(redirectUrisOf(live, 'publicClient'), spec.redirectUris.publicClient) },
    requiredResourceAccess: rra,
    ...(spec.groupMembershipClaims ? { groupMembershipClaims: spec.groupMembershipClaims } : {}),
    ...(claims.length > 0 ? { optionalClaims: { ...(live?.optionalClaims ?? {}), idToken: claims } } : {}),
  };
}
