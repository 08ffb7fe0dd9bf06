import type { SandboxRuntime } from '../../SandboxRuntime';
import type { SandboxRequest } from '../../http/SandboxRequest';
import type { Application } from '../../model/directoryTypes';
import type { AuthoritySegment } from '../resolveAuthoritySegment';

/** What every grant handler receives once the token endpoint has resolved the tenant and the client. */
export interface GrantContext {
  rt: SandboxRuntime;
  req: SandboxRequest;
  form: URLSearchParams;
  segment: string;
  authority: Exclude<AuthoritySegment, { kind: 'unknown' }>;
  app: Application;
}
