// Real-client check (issue 9 §2): CLI for Microsoft 365, a widely used Microsoft 365 command-line client that
// hard-codes login.microsoftonline.com and graph.microsoft.com, signs in to the sandbox and drives app, permission,
// consent, group and user operations. Needs root (an /etc/hosts entry and port 443); `.ci/run` runs it as root
// after `npm test`. Prints one line "real-client check: N passed, N failed" and exits non-zero on any failure.
//   node --import tsx scripts/real-client-check.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addHostsEntry } from './real-client/hostsEntry';
import { issueHostCertificate } from './real-client/issueHostCertificate';
import { runM365, type M365Result } from './real-client/runM365';
import { startMicrosoftHostsProxy } from './real-client/startMicrosoftHostsProxy';
// @ts-expect-error plain ESM helper without types
import { startSandboxProcess } from './start-sandbox-process.mjs';

const microsoftHosts = ['login.microsoftonline.com', 'graph.microsoft.com'];
const graphAppId = '00000003-0000-0000-c000-000000000000';
/** What CLI for Microsoft 365's own setup (`m365 setup`) asks for its Entra app to manage apps, groups and users. */
const cliScopes = 'openid profile offline_access User.Read.All Directory.Read.All Application.ReadWrite.All AppRoleAssignment.ReadWrite.All DelegatedPermissionGrant.ReadWrite.All Group.ReadWrite.All';

interface SandboxInfo {
  authority: string;
  control: string;
  controlToken: string;
  caFile: string;
  partnerTenantId: string;
  users: Array<{ key: string; username: string; password: string }>;
}

const results: Array<{ name: string; ok: boolean; detail: string }> = [];
const started = Date.now();

