import type { Client } from '@microsoft/microsoft-graph-client';
import type { TenantOverview } from '../../../shared/domain/preflight';
import { graphFailed } from './graph-errors';
import { readAllPages } from './read-all-pages';

interface Page<T> {
  value: T[];
}

interface Organization {
  id: string;
  displayName: string;
  verifiedDomains?: { name: string; isDefault?: boolean }[];
}

interface DirectoryObject {
  '@odata.type'?: string;
  roleTemplateId?: string;
  displayName?: string;
}

/**
 * The partner tenant as preflight shows it: name, ID, domains, and the signed-in admin's directory
 * roles. Needs only User.Read (sign-in's own scope).
 */
export async function readTenantOverview(client: Client): Promise<TenantOverview> {
  try {
    const [me, orgs, memberOf] = await Promise.all([
      client.api('/me').select(['id', 'displayName', 'userPrincipalName']).get() as Promise<{
        displayName: string | null;
        userPrincipalName: string;
      }>,
      client.api('/organization').select(['id', 'displayName', 'verifiedDomains']).get() as Promise<Page<Organization>>,
      readAllPages<DirectoryObject>(client, client.api('/me/memberOf')),
    ]);
    const org = orgs.value[0];
    if (!org) throw new Error('Microsoft Graph returned no organization for this tenant.');
    const domains = org.verifiedDomains ?? [];
    return {
      tenantId: org.id,
      displayName: org.displayName,
      defaultDomain: domains.find((d) => d.isDefault)?.name ?? null,
      verifiedDomains: domains.map((d) => d.name),
      user: { displayName: me.displayName ?? null, userPrincipalName: me.userPrincipalName },
      roles: memberOf
        .filter((o) => o['@odata.type'] === '#microsoft.graph.directoryRole' && o.roleTemplateId)
        .map((o) => ({ templateId: o.roleTemplateId as string, name: o.displayName ?? (o.roleTemplateId as string) })),
    };
  } catch (error) {
    throw graphFailed(error, 'read your tenant');
  }
}
