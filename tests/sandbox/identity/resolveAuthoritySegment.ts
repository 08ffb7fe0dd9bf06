import type { SandboxState } from '../model/SandboxState';
import type { TenantSeed } from '../model/directoryTypes';

export type AuthoritySegment =
  | { kind: 'tenant'; seed: TenantSeed }
  | { kind: 'common' | 'organizations' | 'consumers' }
  | { kind: 'unknown' };

/** The `{tenant}` in an Entra URL: a GUID, a verified domain, or one of the reserved names (facts §11.1). */
export function resolveAuthoritySegment(state: SandboxState, segment: string): AuthoritySegment {
  const lower = segment.toLowerCase();
  if (lower === 'common' || lower === 'organizations' || lower === 'consumers') return { kind: lower };
  const seed = state.resolveTenant(lower);
  return seed ? { kind: 'tenant', seed } : { kind: 'unknown' };
}
