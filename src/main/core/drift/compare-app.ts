import type { DriftItem } from '../../../shared/domain/drift';
import { sameRedirectUri } from '../../../shared/domain/redirect-uri';
import type { GraphApplication } from '../graph/ops/graph-types';
import { hasPermission, platformNames, redirectPlatforms, redirectUrisOf } from '../onboarding/app-diff';
import type { ResolvedPermission } from '../onboarding/resource-catalog';
import type { AppRegistrationSpec } from '../platforms/platform-profile';

const permissionType = (p: ResolvedPermission) => (p.type === 'Scope' ? 'delegated' : 'application');

/**
 * The app registration's redirect URIs and required permissions against the spec its setup used,
 * one item each. Extra URIs or permissions the admin added are not drift: setup never removes them.
 */
export function compareApp(live: GraphApplication, spec: AppRegistrationSpec, permissions: ResolvedPermission[]): DriftItem[] {
  const items: DriftItem[] = [];
  for (const platform of redirectPlatforms) {
    for (const uri of spec.redirectUris[platform]) {
      const present = redirectUrisOf(live, platform).some((h) => sameRedirectUri(h, uri));
      const others = redirectUrisOf(live, platform).length;
      items.push({
        key: `${spec.role}:redirect:${platform}:${uri}`,
        kind: 'redirectUri',
        title: `${platformNames[platform]} redirect URI ${uri} on “${live.displayName}”`,
        state: present ? 'inSync' : 'drifted',
        expected: `${uri} is a ${platformNames[platform]} redirect URI`,
        actual: present ? 'Present' : `Missing (${others === 0 ? 'no' : others} ${platformNames[platform]} redirect URI${others === 1 ? '' : 's'} on the app)`,
        ...(present ? {} : { repair: 'Add the redirect URI back to the app registration; the others are kept.' }),
      });
    }
  }
  for (const p of permissions) {
    const present = hasPermission(live, p);
    items.push({
      key: `${spec.role}:permission:${p.type}:${p.resourceAppId}:${p.name}`,
      kind: 'permission',
      title: `Required ${permissionType(p)} permission ${p.name} on “${live.displayName}”`,
      state: present ? 'inSync' : 'drifted',
      expected: `${p.name} (${permissionType(p)}) is listed under API permissions`,
      actual: present ? 'Listed' : 'Not listed any more',
      ...(present ? {} : { repair: 'Add the permission back to the app registration; its other permissions are kept.' }),
    });
  }
  return items;
}
