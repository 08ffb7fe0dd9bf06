import type { ActivityService } from '../../../shared/domain/activity';

type Sent = Record<string, string | number | boolean>;

interface Rule {
  method: string;
  /** Matched against the path after the service's base (Graph: after /v1.0), without the query. */
  path: RegExp;
  what(m: RegExpExecArray, sent: Sent): string;
}

const name = (sent: Sent, fallback: string) => (typeof sent['sent.displayName'] === 'string' ? `"${sent['sent.displayName']}"` : fallback);
const seg = '([^/]+)';
// An application or service principal addressed by object ID or by an alternate key, e.g.
// /applications(uniqueName='…') (learn.microsoft.com/graph/api/application-upsert).
const app = `(?:/applications/${seg}|/applications\\(([^)]*)\\))`;
const key = (m: RegExpExecArray) => decodeURIComponent(m[1] ?? m[2] ?? '');

/** The writes the console makes, in the words of the Entra admin center; anything else falls back to method + path. */
const graphRules: Rule[] = [
  { method: 'POST', path: /^\/applications$/, what: (_, s) => `Create app registration ${name(s, '')}`.trim() },
  { method: 'PATCH', path: new RegExp(`^${app}$`), what: (m, s) => `Create or update app registration ${name(s, key(m))}` },
  { method: 'DELETE', path: new RegExp(`^${app}$`), what: (m) => `Delete app registration ${key(m)}` },
  { method: 'POST', path: new RegExp(`^${app}/addPassword$`), what: (m) => `Add client secret to app ${key(m)}` },
  { method: 'POST', path: new RegExp(`^${app}/removePassword$`), what: (m, s) => `Remove client secret ${s['sent.keyId'] ?? ''} from app ${key(m)}`.replace('  ', ' ') },
  { method: 'POST', path: /^\/servicePrincipals$/, what: (_, s) => `Create service principal (enterprise app) for app ${s['sent.appId'] ?? ''}`.trim() },
  {
    method: 'PATCH',
    path: /^\/servicePrincipals\/([^/]+)$/,
    what: (m, s) =>
      typeof s['sent.appRoleAssignmentRequired'] === 'boolean'
        ? `${s['sent.appRoleAssignmentRequired'] ? 'Require' : 'Stop requiring'} assignment for enterprise app ${m[1]}`
        : `Update enterprise app ${m[1]}`,
  },
  {
    method: 'POST',
    path: /^\/servicePrincipals\/([^/]+)\/appRoleAssignedTo$/,
    what: (m, s) => `Assign app role ${s['sent.appRoleId'] ?? ''} of ${m[1]} to ${s['sent.principalId'] ?? 'a principal'}`,
  },
  {
    method: 'POST',
    path: /^\/servicePrincipals\/([^/]+)\/appRoleAssignments$/,
    what: (m, s) => `Grant application permission ${s['sent.appRoleId'] ?? ''} to ${m[1]}`,
  },
  { method: 'DELETE', path: /^\/servicePrincipals\/([^/]+)\/appRoleAssignedTo\/([^/]+)$/, what: (m) => `Remove app role assignment ${m[2]} from ${m[1]}` },
  {
    method: 'POST',
    path: /^\/oauth2PermissionGrants$/,
    what: (_, s) => `Grant admin consent to delegated permissions (${s['sent.scope'] ?? ''}) for ${s['sent.clientId'] ?? 'an app'}`,
  },
  { method: 'PATCH', path: /^\/oauth2PermissionGrants\/([^/]+)$/, what: (m, s) => `Change delegated permissions of grant ${m[1]} to (${s['sent.scope'] ?? ''})` },
  { method: 'DELETE', path: /^\/oauth2PermissionGrants\/([^/]+)$/, what: (m) => `Revoke delegated permission grant ${m[1]}` },
  { method: 'POST', path: /^\/groups$/, what: (_, s) => `Create security group ${name(s, '')}`.trim() },
  { method: 'POST', path: /^\/groups\/([^/]+)\/members\/\$ref$/, what: (m) => `Add a member to group ${m[1]}` },
  { method: 'POST', path: /^\/identity\/conditionalAccess\/policies$/, what: (_, s) => `Create Conditional Access policy ${name(s, '')}`.trim() },
  { method: 'PATCH', path: /^\/identity\/conditionalAccess\/policies\/([^/]+)$/, what: (m, s) => `Update Conditional Access policy ${name(s, m[1]!)}` },
];

const partnerCenterRules: Rule[] = [
  {
    method: 'POST',
    path: /^\/v1\/customers\/([^/]+)\/applicationconsents$/,
    what: (m, s) => `Grant consent to app ${s['sent.applicationId'] ?? ''} in client tenant ${m[1]} (Partner Center CPV)`,
  },
  { method: 'DELETE', path: /^\/v1\/customers\/([^/]+)\/applicationconsents\/([^/]+)$/, what: (m) => `Remove consent of app ${m[2]} in client tenant ${m[1]} (Partner Center CPV)` },
];

const platformRules: Rule[] = [
  { method: 'PUT', path: /\/v1\/sso-configuration$/, what: () => 'Push the sign-in configuration to the platform' },
  { method: 'POST', path: /\/v1\/sso-configuration\/test$/, what: () => 'Ask the platform to test the credentials against Entra' },
  { method: 'PUT', path: /\/v1\/tenants\/([^/]+)$/, what: (m) => `Enable client tenant ${decodeURIComponent(m[1]!)} on the platform` },
  { method: 'DELETE', path: /\/v1\/tenants\/([^/]+)$/, what: (m) => `Disable client tenant ${decodeURIComponent(m[1]!)} on the platform` },
  { method: 'POST', path: /\/v1\/tenants\/batch$/, what: (_, s) => `Enable ${s['sent.tenants.count'] ?? 'several'} client tenants on the platform` },
];

const rulesFor: Record<Exclude<ActivityService, 'console'>, Rule[]> = { graph: graphRules, partnerCenter: partnerCenterRules, platform: platformRules };
const verbs: Record<string, string> = { POST: 'Create or call', PUT: 'Set', PATCH: 'Update', DELETE: 'Delete' };
const where: Record<Exclude<ActivityService, 'console'>, string> = { graph: 'in Microsoft Entra', partnerCenter: 'in Partner Center', platform: 'on the platform' };

/** "POST /applications/{id}/addPassword" → "Add client secret to app {id}". */
export function describeRequest(service: Exclude<ActivityService, 'console'>, method: string, path: string, sent: Sent): string {
  for (const rule of rulesFor[service]) {
    if (rule.method !== method) continue;
    const m = rule.path.exec(path);
    if (m) return rule.what(m, sent);
  }
  return `${verbs[method] ?? method} ${path} ${where[service]}`;
}
