import type { SandboxRuntime } from '../SandboxRuntime';
import type { SandboxRequest } from '../http/SandboxRequest';
import type { TenantDirectory } from '../model/TenantDirectory';
import type { GraphCaller } from './auth/GraphCaller';
import type { GraphSettings } from './GraphSettings';
import type { GraphStore, GraphTenantData } from './GraphStore';

/** Everything a Graph handler works with for one (authenticated, authorised) request. */
export interface GraphContext {
  rt: SandboxRuntime;
  req: SandboxRequest;
  /** Route parameters of the normalised path (alternate keys arrive as `appid=...`, see normalizeGraphPath). */
  params: Record<string, string>;
  caller: GraphCaller;
  directory: TenantDirectory;
  /** Graph-side tables of the caller's tenant. */
  data: GraphTenantData;
  store: GraphStore;
  settings: GraphSettings;
}
