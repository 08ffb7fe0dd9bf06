import type { DriftItem, DriftReport, DriftState, WorkspaceDrift } from '../../../shared/domain/drift';
import { ErrorCode } from '../../../shared/error-codes';
import { mapPool } from '../consent/map-pool';
import { AppError } from '../errors/app-error';
import type { EventBus } from '../events/event-bus';
import { accountFor, completedSetup, type CompletedSetup } from './completed-setup';
import type { DriftDeps } from './drift-deps';
import { problemOf, type Problem } from './problem-of';
import { groupKey, groupOfKey, groupsOf, WorkspaceDriftReader } from './read-workspace-drift';
import { repairGroup } from './repair-drift-item';

/** Workspaces read at once: each fans out its own Graph, platform and client-tenant reads. */
const DEFAULT_CONCURRENCY = 3;

function worst(items: DriftItem[]): DriftState {
  if (items.some((i) => i.state === 'drifted')) return 'drifted';
  if (items.some((i) => i.state === 'notChecked')) return 'notChecked';
  return 'inSync';
}

/**
 * Drift across every workspace (issue 11 §4): "check all" compares each workspace's live tenant,
 * platform and consented client tenants with what its setup left; "repair" fixes one item with the
 * step that owns it and reads that part again. One workspace's failure is its own result.
 */
export class DriftService {
  private report: DriftReport | null = null;
  private checking: Promise<DriftReport> | null = null;

  constructor(
    private readonly deps: DriftDeps,
    private readonly events: EventBus,
  ) {}

  latest(): DriftReport | null {
    return this.report;
  }

  /** A check already under way is joined rather than started twice. */
  checkAll(concurrency = DEFAULT_CONCURRENCY): Promise<DriftReport> {
    this.checking ??= this.runCheck(concurrency).finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async runCheck(concurrency: number): Promise<DriftReport> {
    const startedAt = this.deps.now().toISOString();
    const setups: CompletedSetup[] = [];
    const skipped: DriftReport['skipped'] = [];
    for (const workspace of this.deps.workspaces.list()) {
      const setup = completedSetup(this.deps, workspace);
      if ('reason' in setup) skipped.push({ workspaceId: workspace.id, workspaceName: workspace.name, reason: setup.reason });
      else setups.push(setup);
    }
    const results = new Map<string, WorkspaceDrift>();
    this.report = { startedAt, finishedAt: null, workspaces: [], skipped };
    this.events.emit('drift.progress', { done: 0, total: setups.length });
    const accounts = await this.deps.signIn.accounts().catch(() => []);
    await mapPool(setups, concurrency, async (setup) => {
      const result = await this.checkWorkspace(setup, accounts);
      results.set(setup.workspace.id, result);
      this.events.emit('drift.progress', { done: results.size, total: setups.length, workspace: result });
    });
    this.report = {
      startedAt,
      finishedAt: this.deps.now().toISOString(),
      workspaces: setups.map((s) => results.get(s.workspace.id)).filter((r): r is WorkspaceDrift => r !== undefined),
      skipped,
    };
    return this.report;
  }

  private async checkWorkspace(setup: CompletedSetup, accounts: Awaited<ReturnType<DriftDeps['signIn']['accounts']>>): Promise<WorkspaceDrift> {
    const base = { workspaceId: setup.workspace.id, workspaceName: setup.workspace.name };
    try {
      const account = accountFor(setup, accounts);
      if ('code' in account) return this.unchecked(base, account);
      const reader = new WorkspaceDriftReader(this.deps, setup, account.homeAccountId);
      const items: DriftItem[] = [];
      for (const group of groupsOf(this.deps, setup)) items.push(...(await reader.read(group)));
      return { ...base, checkedAt: this.deps.now().toISOString(), state: worst(items), items };
    } catch (error) {
      return this.unchecked(base, problemOf(error, `check ${setup.workspace.name}`));
    }
  }

  private unchecked(base: { workspaceId: string; workspaceName: string }, problem: Problem): WorkspaceDrift {
    return { ...base, checkedAt: this.deps.now().toISOString(), state: 'notChecked', items: [], problem };
  }

  /**
   * Repairs one item, then reads its part again; returns the item as it is now (absent when the
   * re-read no longer has it, e.g. a client tenant no longer consented) and the workspace's result.
   */
  async repair(workspaceId: string, itemKey: string): Promise<{ item: DriftItem | null; workspace: WorkspaceDrift }> {
    const workspace = this.deps.workspaces.get(workspaceId);
    const setup = completedSetup(this.deps, workspace);
    if ('reason' in setup) throw new AppError(ErrorCode.StepBlocked, `Nothing to repair: ${setup.reason}`, { fix: 'Open the workspace’s Setup.' });
    const group = groupOfKey(itemKey);
    if (!group) throw new AppError(ErrorCode.ValidationFailed, `There is no drift item “${itemKey}”.`, { fix: 'Check again, then repair from the fresh result.' });
    const account = accountFor(setup, await this.deps.signIn.accounts());
    if ('code' in account) throw new AppError(account.code, account.message, account.fix ? { fix: account.fix } : {});
    const reader = new WorkspaceDriftReader(this.deps, setup, account.homeAccountId);
    await repairGroup(this.deps, setup, reader, account.homeAccountId, group, itemKey);
    const fresh = await reader.read(group);
    let merged = this.merge(setup, groupKey(group), itemKey, fresh);
    // A new secret is not on the platform yet: show that at once, so the next repair is in view.
    if (group.kind === 'secret' && groupsOf(this.deps, setup).some((g) => g.kind === 'platform')) {
      merged = this.merge(setup, 'platform', 'platform', await reader.read({ kind: 'platform' }));
    }
    return { item: fresh.find((i) => i.key === itemKey) ?? null, workspace: merged };
  }

  /** The workspace's last result with one group's items replaced by a fresh read. */
  private merge(setup: CompletedSetup, group: string, itemKey: string, fresh: DriftItem[]): WorkspaceDrift {
    const previous = this.report?.workspaces.find((w) => w.workspaceId === setup.workspace.id);
    const inGroup = (item: DriftItem) => {
      const g = groupOfKey(item.key);
      return item.key === itemKey || (g !== undefined && (groupKey(g) === group || (group.startsWith('client:') && item.key === group)));
    };
    const items = previous ? [...previous.items.filter((i) => !inGroup(i)), ...fresh] : fresh;
    const order = new Map(previous?.items.map((i, n) => [i.key, n]) ?? []);
    items.sort((a, b) => (order.get(a.key) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.key) ?? Number.MAX_SAFE_INTEGER));
    const result: WorkspaceDrift = {
      workspaceId: setup.workspace.id,
      workspaceName: setup.workspace.name,
      checkedAt: this.deps.now().toISOString(),
      state: worst(items),
      items,
    };
    if (this.report) {
      const others = this.report.workspaces.filter((w) => w.workspaceId !== setup.workspace.id);
      this.report = { ...this.report, workspaces: previous ? this.report.workspaces.map((w) => (w.workspaceId === setup.workspace.id ? result : w)) : [...others, result] };
    }
    return result;
  }
}
