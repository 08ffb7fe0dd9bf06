import type { SandboxRuntime } from '../SandboxRuntime';
import type { PlatformBackend } from './PlatformBackend';

/** The backend registered for a runtime, so tests reach it through `sandbox.runtime` (as partnerCenterServices). */
export const platformBackends = new WeakMap<SandboxRuntime, PlatformBackend>();
