import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCloud } from '../../../src/main/core/clouds/sandbox-cloud';
import { startConsentEnv, type ConsentEnv } from './consent-env';

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
// 500 by default (the number); CONSENT_CRASH_TENANTS makes a quicker local check.
const TENANTS = Number(process.env['CONSENT_CRASH_TENANTS'] ?? 500);
const KILLS = 10;
let env: ConsentEnv;
let ws: string;

beforeAll(async () => {
  if (process.env['EO_CRASH_TEST'] !== '1') return;
  env = await startConsentEnv('eo-crash-', { tenants: TENANTS });
  ws = await env.setUp('bvoip');
  await env.core.services.clientTenants.discover(ws, env.homeAccountId, ['gdap', 'partnerCenter']);
  // Slow enough that a run spans many kills; the same for every request so kills land anywhere in a tenant's work.
  env.sandbox.patchSettings({ faults: { graph: { latency: { kind: 'uniform', minMs: 0, maxMs: 10 } }, identity: { latency: { kind: 'uniform', minMs: 0, maxMs: 10 } } } });
}, 300_000);
afterAll(() => env?.close());

/**
 * One console process until it ends or is killed. `kill`: 'early' kills at a random moment in its first
 * seconds (start-up, resume); a number kills it at a random moment after it has finished that many more
 * tenants (so every cycle makes progress however slow the machine is); null lets it run to the end.
 */
function runChild(cloudFile: string, kill: 'early' | number | null): Promise<{ out: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'consent-child.ts'), env.dataDir, cloudFile, ws, env.homeAccountId, '8'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CONSENT_CHILD_PROGRESS: '1' } },
    );
    let out = '';
    let err = '';
    let scheduled = false;
    let firstDone: number | undefined;
    const killSoon = (maxMs: number) => {
      scheduled = true;
      setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * maxMs));
    };
    if (kill === 'early') killSoon(3_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (typeof kill !== 'number' || scheduled) return;
      const done = [...out.matchAll(/PROGRESS \d+ (\d+)\//g)].map((m) => Number(m[1]));
      if (done.length === 0) return;
      firstDone ??= done[0];
      if ((done.at(-1) ?? 0) - (firstDone ?? 0) >= kill) killSoon(300);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${err}`));
      else resolve({ out, killed: signal === 'SIGKILL' });
    });
  });
}

// About 10 minutes on a quiet 2-core machine (eleven console processes over 500 tenants): run it with
// EO_CRASH_TEST=1 (and CONSENT_CRASH_TENANTS=N for a quicker check).
describe.runIf(process.env['EO_CRASH_TEST'] === '1')(`a ${TENANTS}-tenant run killed with SIGKILL again and again`, () => {
  it('resumes each time: no tenant consented twice, none skipped, no duplicate grant or service principal', async () => {
    const cloudFile = join(env.dataDir, 'cloud.json');
    writeFileSync(cloudFile, JSON.stringify(sandboxCloud(env.sandbox.info)));
    const progress: string[] = [];
    let kills = 0;
    for (let i = 0; kills < KILLS && i < KILLS * 2; i++) {
      const result = await runChild(cloudFile, i === 2 || i === 6 ? 'early' : 1 + Math.floor(Math.random() * Math.max(2, TENANTS / 16)));
      progress.push(`${result.killed ? 'killed' : 'ended'}: ${result.out.trim().split('\n').filter((l) => !l.startsWith('PROGRESS')).join(' | ')}`);
      // A kill that lands after the run finished is not a crash of a run.
      if (result.killed && !/DONE/.test(result.out)) kills++;
      if (/DONE/.test(result.out)) break;
    }
    // And the last one runs to the end.
    const last = await runChild(cloudFile, null);
    expect(last.out, progress.join('\n')).toMatch(/DONE/);
    expect(kills, progress.join('\n')).toBeGreaterThanOrEqual(KILLS);

    const runs = env.core.services.consentRuns.runs(ws, 50);
    expect(runs, 'one run, resumed, never restarted').toHaveLength(1);
    const run = runs[0]!;
    expect(run).toMatchObject({ state: 'succeeded', total: TENANTS, done: TENANTS });

    const app = env.core.services.clientTenants.app(ws).appId!;
    const byKind = new Map(env.sandbox.info.clientTenants.map((c) => [c.tenantId, c.kind]));
    // clientTenants in info is capped for the READY line; the in-process handle has all of them.
    expect(byKind.size).toBe(TENANTS);
    const rows = env.core.services.clientTenants.list(ws, { offset: 0, limit: 1000, sort: { by: 'tenantId', direction: 'asc' }, filter: {} }).rows;
    expect(rows).toHaveLength(TENANTS);
    let consented = 0;
    for (const row of rows) {
      const kind = byKind.get(row.tenantId);
      const dir = env.sandbox.state.directory(row.tenantId);
      const sps = [...dir.servicePrincipals.values()].filter((s) => s.appId === app);
      expect(sps.length, `service principals in ${row.tenantId}`).toBeLessThanOrEqual(1);
      const graph = dir.findServicePrincipalByAppId(GRAPH_APP_ID)!;
      if (sps[0]) {
        const roles = dir.assignmentsOf(sps[0].id, graph.id).map((a) => a.appRoleId);
        expect(new Set(roles).size, `app role assignments in ${row.tenantId}`).toBe(roles.length);
        expect(roles).toHaveLength(1);
      }
      // The console's own sign-in app, consented through Partner Center at most once per tenant.
      const cli = dir.findServicePrincipalByAppId('14d82eec-204b-4c2f-b7e8-296a70dab67e')!;
      expect(dir.grantsFor(cli.id, graph.id).filter((g) => g.consentType === 'AllPrincipals').length).toBeLessThanOrEqual(1);
      // Where the partner admin gets in (tests/sandbox/README.md "Client tenants at scale"); CA requiring MFA is
      // satisfied by the admin's MFA sign-in (consent-env).
      if (kind && ['gdapFull', 'unresolvableDomain', 'gdapMultiple', 'mfaRequired', 'caMfaForServiceProviders', 'gdapTerminationRequested'].includes(kind)) {
        expect(row.status.kind, `${row.tenantId} (${kind}): ${JSON.stringify(row.status)}`).toBe('consented');
        expect(sps).toHaveLength(1);
        consented++;
      } else {
        expect(row.status.kind, `${row.tenantId} (${kind})`).not.toBe('notStarted');
      }
      // Exactly one outcome recorded for this tenant in this run.
      const entries = env.core.services.clientTenants.history(ws, row.tenantId).filter((h) => h.runId === run.runId);
      expect(entries, `history of ${row.tenantId}`).toHaveLength(1);
    }
    expect(run.counts.consented).toBe(consented);
    expect(consented).toBeGreaterThan(TENANTS / 10);
  }, 1_800_000);
});
