/**
 * What an error from Microsoft means for an MSP admin, and what to do about it. Sources: the AADSTS
 * table in microsoft-identity-facts.md §10.2, Graph's codes in §9.1, and the troubleshooting tables
 * of the seed guides. Keys are AADSTS numbers or Graph error codes.
 */
export interface KnownError {
  cause: string;
  fix: string;
}

export const aadstsErrors: Record<number, KnownError> = {
  50011: {
    cause: 'The redirect URI sent at sign-in is not one of the app registration’s redirect URIs.',
    fix: 'Add the exact redirect URI (scheme, host, path and trailing slash all count) to the app registration, or run the wizard again to repair it.',
  },
  50020: {
    cause: 'This account belongs to another tenant, and the app only accepts accounts from its own tenant.',
    fix: 'Sign in with an account from the app’s tenant, or make the app multi-tenant if the platform expects that.',
  },
  50034: {
    cause: 'No account with this user name exists in the directory.',
    fix: 'Check the user name, and that you are signing in to the right tenant and cloud.',
  },
  50076: {
    cause: 'A Conditional Access policy requires multi-factor authentication for this sign-in.',
    fix: 'Complete the MFA prompt in the browser. If none appears, sign in again interactively (device code and saved sign-ins cannot satisfy MFA on their own).',
  },
  50079: {
    cause: 'Your organization requires you to register for multi-factor authentication.',
    fix: 'Register an MFA method at https://aka.ms/mfasetup, then sign in again.',
  },
  50105: {
    cause: 'The app requires users to be assigned to it, and this account is not.',
    fix: 'Assign the user (or a group they are in) to the app under Enterprise applications › Users and groups, or turn off "Assignment required".',
  },
  50126: {
    cause: 'The user name or password is wrong.',
    fix: 'Check the password and try again.',
  },
  53003: {
    cause: 'A Conditional Access policy blocked this sign-in.',
    fix: 'Ask whoever manages Conditional Access in that tenant which policy applies (the sign-in log shows it under this correlation ID).',
  },
  54005: {
    cause: 'The sign-in code was already used.',
    fix: 'Sign in again; each code works once.',
  },
  65001: {
    cause: 'Nobody has consented to the app for these permissions in this tenant.',
    fix: 'Grant admin consent for the app in this tenant (the wizard’s consent step does it), then try again.',
  },
  65004: {
    cause: 'The consent prompt was declined.',
    fix: 'Sign in again and accept the permissions, or ask a Global Administrator to grant admin consent.',
  },
  70011: {
    cause: 'A requested permission (scope) is not valid for this API.',
    fix: 'Check the permission names; for app-only tokens, request "<resource>/.default".',
  },
  90002: {
    cause: 'This tenant does not exist in this cloud.',
    fix: 'Check the tenant ID or domain, and that you chose the right cloud (global, US Government or China).',
  },
  90094: {
    cause: 'These permissions need an administrator’s consent.',
    fix: 'Sign in as a Global Administrator or Privileged Role Administrator, or ask one to grant admin consent.',
  },
  90099: {
    cause: 'The app is not authorized in this client tenant; as a partner you need consent there first.',
    fix: 'Grant consent in the client tenant through Partner Center (CPV consent) or with a GDAP role that allows it.',
  },
  500011: {
    cause: 'The API the app asks for (for example Microsoft Graph) has no service principal in this tenant.',
    fix: 'Grant admin consent in this tenant, which creates it, then try again.',
  },
  700016: {
    cause: 'The app (client ID) does not exist in this tenant: wrong client ID, wrong tenant, or no consent there yet.',
    fix: 'Check the client ID and tenant ID handed to the platform; for a multi-tenant app, grant admin consent in this tenant.',
  },
  7000215: {
    cause: 'The client secret is wrong, or so new that Microsoft has not replicated it yet.',
    fix: 'Use the secret’s value, not its ID. A secret created in the last few minutes may need a moment: try again shortly; nothing needs to be recreated.',
  },
  7000222: {
    cause: 'The client secret has expired.',
    fix: 'Create a new secret (the wizard’s "Rotate secret" does it) and give it to the platform.',
  },
  9001023: {
    cause: 'This kind of token cannot be requested from the shared /common endpoint.',
    fix: 'Use the tenant’s own ID in the authority (the app does this; if you see it, report it).',
  },
};

export const graphErrors: Record<string, KnownError> = {
  Authorization_RequestDenied: {
    cause: 'Your account’s directory role does not allow this change.',
    fix: 'Sign in with a role that can do it (Application Administrator or Global Administrator for app registrations), or ask someone who has one.',
  },
  InvalidAuthenticationToken: {
    cause: 'The sign-in has expired or was revoked.',
    fix: 'Sign in again.',
  },
  Request_ResourceNotFound: {
    cause: 'The object does not exist, or Microsoft has not finished replicating it.',
    fix: 'If it was just created, wait a few seconds and try again; otherwise run the wizard again to recreate it.',
  },
  Request_MultipleObjectsWithSameKeyValue: {
    cause: 'An object with the same unique value already exists.',
    fix: 'Reuse the existing object (the wizard adopts it when you run it again).',
  },
  TooManyRequests: {
    cause: 'Microsoft is throttling requests for this tenant.',
    fix: 'The app waits and retries on its own; if this persists, try again in a few minutes.',
  },
};
