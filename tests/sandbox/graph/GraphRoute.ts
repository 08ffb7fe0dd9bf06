import type { Reply } from '../http/Reply';
import type { GraphHttpError } from './http/GraphHttpError';
import type { PermissionRequirement } from './auth/PermissionRequirement';
import type { GraphContext } from './GraphContext';
import type { GraphSettings } from './GraphSettings';

/** One Graph v1.0 operation: method, normalised path pattern (below /v1.0), required permissions, handler. */
export interface GraphRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  pattern: string;
  permissions: PermissionRequirement | ((settings: GraphSettings) => PermissionRequirement);
  /** For delegated-only paths (/me): the error an app-only token gets instead of the generic 403. */
  appOnlyError?: () => GraphHttpError;
  handle(ctx: GraphContext): Promise<Reply> | Reply;
}
