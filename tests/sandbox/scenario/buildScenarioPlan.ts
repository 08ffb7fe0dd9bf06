import { createSeededRandom, type SeededRandom } from '../util/createSeededRandom';
import type { DelegatedAdminAccessAssignment, DelegatedAdminRelationship, TenantKind, TenantSeed } from '../model/directoryTypes';
import { directoryReadersRoleTemplateId, microsoftServicesTenantId, roleTemplateIds } from '../model/wellKnownIds';
import type { ScenarioPlan, ScenarioUser } from './ScenarioPlan';

const companyNames = [
  'Fabrikam', 'Northwind Traders', 'Tailspin Toys', 'Wingtip Toys', 'Adventure Works', 'Litware', 'Proseware',
  'Woodgrove Bank', 'Alpine Ski House', 'Coho Winery', 'Lamna Healthcare', 'Relecloud', 'Trey Research',
  'Fourth Coffee', 'Humongous Insurance', 'Blue Yonder Airlines', 'Margies Travel', 'Wide World Importers',
  'VanArsdel', 'Best For You Organics', 'Bellows College', 'City Power and Light', 'Consolidated Messenger',
  'Datum Corporation', 'Graphic Design Institute', 'Munsons Pickles', 'School of Fine Art', 'Southridge Video',
];

/**
 * The first clients cover every case an MSP meets, in this order (the first seven are the original cases and keep
 * their places); larger counts add a realistic mix. GDAP states are Graph's delegatedAdminRelationshipStatus
 * (https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship).
 */
export const coverageKinds: TenantKind[] = [
  'gdapFull', 'gdapMissingRoles', 'gdapExpired', 'noGdap', 'mfaRequired', 'unresolvableDomain', 'gdapPending',
  'gdapActivating', 'gdapExpiring', 'gdapTerminationRequested', 'gdapTerminated', 'gdapNoAccessAssignment',
  'gdapMultiple', 'caBlocksServiceProviders', 'caMfaForServiceProviders', 'deletedTenant',
  'gdapCreated', 'gdapApproved', 'gdapTerminating',
];
/** Percentages of the seeded mix after the coverage tenants (an MSP's book: mostly healthy GDAP, a long tail of cases). */
const mixWeights: Array<[TenantKind, number]> = [
  ['gdapFull', 54], ['gdapMissingRoles', 8], ['gdapExpired', 8], ['noGdap', 10], ['mfaRequired', 3],
  ['unresolvableDomain', 1], ['gdapPending', 2], ['gdapActivating', 1], ['gdapExpiring', 2], ['gdapTerminationRequested', 1],
  ['gdapTerminated', 2], ['gdapNoAccessAssignment', 2], ['gdapMultiple', 2], ['caBlocksServiceProviders', 1],
  ['caMfaForServiceProviders', 2], ['deletedTenant', 1],
];
// gdapCreated, gdapApproved and gdapTerminating are short-lived states: they appear in the coverage tenants only.

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

interface RelationshipShape {
  status: DelegatedAdminRelationship['status'];
  /** Days relative to now (negative: past); null leaves the date null as Graph does before activation. */
  created: number;
  activated: number | null;
  end: number | null;
  roles: string[];
  assignment: DelegatedAdminAccessAssignment['status'] | null;
}

