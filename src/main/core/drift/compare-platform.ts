import type { DriftItem } from '../../../shared/domain/drift';
import { describeChanges, type DeliverableConfiguration } from '../platforms/delivery/desired-configuration';
import type { SsoConfiguration } from '../platforms/delivery/platform-api-types';

/** The fields always shown, drifted or not; any other differing field is added as it comes. */
const core: { field: string; key: string; expected(d: DeliverableConfiguration): string }[] = [
  { field: 'Tenant ID', key: 'tenant-id', expected: (d) => d.tenantId },
  { field: 'Client ID', key: 'client-id', expected: (d) => d.clientId },
  { field: 'Client secret', key: 'client-secret', expected: (d) => (d.secret ? `secret ${d.secret.hint}…` : 'no secret') },
];

const keyOf = (field: string) => field.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/**
 * The configuration the platform reports (GET /v1/configuration) against what this workspace hands
 * over, field by field, through delivery's own comparison (secrets by hint and expiry, never value).
 */
export function comparePlatform(current: SsoConfiguration | undefined, desired: DeliverableConfiguration): DriftItem[] {
  const changes = describeChanges(current, desired);
  const repair = 'Push the configuration to the platform again (with its test of the credentials).';
  const items: DriftItem[] = core.map(({ field, key, expected }) => {
    const change = changes.find((c) => c.field === field);
    return {
      key: `platform:${key}`,
      kind: 'platformConfiguration',
      title: `Platform configuration: ${field}`,
      state: change ? 'drifted' : 'inSync',
      expected: change?.to ?? expected(desired),
      actual: change ? (change.from ?? 'Not set on the platform') : 'Matches',
      ...(change ? { repair } : {}),
    };
  });
  for (const change of changes.filter((c) => !core.some((k) => k.field === c.field))) {
    items.push({
      key: `platform:${keyOf(change.field)}`,
      kind: 'platformConfiguration',
      title: `Platform configuration: ${change.field}`,
      state: 'drifted',
      expected: change.to ?? 'Not set',
      actual: change.from ?? 'Not set on the platform',
      repair,
    });
  }
  return items;
}
