import { createSeededRandom, type SeededRandom } from '../util/createSeededRandom';
import type { DelegatedAdminRelationship, TenantKind, TenantSeed } from '../model/directoryTypes';
import { directoryReadersRoleTemplateId, microsoftServicesTenantId, roleTemplateIds } from '../model/wellKnownIds';
import type { ScenarioPlan, ScenarioUser } from './ScenarioPlan';

const companyNames = [
  'Fabrikam', 'Northwind Traders', 'Tailspin Toys', 'Wingtip Toys', 'Adventure Works', 'Litware', 'Proseware',
  'Woodgrove Bank', 'Alpine Ski House', 'Coho Winery', 'Lamna Healthcare', 'Relecloud', 'Trey Research',
  'Fourth Coffee', 'Humongous Insurance', 'Blue Yonder Airlines', 'Margies Travel', 'Wide World Importers',
  'VanArsdel', 'Best For You Organics', 'Bellows College', 'City Power and Light', 'Consolidated Messenger',
  'Datum Corporation', 'Graphic Design Institute', 'Munsons Pickles', 'School of Fine Art', 'Southridge Video',
];

/** The first clients cover every case an MSP meets, in this order; larger counts add a realistic mix. */
const coverageKinds: TenantKind[] = [
  'gdapFull', 'gdapMissingRoles', 'gdapExpired', 'noGdap', 'mfaRequired', 'unresolvableDomain', 'gdapPending',
];
const mixWeights: Array<[TenantKind, number]> = [
  ['gdapFull', 60], ['gdapMissingRoles', 10], ['gdapExpired', 10], ['noGdap', 10], ['mfaRequired', 5],
  ['unresolvableDomain', 3], ['gdapPending', 2],
];

export const defaultClientTenantCount = coverageKinds.length + 1;

/** The roles an onboarding run needs: consent for Graph app roles needs Privileged Role Admin (or GA). */
export const gdapRightRoles = [roleTemplateIds.applicationAdministrator, roleTemplateIds.privilegedRoleAdministrator];

function weightedKind(rng: SeededRandom): TenantKind {
  let roll = rng.int(1, 100);
  for (const [kind, weight] of mixWeights) {
    roll -= weight;
    if (roll <= 0) return kind;
  }
  return 'gdapFull';
}

