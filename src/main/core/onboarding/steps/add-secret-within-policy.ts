import type { Client } from '@microsoft/microsoft-graph-client';
import { ErrorCode } from '../../../../shared/error-codes';
import { AppError } from '../../errors/app-error';
import { addPassword } from '../../graph/ops/applications';
import { graphErrorInfo } from '../../graph/ops/graph-error-info';
import type { GraphPasswordCredential } from '../../graph/ops/graph-types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Maximum secret lifetimes tenants commonly set in an app management policy, longest first: a year,
 * the 180 days of CISA's ScubaGear baseline (cisagov/ScubaGear#1962), 90, 60, 30, 14, 7 and 1 day.
 */
const commonPolicyMaximaDays = [365, 180, 90, 60, 30, 14, 7, 1];

/**
 * Adds a client secret valid for `months`, or, when the tenant's app management policy caps secret
 * lifetimes (400 CredentialInvalidLifetimeAsPerAppPolicy: OfficeDev/microsoft-365-agents-toolkit
 * #10998, KelvinTegelaar/CIPP-API#1970), for the longest lifetime the policy allows. The error does not
 * say the maximum, and reading the policy (GET /policies/defaultAppManagementPolicy) needs
 * Policy.Read.All, an admin-consent permission the registerApp step does not otherwise need; so the
 * shorter lifetimes tenants commonly set are tried, longest first. Only a success creates a secret,
 * so the first success is the one secret made. A policy that forbids secrets stops with its cause.
 */
export async function addSecretWithinPolicy(
  client: Client,
  objectId: string,
  displayName: string,
  start: Date,
  months: number,
  report: (message: string) => void,
): Promise<GraphPasswordCredential> {
  const requested = new Date(start);
  requested.setUTCMonth(requested.getUTCMonth() + months);
  const attempts = [requested, ...commonPolicyMaximaDays.map((d) => new Date(start.getTime() + d * DAY_MS)).filter((d) => d < requested)];
  let last: unknown;
  for (const end of attempts) {
    try {
      return await addPassword(client, objectId, displayName, end.toISOString());
    } catch (error) {
      const { code } = graphErrorInfo(error);
      if (code === 'CredentialTypeNotAllowedAsPerAppPolicy') {
        throw new AppError(ErrorCode.StepBlocked, 'Your tenant’s app management policy does not allow client secrets on app registrations.', {
          fix: 'Ask a Global Administrator to exempt this app from the policy or allow client secrets (Entra admin center › Enterprise applications › App management policies), then run setup again.',
          cause: error,
        });
      }
      if (code !== 'CredentialInvalidLifetimeAsPerAppPolicy') throw error;
      last = error;
      report('Your tenant’s app management policy limits how long a client secret may last; trying a shorter lifetime');
    }
  }
  throw new AppError(ErrorCode.StepBlocked, 'Your tenant’s app management policy allows no client secret lifetime of a day or more.', {
    fix: 'Ask a Global Administrator to raise the maximum secret lifetime in the app management policy, or to exempt this app, then run setup again.',
    cause: last,
  });
}
