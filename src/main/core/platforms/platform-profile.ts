import type { z } from 'zod';
import type { PlatformId } from '../../../shared/domain/platforms';
import type { RedirectPlatform } from '../../../shared/domain/redirect-uri';

/** One thing the wizard asks. The answers as a whole are validated by the profile's zod schema. */
export type Question =
  | { id: string; kind: 'text'; label: string; help?: string; placeholder?: string; required: boolean }
  | { id: string; kind: 'choice'; label: string; help?: string; options: { value: string; label: string; help?: string }[]; default?: string }
  | { id: string; kind: 'yesNo'; label: string; help?: string; default?: boolean }
  /** A block of redirect URIs pasted once, checked line by line (see parseRedirectUriBlock). */
  | { id: string; kind: 'redirectUris'; label: string; help?: string; platform: RedirectPlatform; required: boolean }
  /** Users (by user principal name) and security groups (by display name), one per line (see principalsAnswer). */
  | { id: string; kind: 'principals'; label: string; help?: string; required: boolean };

/** A Microsoft Graph permission by name; resolved to its GUID from the tenant's Graph service principal. */
export interface GraphPermissions {
  delegated: string[];
  application: string[];
}

/** The app registration a platform needs, in Graph's terms (facts §1.2). */
export interface AppRegistrationSpec {
  /** Which app this is, within the platform ("main", "partnerCenter"). */
  role: 'main' | 'partnerCenter';
  displayName: string;
  signInAudience: 'AzureADMyOrg' | 'AzureADMultipleOrgs';
  redirectUris: Record<RedirectPlatform, string[]>;
  graph: GraphPermissions;
  /** Delegated scopes on APIs other than Graph, by the API's appId (Partner Center's user_impersonation). */
  otherDelegated: { resourceAppId: string; scopes: string[] }[];
  groupMembershipClaims: 'SecurityGroup' | null;
  /** Optional claims in the ID token, e.g. "groups" (facts §1.2). */
  idTokenOptionalClaims: string[];
  secret: { lifetimeMonths: number } | null;
  /** Grant admin consent in the partner tenant as part of setup. */
  adminConsent: boolean;
  /** Require users to be assigned before they can sign in (appRoleAssignmentRequired, facts §12.2). */
  assignmentRequired: boolean;
  /**
   * Who is assigned when assignment is required: user principal names and security group display
   * names (the signed-in admin is always added). None when absent.
   */
  assignees?: string[];
}

/** A security group the platform maps to one of its roles: reused by display name, else created. */
export interface SecurityGroupSpec {
  /** The platform's role for the group ("admin"); its object ID is remembered under this key. */
  key: string;
  displayName: string;
  /** Why the group exists, in the guide's words: the group's description and the step's "why". */
  purpose: string;
}

/** A Conditional Access policy that requires MFA to sign in to one of the platform's apps (facts §12.1). */
export interface MfaPolicySpec {
  key: string;
  displayName: string;
  app: AppRegistrationSpec['role'];
  /** Why the policy exists, in the guide's words. */
  why: string;
}

/** Directory objects besides the apps: set up after them, in the same run. */
export interface DirectoryObjectsSpec {
  securityGroups: SecurityGroupSpec[];
  mfaPolicies: MfaPolicySpec[];
}

/** A value handed to the platform at the end (pasted, written to .env, or pushed through its API). */
export interface OutputField {
  key: string;
  label: string;
  /** Where the value comes from once setup has run. */
  source:
    | { from: 'app'; app: AppRegistrationSpec['role']; field: 'clientId' | 'clientSecret' }
    | { from: 'partnerTenantId' }
    | { from: 'answer'; question: string }
    | { from: 'constant'; value: string }
    /** The object ID of a security group from `directoryObjects`, by its key. */
    | { from: 'group'; group: string };
  secret: boolean;
  /** Written to the .env file (delivery 'envFile'); other values are entered in the platform's own screens. */
  envVariable?: boolean;
}

/**
 * A step the guide has the admin do in the platform's own portal, which no API can do for them.
 * Ticks are kept per workspace under `key`, so a key must stay the same while the step's meaning does.
 */
export interface ChecklistItem {
  key: string;
  text: string;
  help?: string;
}

export interface TroubleshootingEntry {
  symptom: string;
  cause: string;
  fix: string;
}

/**
 * Everything about one platform that its setup guide makes an admin do by hand, as data: the
 * questions, the app registrations they produce, and the values handed over at the end.
 */
export interface PlatformProfile<Answers extends Record<string, unknown> = Record<string, unknown>> {
  id: PlatformId;
  name: string;
  /** The seed guide this profile automates, and how many portal steps it asks of an admin. */
  guide: { title: string; manualSteps: number };
  questions: Question[];
  answers: z.ZodType<Answers>;
  apps(answers: Answers): AppRegistrationSpec[];
  /** Groups and policies the platform needs in the tenant besides its apps (none when absent). */
  directoryObjects?(answers: Answers): DirectoryObjectsSpec;
  outputs(answers: Answers): OutputField[];
  /** What is left to do in the platform's own portal after setup, in order (none when absent). */
  checklist?(answers: Answers): ChecklistItem[];
  /** How the values reach the platform when it has no API: a copy sheet or a .env file. */
  delivery: 'copySheet' | 'envFile' | 'api';
  troubleshooting: TroubleshootingEntry[];
}
