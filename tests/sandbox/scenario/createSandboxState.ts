import type { SandboxClock } from '../clock/SandboxClock';
import { SandboxState } from '../model/SandboxState';
import { createSeededRandom } from '../util/createSeededRandom';
import type { ScenarioPlan } from './ScenarioPlan';
import { createTenantMaterializer } from './materializeTenant';

/** A fresh state for the plan: Microsoft's and the partner's tenants materialised, clients left as seeds. */
export function createSandboxState(
  plan: ScenarioPlan,
  clock: SandboxClock,
  options: { graphPermissionsDir?: string } = {},
): SandboxState {
  const state = new SandboxState({
    // Cloned: control calls mutate seeds (e.g. Conditional Access) and a reset must get the originals back.
    seeds: structuredClone([plan.microsoft, plan.partner, ...plan.clients]),
    gdapRelationships: structuredClone(plan.gdapRelationships),
    clock,
    random: createSeededRandom(`${plan.seed}/runtime`),
    materialize: createTenantMaterializer(plan, options),
  });
  for (const app of state.directory(plan.microsoft.id).applications.values()) state.registerApplication(app);
  state.directory(plan.partner.id);
  return state;
}
