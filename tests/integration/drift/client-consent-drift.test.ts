import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsentEnv, type ConsentEnv } from '../consent/consent-env';

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
let env: ConsentEnv;
let ws: string;
let tenantId: string;

beforeAll(async () => {
  env = await startConsentEnv('eo-drift-clients-');
  ws = await env.setUp('bvoip');
  await env.core.services.clientTenants.discover(ws, env.homeAccountId, ['gdap', 'partnerCenter']);
  tenantId = env.sandbox.info.clientTenants.find((c) => c.kind === 'gdapFull')!.tenantId;
  await env.core.services.consentRuns.start({ workspaceId: ws, homeAccountId: env.homeAccountId, mode: 'consent', selection: { tenantIds: [tenantId] } });
  await env.core.services.consentRuns.settled(ws);
}, 240_000);
afterAll(() => env?.close());

/** The app's Graph app role assignments in the client tenant, as the sandbox holds them. */
function graphRolesInClient() {
  const dir = env.sandbox.state.directory(tenantId);
  const appId = env.core.services.clientTenants.app(ws).appId!;
  const sp = dir.findServicePrincipalByAppId(appId)!;
  const graph = dir.findServicePrincipalByAppId(GRAPH_APP_ID)!;
  return { dir, assignments: dir.assignmentsOf(sp.id, graph.id) };
}

describe('drift of consent in client tenants', () => {
  it('reads each consented client tenant back; a revoked permission there is drift, and Repair consents again', async () => {
    const clean = (await env.core.services.drift.checkAll()).workspaces.find((w) => w.workspaceId === ws)!;
    const clients = clean.items.filter((i) => i.kind === 'clientConsent');
    // Only tenants the workspace consented are desired to stay consented.
    expect(clients.map((i) => [i.key, i.state])).toEqual([[`client:${tenantId}`, 'inSync']]);

    // The client's own admin removes the application permission in their tenant.
    const { dir, assignments } = graphRolesInClient();
    expect(assignments.length).toBeGreaterThan(0);
    for (const a of assignments) dir.appRoleAssignments.delete(a.id);

    const drifted = (await env.core.services.drift.checkAll()).workspaces.find((w) => w.workspaceId === ws)!;
    const item = drifted.items.find((i) => i.key === `client:${tenantId}`)!;
    expect(item).toMatchObject({ kind: 'clientConsent', state: 'drifted', actual: 'Missing: Microsoft Graph User.Read.All (application)' });
    expect(drifted.state).toBe('drifted');

    const repaired = await env.core.services.drift.repair(ws, `client:${tenantId}`);
    expect(repaired.item).toMatchObject({ key: `client:${tenantId}`, state: 'inSync', actual: 'Consented' });
    expect(graphRolesInClient().assignments.length).toBeGreaterThan(0);
    expect(repaired.workspace.items.filter((i) => i.state === 'drifted')).toEqual([]);
  }, 180_000);
});
