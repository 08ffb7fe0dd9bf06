import { describe, expect, it, vi } from 'vitest';
import type { HandlerTable } from '../../../src/shared/contract/handler-types';
import { AppError } from '../../../src/main/core/errors/app-error';
import { createDispatch } from '../../../src/main/rpc/dispatch';
import { currentActivityScope } from '../../../src/main/core/activity/activity-scope';

const workspace = {
  id: 'w1',
  name: 'Contoso',
  platformId: 'clientone' as const,
  partnerTenant: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const notUsed = () => {
  throw new Error('not used in these tests');
};

function table(overrides: Partial<HandlerTable> = {}): HandlerTable {
  return {
    'app.info': () => ({ name: 'Entra Onboard', version: '0', host: 'web', dataDir: '/x', schemaVersion: 1 }),
    'workspaces.list': () => [workspace],
    'workspaces.create': (input) => ({ ...workspace, name: input.name }),
    'workspaces.rename': () => workspace,
    'workspaces.delete': (input) => ({ id: input.id }),
    'auth.state': () => ({ cloud: { id: 'public', name: 'x' }, clientId: 'c', accounts: [], pending: 'none' }),
    'auth.signIn': () => ({ homeAccountId: 'h', username: 'u', tenantId: 't' }),
    'auth.cancel': () => ({}),
    'auth.signOut': () => ({}),
    'preflight.run': notUsed,
    'auth.useClientId': notUsed,
    'onboarding.consentInBrowser': notUsed,
    'onboarding.adminConsentForSteps': notUsed,
    'delivery.status': notUsed,
    'delivery.connect': notUsed,
    'delivery.diff': notUsed,
    'delivery.push': notUsed,
    'delivery.tick': notUsed,
    'delivery.writeEnvFile': notUsed,
    'onboarding.wizard': notUsed,
    'onboarding.saveAnswers': notUsed,
    'onboarding.preview': notUsed,
    'onboarding.apply': notUsed,
    'onboarding.resume': notUsed,
    'onboarding.run': notUsed,
    'onboarding.handover': notUsed,
    'onboarding.revealSecret': notUsed,
    'onboarding.checklist': notUsed,
    'onboarding.tickChecklist': notUsed,
    'tenants.summary': notUsed,
    'tenants.list': notUsed,
    'tenants.discover': notUsed,
    'tenants.importCsv': notUsed,
    'tenants.addByDomain': notUsed,
    'tenants.setIncluded': notUsed,
    'tenants.setStrategy': notUsed,
    'tenants.history': notUsed,
    'consent.start': notUsed,
    'consent.cancel': notUsed,
    'consent.retryFailed': notUsed,
    'consent.resume': notUsed,
    'consent.run': notUsed,
    'consent.runs': notUsed,
    'consent.consentInBrowser': notUsed,
    'consent.exportLinks': notUsed,
    'activity.list': notUsed,
    'activity.verify': notUsed,
    'activity.exportCsv': notUsed,
    'dashboard.summary': notUsed,
    'dashboard.list': notUsed,
    'dashboard.attention': notUsed,
    'dashboard.exportCsv': notUsed,
    'dashboard.exportReport': notUsed,
    'connectivity.state': notUsed,
    'connectivity.check': notUsed,
    'offline.cache': notUsed,
    'offline.refresh': notUsed,
    'drift.checkAll': notUsed,
    'drift.latest': notUsed,
    'drift.repair': notUsed,
    'secrets.list': notUsed,
    'secrets.exportIcs': notUsed,
    'secrets.checkInEntra': notUsed,
    'secrets.rotate': notUsed,
    'secrets.finishRotation': notUsed,
    'secrets.cancelRotation': notUsed,
    ...overrides,
  };
}

const ctx = { host: 'web' as const };

describe('dispatch', () => {
  it('refuses a channel that is not in the contract, including prototype names', async () => {
    const dispatch = createDispatch(table());
    for (const channel of ['nope', 'toString', '__proto__', 42]) {
      const result = await dispatch(channel, {}, ctx);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('validates input before the handler runs and reports each field issue', async () => {
    const create = vi.fn();
    const dispatch = createDispatch(table({ 'workspaces.create': create }));
    const result = await dispatch('workspaces.create', { name: '', platformId: 'nope' }, ctx);
    expect(create).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation_failed');
    expect(result.error.fix).toBeTruthy();
    expect(result.error.details?.['issues']).toEqual([
      { path: 'name', message: 'Give the workspace a name.' },
      { path: 'platformId', message: 'Choose the platform this workspace connects to.' },
    ]);
  });

  it('refuses extra keys on requests that take none', async () => {
    const result = await createDispatch(table())('workspaces.list', { sneaky: true }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('hands the handler the validated, normalised input', async () => {
    const result = await createDispatch(table())('workspaces.create', { name: '  Spaced  ', platformId: 'clment' }, ctx);
    expect(result).toEqual({ ok: true, value: { ...workspace, name: 'Spaced' } });
  });

  it('passes an AppError through as it is', async () => {
    const dispatch = createDispatch(
      table({
        'workspaces.delete': () => {
          throw new AppError('workspace_not_found', 'Gone.', { fix: 'Refresh.' });
        },
      }),
    );
    expect(await dispatch('workspaces.delete', { id: 'x' }, ctx)).toEqual({
      ok: false,
      error: { code: 'workspace_not_found', message: 'Gone.', fix: 'Refresh.' },
    });
  });

  it('hides the internals of an unexpected error behind a correlation ID, and logs them', async () => {
    const logError = vi.fn();
    const dispatch = createDispatch(
      table({
        'workspaces.list': () => {
          throw new Error('SQLITE_CORRUPT at /home/admin/secret/path');
        },
      }),
      { logError },
    );
    const result = await dispatch('workspaces.list', {}, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal_error');
    expect(JSON.stringify(result)).not.toContain('SQLITE_CORRUPT');
    const correlationId = result.error.details?.['correlationId'];
    expect(typeof correlationId).toBe('string');
    expect(result.error.fix).toContain(String(correlationId));
    expect(logError.mock.calls[0]?.[0]).toContain(String(correlationId));
  });

  it('runs a handler, and the work it starts, in the activity scope of its workspace and channel', async () => {
    let later: Promise<unknown> = Promise.resolve();
    const dispatch = createDispatch(
      table({
        'onboarding.resume': (input) => {
          // Work a handler starts and does not await (a run) keeps the scope after the handler returns.
          later = new Promise((r) => setTimeout(r, 5)).then(() => currentActivityScope());
          expect(currentActivityScope()).toMatchObject({ workspaceId: input.workspaceId, operation: 'onboarding.resume' });
          return { runId: 'r1' };
        },
      }),
    );
    expect(await dispatch('onboarding.resume', { workspaceId: 'w42' }, ctx)).toEqual({ ok: true, value: { runId: 'r1' } });
    expect(await later).toMatchObject({ workspaceId: 'w42', operation: 'onboarding.resume' });
    expect(currentActivityScope()).toBeUndefined();
  });
});
