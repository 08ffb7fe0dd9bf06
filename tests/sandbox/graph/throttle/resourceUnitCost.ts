import type { SandboxRequest } from '../../http/SandboxRequest';

/** facts §9.2 (throttling-limits, identity and access): GET costs per resource; everything else costs 1. */
const getCosts: Record<string, number> = { applications: 2, contracts: 3, oauth2permissiongrants: 2, users: 2 };

/**
 * Resource units one Graph request costs: GET by resource (applications, oauth2PermissionGrants, users 2;
 * contracts 3; others 1), writes 1. `$select` -1, `$expand` +1, `$top` below 20 -1, never below 1.
 */
export function resourceUnitCost(req: SandboxRequest): { cost: number; write: boolean } {
  const write = req.method !== 'GET' && req.method !== 'HEAD';
  if (write) return { cost: 1, write };
  const segment = (req.mountPath.replace(/^\/v1\.0\/?/i, '').split('/')[0] ?? '').replace(/\(.*$/, '').toLowerCase();
  let cost = getCosts[segment] ?? 1;
  const q = (name: string) => req.query(name) ?? req.query(name.slice(1));
  if (q('$select') !== undefined) cost -= 1;
  if (q('$expand') !== undefined) cost += 1;
  const top = Number(q('$top'));
  if (Number.isFinite(top) && top > 0 && top < 20) cost -= 1;
  return { cost: Math.max(1, cost), write };
}
