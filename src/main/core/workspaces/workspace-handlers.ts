import type { HandlerSlice } from '../../../shared/contract/handler-types';
import type { WorkspaceService } from './workspace-service';

export function workspaceHandlers(
  service: WorkspaceService,
): HandlerSlice<'workspaces.list' | 'workspaces.create' | 'workspaces.rename' | 'workspaces.delete'> {
  return {
    'workspaces.list': () => service.list(),
    'workspaces.create': (input) => service.create(input),
    'workspaces.rename': (input) => service.rename(input.id, input.name),
    'workspaces.delete': (input) => service.delete(input.id),
  };
}
