import type { AccountInfo } from '@azure/msal-node';

/** What the rest of the app knows about a signed-in account; never tokens. */
export interface AccountSummary {
  homeAccountId: string;
  username: string;
  name: string | undefined;
  tenantId: string;
}

export function summarizeAccount(account: AccountInfo): AccountSummary {
  return {
    homeAccountId: account.homeAccountId,
    username: account.username,
    name: account.name,
    tenantId: account.tenantId,
  };
}
