import type { TenantDirectory } from '../../model/TenantDirectory';
import type { Application } from '../../model/directoryTypes';
import type { AadstsError } from '../aadError';
import type { AdminConsentParams } from '../IdentityStore';
import { parseScopeRequest } from '../parseScopeRequest';
import { requestedDelegatedItems, staticPermissionItems, type PermissionItem } from '../permissionItems';

/**
 * What an admin consent request consents to (facts §6): v1 = every statically configured permission; v2 = the
 * `scope` list, where `{resource}/.default` means that resource's static permissions (delegated and application).
 */
export function adminConsentItems(
  directory: TenantDirectory,
  app: Application,
  params: AdminConsentParams,
): { ok: true; items: PermissionItem[] } | { ok: false; error: AadstsError } {
  if (params.version === 1 || !params.scope) return { ok: true, items: staticPermissionItems(directory, app) };
  const parsed = parseScopeRequest(params.scope, directory, app);
  if (!parsed.ok) return parsed;
  if (parsed.value.isDefault) {
    return { ok: true, items: staticPermissionItems(directory, app, parsed.value.resource.appId) };
  }
  return { ok: true, items: requestedDelegatedItems(directory, app, parsed.value) };
}