function record(name: string, ok: boolean, detail = ''): void {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''} (${Math.round((Date.now() - started) / 1000)} s)`);
}

function json<T>(result: M365Result): T {
  return JSON.parse(result.stdout) as T;
}

async function control(info: SandboxInfo, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const { Agent, fetch } = await import('undici');
  const { readFileSync } = await import('node:fs');
  const res = await fetch(`${info.control}${path}`, {
    method,
    headers: { authorization: `Bearer ${info.controlToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    dispatcher: new Agent({ connect: { ca: readFileSync(info.caFile, 'utf8') } }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function main(): Promise<number> {
  if (process.getuid?.() !== 0) {
    console.log('real-client check not run: it needs root (an /etc/hosts entry for Microsoft\'s host names and port 443).');
    return 0;
  }
  const work = mkdtempSync(join(tmpdir(), 'entra-onboard-real-client-'));
  const dataDir = join(work, 'sandbox');
  const home = join(work, 'home');
  // CLI for Microsoft 365 does not wait for Entra to replicate (it creates the service principal and grants in the
  // same breath: anchors.md §3), so this check of its protocol forms runs with every replication delay off; the
  // product's own tests keep the sandbox's default delays.
  const noReplicationDelay = JSON.stringify({
    replication: { applicationDelayMs: 0, applicationReadDelayMs: 0, servicePrincipalReferenceDelayMs: 0, secretDelayMs: 0 },
  });
  const sandbox = (await startSandboxProcess(['--data-dir', dataDir, '--tenants', '8', '--settings', noReplicationDelay])) as { child: { kill(): void }; info: SandboxInfo };
  const info = sandbox.info;
  let restoreHosts: (() => void) | null = null;
  let proxy: { close(): void } | null = null;
  try {
    const cert = await issueHostCertificate(dataDir, microsoftHosts);
    proxy = await startMicrosoftHostsProxy({ sandboxAuthority: info.authority, ...cert, log: (line) => process.env.REAL_CLIENT_VERBOSE && console.log(`  proxy ${line}`) });
    restoreHosts = addHostsEntry(microsoftHosts);
    const env = { home, caFile: info.caFile };

    // The CLI's own Entra app (since v7 it has none of its own): a public client in the partner tenant with
    // "Allow public client flows" for the password sign-in, and admin consent for what it manages.
    const app = await control(info, 'POST', `/tenants/${info.partnerTenantId}/applications`, {
      displayName: 'CLI for Microsoft 365',
      signInAudience: 'AzureADMyOrg',
      isFallbackPublicClient: true,
      createServicePrincipal: true,
    });
    const cliAppId = String(app.json.appId);
    await control(info, 'POST', `/tenants/${info.partnerTenantId}/oauth2PermissionGrants`, { clientAppId: cliAppId, resourceAppId: graphAppId, scope: cliScopes });
    const admin = info.users.find((u) => u.key === 'globalAdmin');
    const member = info.users.find((u) => u.key === 'member');
    const appAdmin = info.users.find((u) => u.key === 'applicationAdmin');
    if (!admin || !member || !appAdmin) throw new Error('the sandbox scenario has no globalAdmin, member or applicationAdmin');

    await runM365(['cli', 'config', 'set', '--key', 'disableTelemetry', '--value', 'true'], env);
    await runM365(['cli', 'config', 'set', '--key', 'output', '--value', 'json'], env);

    const badLogin = await runM365(['login', '--authType', 'password', '--userName', admin.username, '--password', 'wrong', '--appId', cliAppId, '--tenant', info.partnerTenantId], env);
    record('login with a wrong password fails with AADSTS50126', badLogin.code !== 0 && /AADSTS50126/.test(badLogin.stdout + badLogin.stderr), (badLogin.stderr || badLogin.stdout).trim().split('\n')[0] ?? '');

    const login = await runM365(['login', '--authType', 'password', '--userName', admin.username, '--password', admin.password, '--appId', cliAppId, '--tenant', info.partnerTenantId], env);
    record('m365 login --authType password', login.code === 0, (login.stderr || '').trim().split('\n')[0] ?? '');
    const status = await runM365(['status'], env);
    record('m365 status shows the signed-in admin', status.code === 0 && status.stdout.includes(admin.username), status.stdout.trim().split('\n')[0] ?? status.stderr);

    const appAdd = await runM365(
      ['entra', 'app', 'add', '--name', 'CLI multi-tenant app', '--multitenant', '--platform', 'web', '--redirectUris', 'https://cli.example.com/signin-oidc,https://cli.example.com/auth', '--apisDelegated', 'https://graph.microsoft.com/User.Read', '--grantAdminConsent', '--withSecret'],
      env,
    );
    record('entra app add (multi-tenant, Web redirect URIs, User.Read, admin consent, secret)', appAdd.code === 0, appAdd.code === 0 ? '' : appAdd.stderr.trim());
    const created = appAdd.code === 0 ? json<{ appId: string; objectId: string; secrets?: Array<{ value: string }> }>(appAdd) : null;

    if (created) {
      const get = await runM365(['entra', 'app', 'get', '--appId', created.appId], env);
      const got = get.code === 0 ? json<{ signInAudience: string; web: { redirectUris: string[] } }>(get) : null;
      record('entra app get shows AzureADMultipleOrgs and both redirect URIs', got?.signInAudience === 'AzureADMultipleOrgs' && got.web.redirectUris.length === 2, get.code === 0 ? '' : get.stderr.trim());

      const permission = await runM365(['entra', 'app', 'permission', 'add', '--appId', created.appId, '--applicationPermissions', 'https://graph.microsoft.com/User.Read.All', '--grantAdminConsent'], env);
      record('entra app permission add (User.Read.All application permission, admin consent)', permission.code === 0, permission.code === 0 ? '' : permission.stderr.trim());

      const sp = await runM365(['entra', 'enterpriseapp', 'get', '--id', created.appId], env);
      const spId = sp.code === 0 ? json<{ id: string }>(sp).id : '';
      record('entra enterpriseapp get finds the service principal the consent created', Boolean(spId), sp.code === 0 ? '' : sp.stderr.trim());
      const roles = await runM365(['entra', 'approleassignment', 'list', '--appId', created.appId], env);
      record('entra approleassignment list shows User.Read.All granted', roles.code === 0 && roles.stdout.includes('User.Read.All'), roles.code === 0 ? '' : roles.stderr.trim());
      const grants = spId ? await runM365(['entra', 'oauth2grant', 'list', '--spObjectId', spId], env) : null;
      const existing = grants?.code === 0 ? json<Array<{ objectId?: string; id?: string; scope: string }>>(grants) : [];
      record('entra oauth2grant list shows the delegated consent', existing.some((g) => g.scope.split(' ').includes('User.Read')), grants?.code === 0 ? '' : (grants?.stderr.trim() ?? 'no service principal'));
      const grantId = existing[0]?.objectId ?? existing[0]?.id;
      if (grantId) {
        const set = await runM365(['entra', 'oauth2grant', 'set', '--grantId', grantId, '--scope', 'User.Read Group.Read.All'], env);
        const after = await runM365(['entra', 'oauth2grant', 'list', '--spObjectId', spId], env);
        const widened = after.code === 0 && json<Array<{ scope: string }>>(after).some((g) => g.scope.split(' ').includes('Group.Read.All'));
        record('entra oauth2grant set widens the consent', set.code === 0 && widened, set.code === 0 ? '' : set.stderr.trim());
      }
    }

    const group = await runM365(['entra', 'group', 'add', '--displayName', 'CLI operators', '--type', 'security', '--mailNickname', 'clioperators', '--ownerUserNames', admin.username], env);
    record('entra group add (security group with an owner)', group.code === 0, group.code === 0 ? '' : group.stderr.trim());
    const groupId = group.code === 0 ? json<{ id: string }>(group).id : '';
    if (groupId) {
      const add = await runM365(['entra', 'group', 'member', 'add', '--groupId', groupId, '--userNames', `${member.username},${appAdmin.username}`, '--role', 'Member'], env);
      record('entra group member add (two users)', add.code === 0, add.code === 0 ? '' : add.stderr.trim());
      const list = await runM365(['entra', 'group', 'member', 'list', '--groupId', groupId], env);
      record('entra group member list shows the owner and both members', list.code === 0 && list.stdout.includes(member.username) && list.stdout.includes(appAdmin.username), list.code === 0 ? '' : list.stderr.trim());
    }

    const userGet = await runM365(['entra', 'user', 'get', '--userName', member.username], env);
    record('entra user get', userGet.code === 0 && json<{ userPrincipalName: string }>(userGet).userPrincipalName === member.username, userGet.code === 0 ? '' : userGet.stderr.trim());
    const userList = await runM365(['entra', 'user', 'list', '--properties', 'id,displayName,userPrincipalName,accountEnabled'], env);
    const users = userList.code === 0 ? json<Array<{ userPrincipalName: string }>>(userList) : [];
    record('entra user list (every user, $select)', userList.code === 0 && users.length === info.users.length, userList.code === 0 ? `${users.length} users` : userList.stderr.trim());

    // The same CLI as the new app, with the secret `app add --withSecret` returned (client credentials, app-only):
    // the User.Read.All app role granted above is what lets it list users.
    const secret = created?.secrets?.[0]?.value;
    if (created && secret) {
      const appEnv = { home: join(work, 'home-app'), caFile: info.caFile };
      await runM365(['cli', 'config', 'set', '--key', 'disableTelemetry', '--value', 'true'], appEnv);
      await runM365(['cli', 'config', 'set', '--key', 'output', '--value', 'json'], appEnv);
      const appLogin = await runM365(['login', '--authType', 'secret', '--appId', created.appId, '--secret', secret, '--tenant', info.partnerTenantId], appEnv);
      record('m365 login --authType secret with the new app\'s secret', appLogin.code === 0, appLogin.code === 0 ? '' : appLogin.stderr.trim());
      const appUsers = await runM365(['entra', 'user', 'list'], appEnv);
      record('entra user list app-only (User.Read.All application permission)', appUsers.code === 0 && json<unknown[]>(appUsers).length === info.users.length, appUsers.code === 0 ? '' : appUsers.stderr.trim());
    } else {
      record('entra app add returned a secret', false);
    }

    // An account that needs MFA cannot use the password grant: Entra answers 50076 (interaction_required).
    const memberId = (await control(info, 'GET', `/tenants/${info.partnerTenantId}`)).json.users as Array<{ id: string; userPrincipalName: string }>;
    const target = memberId.find((u) => u.userPrincipalName === member.username);
    await control(info, 'PATCH', `/tenants/${info.partnerTenantId}/users/${target?.id}`, { requireMfa: true });
    const mfaEnv = { home: join(work, 'home-mfa'), caFile: info.caFile };
    const mfaLogin = await runM365(['login', '--authType', 'password', '--userName', member.username, '--password', member.password, '--appId', cliAppId, '--tenant', info.partnerTenantId], mfaEnv);
    record('login with a password for an account that needs MFA fails with AADSTS50076', mfaLogin.code !== 0 && /AADSTS50076/.test(mfaLogin.stdout + mfaLogin.stderr), (mfaLogin.stderr || mfaLogin.stdout).trim().split('\n')[0] ?? '');
  } catch (error) {
    record('real-client check ran to the end', false, error instanceof Error ? error.message : String(error));
  } finally {
    restoreHosts?.();
    proxy?.close();
    sandbox.child.kill();
    rmSync(work, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`real-client check (CLI for Microsoft 365): ${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
