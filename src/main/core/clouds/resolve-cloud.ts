import { z } from 'zod';
import { builtInClouds, type CloudProfile } from './cloud-profile';
import { sandboxCloud } from './sandbox-cloud';

export const cloudIds = ['public', 'usgov', 'usgov-dod', 'china', 'sandbox'] as const;
export type CloudId = (typeof cloudIds)[number];

const sandboxInfoSchema = z.object({
  authority: z.string(),
  graph: z.string(),
  partnerCenter: z.string(),
  caFile: z.string(),
});

/**
 * The cloud a host runs against. The sandbox needs its SANDBOX_READY details (endpoints and CA);
 * the Microsoft clouds need nothing.
 */
export function resolveCloud(id: CloudId, sandboxInfoJson: string | undefined): CloudProfile {
  if (id === 'sandbox') {
    if (!sandboxInfoJson) throw new Error('The sandbox cloud needs the SANDBOX_READY details (--sandbox).');
    return sandboxCloud(sandboxInfoSchema.parse(JSON.parse(sandboxInfoJson)));
  }
  const cloud = builtInClouds.find((c) => c.id === id);
  if (!cloud) throw new Error(`Unknown cloud "${id}". Choose one of: ${cloudIds.join(', ')}.`);
  return cloud;
}