/** Relationship(s) per kind; dates follow Graph's rules (endDateTime = activatedDateTime + duration, P730D). */
function relationshipShapes(kind: TenantKind): RelationshipShape[] {
  const active: RelationshipShape = { status: 'active', created: -120, activated: -119, end: 611, roles: gdapRightRoles, assignment: 'active' };
  switch (kind) {
    case 'noGdap':
      return [];
    case 'gdapMissingRoles':
      return [{ ...active, roles: [directoryReadersRoleTemplateId] }];
    case 'gdapPending':
      // "The partner has finalized the relationship through lockForApproval"; no access until the customer approves.
      return [{ ...active, status: 'approvalPending', created: -2, activated: null, end: null, assignment: null }];
    case 'gdapCreated':
      // "The partner has created a new relationship": a draft the customer has not seen; no access assignment yet.
      return [{ ...active, status: 'created', created: -0.5, activated: null, end: null, assignment: null }];
    case 'gdapApproved':
      // "The customer has approved the relationship"; provisioning has not started.
      return [{ ...active, status: 'approved', created: -3, activated: null, end: null, assignment: 'pending' }];
    case 'gdapActivating':
      // Approved, "the system starts provisioning": not active yet, so no access and no activatedDateTime.
      return [{ ...active, status: 'activating', created: -1, activated: null, end: null, assignment: 'pending' }];
    case 'gdapExpired':
      return [{ ...active, status: 'expired', created: -760, activated: -759, end: -29 }];
    case 'gdapExpiring':
      // "The relationship has passed its expiration date"; deprovisioning has not finished.
      return [{ ...active, status: 'expiring', created: -731, activated: -730, end: -0.05 }];
    case 'gdapTerminationRequested':
      return [{ ...active, status: 'terminationRequested' }];
    case 'gdapTerminating':
      // "The system starts deprovisioning the relationship" after a termination request.
      return [{ ...active, status: 'terminating', assignment: 'deleting' }];
    case 'gdapTerminated':
    case 'deletedTenant':
      // endDateTime is "when the status changes to terminated or expired".
      return [{ ...active, status: 'terminated', created: -400, activated: -399, end: -10, assignment: 'deleted' }];
    case 'gdapNoAccessAssignment':
      // Active, but the partner never assigned a security group: nobody in the partner gets in.
      return [{ ...active, assignment: null }];
    case 'gdapMultiple':
      // A renewed customer: the first relationship expired, a second one is active (both are listed).
      return [{ ...active, status: 'expired', created: -800, activated: -799, end: -69 }, { ...active, created: -70, activated: -69, end: 661 }];
    default:
      return [active];
  }
}

function relationships(
  rng: SeededRandom,
  partnerTenantId: string,
  groupId: string,
  customer: TenantSeed,
  nowMs: number,
): DelegatedAdminRelationship[] {
  const at = (days: number | null) => (days === null ? null : new Date(nowMs + days * dayMs).toISOString());
  return relationshipShapes(customer.kind).map((shape, index) => {
    const unifiedRoles = shape.roles.map((roleDefinitionId) => ({ roleDefinitionId }));
    const created = at(shape.created) as string;
    const modified = at(shape.end !== null && shape.end < 0 ? shape.end : (shape.activated ?? shape.created)) as string;
    return {
      id: `${rng.uuid()}-${rng.uuid()}`,
      displayName: `Contoso MSP - ${customer.displayName}${index > 0 ? ` (${index + 1})` : ''}`.slice(0, 50),
      status: shape.status,
      duration: 'P730D',
      autoExtendDuration: 'PT0S',
      createdDateTime: created,
      lastModifiedDateTime: modified,
      activatedDateTime: at(shape.activated),
      endDateTime: at(shape.end),
      customer: { tenantId: customer.id, displayName: customer.displayName },
      partnerTenantId,
      accessDetails: { unifiedRoles },
      accessAssignments: shape.assignment
        ? [
            {
              id: rng.uuid(),
              status: shape.assignment,
              createdDateTime: at(shape.activated ?? shape.created) as string,
              lastModifiedDateTime: modified,
              accessContainer: { accessContainerId: groupId, accessContainerType: 'securityGroup' as const },
              accessDetails: { unifiedRoles: unifiedRoles.map((r) => ({ ...r })) },
            },
          ]
        : [],
    };
  });
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
      conditionalAccess: {
        requireMfa: kind === 'mfaRequired',
        serviceProviderUsers: kind === 'caBlocksServiceProviders' ? 'block' : kind === 'caMfaForServiceProviders' ? 'requireMfa' : 'none',
      },
      ordinal: i + 1,
      ...(kind === 'deletedTenant' ? { deletedDateTime: new Date(nowMs - 5 * dayMs).toISOString() } : {}),
    };
    clients.push(seedOfClient);
    gdapRelationships.push(...relationships(gdapRng, partner.id, gdapGroup.id, seedOfClient, nowMs));
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
