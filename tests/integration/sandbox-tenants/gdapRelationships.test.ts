import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphHarness, type GraphHarness } from '../sandbox-graph/harness';
import { sandboxHttp } from '../sandbox/helpers/sandboxHttp';
import { plantRefreshToken, refreshForm } from './tenantTokens';

let h: GraphHarness;
let http: ReturnType<typeof sandboxHttp>;
let token: string;

const tenantOf = (kind: string) => {
  const t = h.sandbox.info.clientTenants.find((c) => c.kind === kind);
  if (!t) throw new Error(`no ${kind} tenant`);
  return t;
};

async function listAll(path: string): Promise<Array<Record<string, unknown>>> {
  const all: Array<Record<string, unknown>> = [];
  let next: string | undefined = path;
  let pages = 0;
  while (next) {
    const res = await h.call('GET', next, { token });
    expect(res.status).toBe(200);
    all.push(...res.body.value);
    const link = res.body['@odata.nextLink'] as string | undefined;
    next = link ? link.slice(h.sandbox.info.graph.length) : undefined;
    pages++;
  }
  expect(pages).toBeGreaterThan(1);
  return all;
}

/** A GDAP token attempt for the partner's Global Administrator at a client tenant (real token endpoint). */
async function gdapTokenError(tenantId: string): Promise<number[] | null> {
  const rtoken = plantRefreshToken(h.sandbox, { homeTenantId: h.partnerTenantId, upn: h.upn('globalAdmin') });
  const res = await http.postForm(`${h.sandbox.info.authority}/${tenantId}/oauth2/v2.0/token`, refreshForm(rtoken));
  return res.status === 200 ? null : res.json<{ error_codes: number[] }>().error_codes;
}

beforeAll(async () => {
  h = await startGraphHarness();
  http = sandboxHttp(h.sandbox);
  token = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['DelegatedAdminRelationship.Read.All'] });
});
afterAll(() => h.close());

describe('GDAP relationships of every state, as Graph lists them to the partner', () => {
  it('lists every relationship, paged with @odata.nextLink, in the documented shape', async () => {
    const all = await listAll('/tenantRelationships/delegatedAdminRelationships?$top=4');
    const control = (await http.control('GET', '/gdapRelationships')).json<{ total: number }>();
    expect(all).toHaveLength(control.total);
    expect(new Set(all.map((r) => r.status))).toEqual(
      new Set(['active', 'approvalPending', 'expired', 'activating', 'expiring', 'terminationRequested', 'terminated', 'created', 'approved', 'terminating']),
    );
    const full = all.find((r) => (r.customer as { tenantId: string }).tenantId === tenantOf('gdapFull').tenantId);
    expect(full).toMatchObject({
      '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
      duration: 'P730D',
      status: 'active',
      autoExtendDuration: 'PT0S',
      customer: { displayName: tenantOf('gdapFull').displayName },
      accessDetails: { unifiedRoles: [{ roleDefinitionId: expect.any(String) }, { roleDefinitionId: expect.any(String) }] },
    });
    expect(full?.['@odata.etag']).toMatch(/^W\/"/);
    for (const key of ['createdDateTime', 'lastModifiedDateTime', 'activatedDateTime', 'endDateTime']) expect(full).toHaveProperty(key);
    const pending = all.find((r) => r.status === 'approvalPending');
    expect(pending).toMatchObject({ activatedDateTime: null, endDateTime: null });
  });

  it('filters by status and by customer, and refuses $top above 300', async () => {
    const active = await h.call('GET', "/tenantRelationships/delegatedAdminRelationships?$filter=status eq 'expiring'", { token });
    expect(active.body.value.map((r) => r.status)).toEqual(['expiring']);
    const multiple = tenantOf('gdapMultiple').tenantId;
    const both = await h.call('GET', `/tenantRelationships/delegatedAdminRelationships?$filter=customer/tenantId eq '${multiple}'`, { token });
    expect(both.body.value.map((r) => r.status).sort()).toEqual(['active', 'expired']);
    expect((await h.call('GET', '/tenantRelationships/delegatedAdminRelationships?$top=301', { token })).status).toBe(400);
  });

  it('shows access assignments: the security group and its roles, none for gdapNoAccessAssignment', async () => {
    const rel = h.sandbox.info.clientTenants.find((c) => c.kind === 'gdapFull')?.gdapRelationships[0];
    const res = await h.call('GET', `/tenantRelationships/delegatedAdminRelationships/${rel?.id ?? ''}/accessAssignments`, { token });
    expect(res.status).toBe(200);
    expect(res.body.value).toHaveLength(1);
    expect(res.body.value[0]).toMatchObject({
      '@odata.type': '#microsoft.graph.delegatedAdminAccessAssignment',
      status: 'active',
      accessContainer: { accessContainerId: h.sandbox.runtime.plan.gdapGroup.id, accessContainerType: 'securityGroup' },
    });
    const none = tenantOf('gdapNoAccessAssignment').gdapRelationships[0]?.id ?? '';
    expect((await h.call('GET', `/tenantRelationships/delegatedAdminRelationships/${none}/accessAssignments`, { token })).body.value).toEqual([]);
    expect((await h.call('GET', '/tenantRelationships/delegatedAdminRelationships/nope', { token })).status).toBe(404);
  });

  it('needs DelegatedAdminRelationship.Read.All', async () => {
    const weak = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['User.Read'] });
    expect((await h.call('GET', '/tenantRelationships/delegatedAdminRelationships', { token: weak })).status).toBe(403);
  });
});

