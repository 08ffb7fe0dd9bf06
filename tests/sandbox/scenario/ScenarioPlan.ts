import type { DelegatedAdminRelationship, TenantSeed } from '../model/directoryTypes';

export interface ScenarioUser {
  key: 'globalAdmin' | 'applicationAdmin' | 'member';
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string;
  surname: string;
  password: string;
  mfaCode: string;
  directoryRoleTemplateIds: string[];
}

/** Everything the default scenario decides up front; tenant contents are derived from it lazily. */
export interface ScenarioPlan {
  seed: string;
  microsoft: TenantSeed;
  partner: TenantSeed;
  clients: TenantSeed[];
  partnerUsers: ScenarioUser[];
  /** Partner security group that GDAP access assignments point at; holds the two admins, not the member. */
  gdapGroup: { id: string; displayName: string; memberIds: string[] };
  /** Each client tenant has one local Global Administrator `admin@<initial domain>` with this password. */
  clientAdminPassword: string;
  gdapRelationships: DelegatedAdminRelationship[];
}
