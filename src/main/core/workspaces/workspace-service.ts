import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../../../shared/error-codes';
import {
  workspaceNameKey,
  type Workspace,
} from '../../../shared/domain/workspace';
import type { PlatformId } from '../../../shared/domain/platforms';
import { AppError } from '../errors/app-error';
import type { EventBus } from '../events/event-bus';
import type { Vault } from '../vault/vault';
import { forgetWorkspaceSecrets } from './forget-workspace-secrets';
import type { WorkspaceRepository } from './workspace-repository';

export interface NewWorkspace {
  name: string;
  platformId: PlatformId;
  partnerTenant: string | null;
}

function nameTaken(name: string): AppError {
  return new AppError(ErrorCode.WorkspaceNameTaken, `A workspace named "${name}" already exists.`, {
    fix: 'Choose another name, or open the existing workspace.',
    details: { issues: [{ path: 'name', message: 'This name is already used by another workspace.' }] },
  });
}

function notFound(id: string): AppError {
  return new AppError(ErrorCode.WorkspaceNotFound, 'This workspace no longer exists.', {
    fix: 'It may have been deleted in another window. The list has been refreshed.',
    details: { id },
  });
}

/** Workspace rules: unique names (ignoring case), stable IDs, change events. Input is pre-validated. */
export class WorkspaceService {
  constructor(
    private readonly repo: WorkspaceRepository,
    private readonly events: EventBus,
    private readonly now: () => Date = () => new Date(),
    /** Where the workspace's secrets live, so deleting it removes them too. */
    private readonly vault?: Pick<Vault, 'refs' | 'delete'>,
  ) {}

  list(): Workspace[] {
    return this.repo.list();
  }

  get(id: string): Workspace {
    const workspace = this.repo.get(id);
    if (!workspace) throw notFound(id);
    return workspace;
  }

  create(input: NewWorkspace): Workspace {
    const key = workspaceNameKey(input.name);
    if (this.repo.findByNameKey(key)) throw nameTaken(input.name);
    const at = this.now().toISOString();
    const workspace: Workspace = {
      id: randomUUID(),
      name: input.name,
      platformId: input.platformId,
      partnerTenant: input.partnerTenant,
      createdAt: at,
      updatedAt: at,
    };
    this.repo.insert(workspace, key);
    this.events.emit('workspaces.changed', { reason: 'created', id: workspace.id });
    return workspace;
  }

  rename(id: string, name: string): Workspace {
    const current = this.repo.get(id);
    if (!current) throw notFound(id);
    const key = workspaceNameKey(name);
    const holder = this.repo.findByNameKey(key);
    if (holder && holder.id !== id) throw nameTaken(name);
    this.repo.rename(id, name, key, this.now().toISOString());
    this.events.emit('workspaces.changed', { reason: 'renamed', id });
    return this.repo.get(id) as Workspace;
  }

  async delete(id: string): Promise<{ id: string }> {
    if (!this.repo.delete(id)) throw notFound(id);
    if (this.vault) await forgetWorkspaceSecrets(this.vault, id);
    this.events.emit('workspaces.changed', { reason: 'deleted', id });
    return { id };
  }
}