describe('what each state means for a GDAP sign-in into the customer', () => {
  it('only active (and termination-requested) relationships with an active assignment admit the partner', async () => {
    expect(await gdapTokenError(tenantOf('gdapFull').tenantId)).not.toContain(50020);
    expect(await gdapTokenError(tenantOf('gdapTerminationRequested').tenantId)).not.toContain(50020);
    expect(await gdapTokenError(tenantOf('gdapMultiple').tenantId)).not.toContain(50020);
    for (const kind of ['gdapPending', 'gdapActivating', 'gdapExpired', 'gdapExpiring', 'gdapTerminated', 'gdapNoAccessAssignment', 'gdapCreated', 'gdapApproved', 'gdapTerminating', 'noGdap']) {
      expect(await gdapTokenError(tenantOf(kind).tenantId), kind).toEqual([50020]);
    }
  });

  it('an active access assignment is not enough while the relationship itself is not active', async () => {
    for (const kind of ['gdapActivating', 'gdapApproved', 'gdapTerminating']) {
      const relId = tenantOf(kind).gdapRelationships[0]?.id ?? '';
      expect((await http.control('POST', `/gdapRelationships/${relId}/accessAssignments`, { status: 'active' })).status).toBe(201);
      expect(await gdapTokenError(tenantOf(kind).tenantId), kind).toEqual([50020]);
    }
    // Once provisioning completes the same assignment lets the partner in.
    const activating = tenantOf('gdapActivating');
    await http.control('PATCH', `/gdapRelationships/${activating.gdapRelationships[0]?.id ?? ''}`, { status: 'active' });
    expect(await gdapTokenError(activating.tenantId)).not.toContain(50020);
  });

  it('fixing the cause through the control API turns access on: approve a pending one, add an assignment', async () => {
    const pending = tenantOf('gdapPending');
    const relId = pending.gdapRelationships[0]?.id ?? '';
    const approved = await http.control('PATCH', `/gdapRelationships/${relId}`, { status: 'active' });
    expect(approved.status).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'active', activatedDateTime: expect.any(String), endDateTime: expect.any(String) });
    // approvalPending has no access assignment yet: still no way in.
    expect(await gdapTokenError(pending.tenantId)).toEqual([50020]);
    const assigned = await http.control('POST', `/gdapRelationships/${relId}/accessAssignments`, { roles: ['Application Administrator', 'Privileged Role Administrator'] });
    expect(assigned.status).toBe(201);
    expect(await gdapTokenError(pending.tenantId)).not.toContain(50020);
    const graph = await h.call('GET', `/tenantRelationships/delegatedAdminRelationships/${relId}`, { token });
    expect(graph.body.status).toBe('active');
  });

  it('granting a missing role changes the roles Graph reports and the control API refuses unknown roles', async () => {
    const missing = tenantOf('gdapMissingRoles').gdapRelationships[0]?.id ?? '';
    expect((await http.control('PATCH', `/gdapRelationships/${missing}`, { roles: ['No Such Role'] })).status).toBe(400);
    await http.control('PATCH', `/gdapRelationships/${missing}`, { roles: ['Directory Readers', 'Application Administrator', 'Privileged Role Administrator'] });
    const res = await h.call('GET', `/tenantRelationships/delegatedAdminRelationships/${missing}/accessAssignments`, { token });
    expect(res.body.value[0]?.accessDetails).toEqual({
      unifiedRoles: [
        { roleDefinitionId: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b' },
        { roleDefinitionId: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3' },
        { roleDefinitionId: 'e8611ab8-c189-46e8-94e1-60213ab1f814' },
      ],
    });
  });

  it('an active relationship whose end date passes is reported expired and admits nobody', async () => {
    const full = tenantOf('gdapFull');
    const relId = full.gdapRelationships[0]?.id ?? '';
    await http.control('PATCH', `/gdapRelationships/${relId}`, { endDateTime: new Date(h.sandbox.clock.now() - 1000).toISOString() });
    const res = await h.call('GET', `/tenantRelationships/delegatedAdminRelationships/${relId}`, { token });
    expect(res.body.status).toBe('expired');
    expect(await gdapTokenError(full.tenantId)).toEqual([50020]);
  });
});
