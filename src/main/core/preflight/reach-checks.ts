import type { Client } from '@microsoft/microsoft-graph-client';
import type { ReachCheck } from '../../../shared/domain/preflight';
import { ErrorCode } from '../../../shared/error-codes';
import type { StepId } from '../auth/step-scopes';
import { diagnose } from '../diagnostics/diagnose';
import { AppError } from '../errors/app-error';
import type { GraphApplication } from '../graph/ops/graph-types';
import { getApplicationByUniqueName } from '../graph/ops/applications';
import { uniqueNameFor } from '../onboarding/desired-app';
import type { PartnerCenterClient } from '../partner-center/partner-center-client';

type Outcome = Pick<ReachCheck, 'status' | 'summary' | 'items'>;

/**
 * Runs one check, turning "Microsoft wants you in the browser" (consent, MFA) into a status the
 * UI offers a sign-in for, and any other failure into a cause and fix. One check failing never
 * hides the others.
 */
async function runCheck(
  id: ReachCheck['id'],
  label: string,
  step: StepId,
  authorize: (step: StepId) => Promise<unknown>,
  check: () => Promise<Outcome>,
): Promise<ReachCheck> {
  try {
    // Get the step's token first: the Graph client would wrap a consent or MFA answer in an
    // error of its own, losing the reason and the fix.
    await authorize(step);
    return { id, label, step, ...(await check()) };
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.SignInRequired) {
      const reason = error.details?.['reason'] as ReachCheck['reason'];
      return { id, label, step, status: 'needsSignIn', summary: error.message, items: [], ...(reason ? { reason } : {}), ...(error.fix ? { fix: error.fix } : {}) };
    }
    if (error instanceof AppError && error.code === ErrorCode.PartnerCenterUnavailable) {
      return { id, label, step, status: 'unavailable', summary: error.message, items: [], ...(error.fix ? { fix: error.fix } : {}) };
    }
    if (error instanceof AppError) {
      return { id, label, step, status: 'failed', summary: error.message, items: [], ...(error.fix ? { fix: error.fix } : {}) };
    }
    const d = diagnose(error);
    return { id, label, step, status: 'failed', summary: d.cause, items: [], fix: d.fix };
  }
}

const escape = (s: string) => s.replace(/'/g, "''");

/** App registrations that look like this platform's (by name) or that this workspace made. */
export function checkExistingApps(
  client: Client,
  authorize: (step: StepId) => Promise<unknown>,
  workspaceId: string,
  nameHints: string[],
): Promise<ReachCheck> {
  return runCheck('existingApps', 'Existing app registrations', 'findExistingApps', authorize, async () => {
    const found = new Map<string, GraphApplication>();
    const ours = await getApplicationByUniqueName(client, uniqueNameFor(workspaceId, 'main'));
    if (ours) found.set(ours.appId, ours);
    for (const hint of nameHints) {
      const page = (await client
        .api('/applications')
        .filter(`startswith(displayName,'${escape(hint)}')`)
        .select(['id', 'appId', 'displayName'])
        .top(50)
        .get()) as { value: GraphApplication[] };
      for (const app of page.value) found.set(app.appId, app);
    }
    const items = [...found.values()].map((a) => `${a.displayName} (client ID ${a.appId})${a.appId === ours?.appId ? ', made by this workspace' : ''}`);
    return {
      status: 'ok',
      items,
      summary:
        items.length === 0
          ? 'None found: the wizard will create the app registration.'
          : `Found ${items.length} that may be this platform’s: the wizard offers to reuse one instead of creating a duplicate.`,
    };
  });
}

/** Whether GDAP customers can be listed, and how many there are (facts §7.1). */
export function checkGdapCustomers(client: Client, authorize: (step: StepId) => Promise<unknown>): Promise<ReachCheck> {
  return runCheck('gdapCustomers', 'Client tenants through GDAP', 'listGdapCustomers', authorize, async () => {
    const page = (await client.api('/tenantRelationships/delegatedAdminCustomers').top(300).get()) as {
      value: { tenantId: string; displayName: string }[];
      '@odata.nextLink'?: string;
    };
    const count = `${page.value.length}${page['@odata.nextLink'] ? ' or more' : ''}`;
    return {
      status: 'ok',
      items: page.value.slice(0, 5).map((c) => c.displayName),
      summary: page.value.length === 0 ? 'No GDAP customers: client tenants will need another way in.' : `${count} client tenants reachable through GDAP.`,
    };
  });
}

/** Whether Partner Center answers for this admin (needed for CPV consent in client tenants). */
export function checkPartnerCenter(partnerCenter: PartnerCenterClient, authorize: (step: StepId) => Promise<unknown>): Promise<ReachCheck> {
  return runCheck('partnerCenter', 'Partner Center', 'partnerCenter', authorize, async () => {
    const page = await partnerCenter.customers(5);
    return {
      status: 'ok',
      items: page.items.map((c) => c.companyProfile.companyName),
      summary: `Partner Center is reachable: ${page.totalCount} customers.`,
    };
  });
}