function password(rng: SeededRandom, prefix: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return `${prefix}-${Array.from({ length: 8 }, () => rng.pick(alphabet.split(''))).join('')}!`;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const dayMs = 24 * 3600 * 1000;

function relationship(
  rng: SeededRandom,
  partnerTenantId: string,
  groupId: string,
  customer: TenantSeed,
  nowMs: number,
): DelegatedAdminRelationship | null {
  const roles =
    customer.kind === 'gdapMissingRoles' ? [directoryReadersRoleTemplateId] : gdapRightRoles;
  const base = {
    id: `${rng.uuid()}-${rng.uuid()}`,
    displayName: `Contoso MSP - ${customer.displayName}`.slice(0, 50),
    duration: 'P730D',
    autoExtendDuration: 'PT0S',
    customer: { tenantId: customer.id, displayName: customer.displayName },
    partnerTenantId,
    accessDetails: { unifiedRoles: roles.map((roleDefinitionId) => ({ roleDefinitionId })) },
    accessAssignments: [
      {
        id: rng.uuid(),
        status: 'active' as const,
        accessContainer: { accessContainerId: groupId, accessContainerType: 'securityGroup' as const },
        accessDetails: { unifiedRoles: roles.map((roleDefinitionId) => ({ roleDefinitionId })) },
      },
    ],
  };
  switch (customer.kind) {
    case 'noGdap':
      return null;
    case 'gdapPending':
      return {
        ...base,
        status: 'approvalPending',
        createdDateTime: new Date(nowMs - 2 * dayMs).toISOString(),
        activatedDateTime: null,
        endDateTime: null,
      };
    case 'gdapExpired':
      return {
        ...base,
        status: 'expired',
        createdDateTime: new Date(nowMs - 760 * dayMs).toISOString(),
        activatedDateTime: new Date(nowMs - 759 * dayMs).toISOString(),
        endDateTime: new Date(nowMs - 29 * dayMs).toISOString(),
      };
    default:
      return {
        ...base,
        status: 'active',
        createdDateTime: new Date(nowMs - 120 * dayMs).toISOString(),
        activatedDateTime: new Date(nowMs - 119 * dayMs).toISOString(),
        endDateTime: new Date(nowMs + 611 * dayMs).toISOString(),
      };
  }
}

/** The default scenario, fully determined by `seed` and `clientCount` (ids, names, passwords, kinds). */
export function buildScenarioPlan(seed: string, clientCount: number, nowMs: number): ScenarioPlan {
  if (!Number.isInteger(clientCount) || clientCount < 0) throw new Error('--tenants must be a non-negative integer');
  const root = createSeededRandom(seed);
  const partnerRng = root.fork('partner');
  const clientRng = root.fork('clients');
  const gdapRng = root.fork('gdap');

  const microsoft: TenantSeed = {
    id: microsoftServicesTenantId,
    displayName: 'Microsoft Services',
    kind: 'microsoft',
    initialDomain: 'sandboxmicrosoftservices.onmicrosoft.com',
    domainResolvable: true,
    conditionalAccess: { requireMfa: false },
    ordinal: -1,
  };
  const partner: TenantSeed = {
    id: partnerRng.uuid(),
    displayName: 'Contoso MSP',
    kind: 'partner',
    initialDomain: 'contosomsp.onmicrosoft.com',
    domainResolvable: true,
    conditionalAccess: { requireMfa: false },
    ordinal: 0,
  };

  const people: Array<[ScenarioUser['key'], string, string, string, string[]]> = [
    ['globalAdmin', 'admin', 'Adele', 'Vance', [roleTemplateIds.globalAdministrator]],
    ['applicationAdmin', 'appadmin', 'Alex', 'Wilber', [roleTemplateIds.applicationAdministrator]],
    ['member', 'diego', 'Diego', 'Siciliani', []],
  ];
  const partnerUsers: ScenarioUser[] = people.map(([key, alias, givenName, surname, roles]) => ({
    key,
    id: partnerRng.uuid(),
    userPrincipalName: `${alias}@${partner.initialDomain}`,
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    password: password(partnerRng, 'Contoso'),
    mfaCode: String(partnerRng.int(100000, 999999)),
    directoryRoleTemplateIds: roles,
  }));
  const gdapGroup = {
    id: partnerRng.uuid(),
    displayName: 'GDAP Admin Agents',
    memberIds: partnerUsers.filter((u) => u.key !== 'member').map((u) => u.id),
  };

  const names = [...companyNames];
  // Seeded shuffle so different seeds give different customer line-ups.
  for (let i = names.length - 1; i > 0; i--) {
    const j = clientRng.int(0, i);
    [names[i], names[j]] = [names[j] as string, names[i] as string];
  }

  const clients: TenantSeed[] = [];
  const gdapRelationships: DelegatedAdminRelationship[] = [];
  for (let i = 0; i < clientCount; i++) {
    const base = names[i % names.length] as string;
    const round = Math.floor(i / names.length);
    const kind = i < coverageKinds.length ? (coverageKinds[i] as TenantKind) : weightedKind(clientRng);
    const seedOfClient: TenantSeed = {
      id: clientRng.uuid(),
      displayName: round === 0 ? base : `${base} ${round + 1}`,
      kind,
      initialDomain: `${slug(base)}${round === 0 ? '' : round + 1}.onmicrosoft.com`,
      domainResolvable: kind !== 'unresolvableDomain',
      conditionalAccess: { requireMfa: kind === 'mfaRequired' },
      ordinal: i + 1,
    };
    clients.push(seedOfClient);
    const rel = relationship(gdapRng, partner.id, gdapGroup.id, seedOfClient, nowMs);
    if (rel) gdapRelationships.push(rel);
  }

  return {
    seed,
    microsoft,
    partner,
    clients,
    partnerUsers,
    gdapGroup,
    clientAdminPassword: password(root.fork('client-admin'), 'Client'),
    gdapRelationships,
  };
}
