import type { SandboxRuntime } from '../SandboxRuntime';
import type { PartnerCenterService } from './PartnerCenterService';

/**
 * The service registered for a runtime, so tests reach its settings through `sandbox.runtime` without
 * startSandbox's handle growing a field (this phase may only add the registration call there).
 */
export const partnerCenterServices = new WeakMap<SandboxRuntime, PartnerCenterService>();
