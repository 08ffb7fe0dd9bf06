import { z } from 'zod';

/**
 * The platforms our users connect, one per seed guide, plus "custom" for any platform that publishes
 * the discovery document of the Platform Onboarding API. Profiles with the real setup logic live in
 * src/main/core/platforms; this list is what the UI needs to offer a choice.
 */
export const platformIds = [
  'clientone',
  'bvoip-partner-portal',
  'bvoip-phone-systems',
  'sonicsaas',
  'clment',
  'custom',
] as const;
export const platformIdSchema = z.enum(platformIds, {
  error: 'Choose the platform this workspace connects to.',
});
export type PlatformId = z.infer<typeof platformIdSchema>;

export interface PlatformSummary {
  id: PlatformId;
  name: string;
  description: string;
}

export const platformSummaries: readonly PlatformSummary[] = [
  {
    id: 'clientone',
    name: 'ClientOne / PanelOne',
    description: 'Multi-tenant sign-in for PanelOne, with an optional Partner Center app.',
  },
  {
    id: 'bvoip-partner-portal',
    name: 'bvoip partner portal',
    description: 'Multi-tenant app with User.Read.All for the bvoip partner portal (MTP).',
  },
  {
    id: 'bvoip-phone-systems',
    name: 'bvoip phone systems',
    description: 'Microsoft 365 sign-in for bvoip phone systems, per customer or white-label.',
  },
  {
    id: 'sonicsaas',
    name: 'SonicSaaS',
    description: 'Platform app with group claims, plus security groups per MSP team.',
  },
  {
    id: 'clment',
    name: 'Clment',
    description: 'Single-tenant (or multi-tenant) sign-in by region, with optional assignment.',
  },
  {
    id: 'custom',
    name: 'Other platform',
    description: 'Any platform that publishes the Platform Onboarding API discovery document.',
  },
];

export function platformName(id: PlatformId): string {
  return platformSummaries.find((p) => p.id === id)?.name ?? id;
}
