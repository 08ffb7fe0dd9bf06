import { ErrorCode } from '../../../shared/error-codes';
import type { CloudProfile } from '../clouds/cloud-profile';
import { AppError } from '../errors/app-error';
import type { CloudFetch } from '../net/cloud-fetch';

/** Partner Center answers may start with a UTF-8 byte order mark (facts §7.3). */
function parsePartnerCenterJson(text: string): unknown {
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

export interface PartnerCenterCustomerPage {
  totalCount: number;
  items: { id: string; companyProfile: { tenantId: string; domain: string; companyName: string } }[];
}

/** Partner Center's REST API for one cloud and one signed-in admin (facts §7.3, §8). */
export class PartnerCenterClient {
  constructor(
    private readonly cloud: CloudProfile,
    private readonly fetchFn: CloudFetch,
    private readonly getAccessToken: () => Promise<string>,
  ) {}

  async customers(size: number): Promise<PartnerCenterCustomerPage> {
    return (await this.request('GET', `/v1/customers?size=${size}`)) as PartnerCenterCustomerPage;
  }

  private async request(method: string, path: string): Promise<unknown> {
    if (!this.cloud.partnerCenterBaseUrl) {
      throw new AppError(ErrorCode.PartnerCenterUnavailable, `Partner Center automation is not available for ${this.cloud.name}.`, {
        fix: 'Grant consent in each client tenant with the admin consent link instead.',
      });
    }
    const response = await this.fetchFn(`${this.cloud.partnerCenterBaseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${await this.getAccessToken()}`, Accept: 'application/json' },
    });
    const text = await response.text();
    if (!response.ok) {
      const body = (() => {
        try {
          return parsePartnerCenterJson(text) as { code?: unknown; description?: unknown };
        } catch {
          return {};
        }
      })();
      // Since 1 April 2026 Partner Center refuses App+User tokens that show no MFA: 401 with code 900421
      // (learn.microsoft.com/partner-center/security/partner-security-requirements-mandating-mfa). That is a
      // sign-in to repeat with MFA, not a missing Partner Center role.
      if (response.status === 401 && String(body.code) === '900421') {
        throw new AppError(ErrorCode.SignInRequired, 'Partner Center requires multi-factor authentication: this sign-in did not include it.', {
          fix: 'Sign in again with MFA: Entra Onboard asks Microsoft for multi-factor authentication in that sign-in, and Partner Center accepts the token it gets. If you cannot complete MFA (no method registered), register one at https://aka.ms/mysecurityinfo first; Partner Center requires MFA of every partner user.',
          details: { step: 'partnerCenter', reason: 'mfa', scopes: ['user_impersonation'], partnerCenterCode: '900421' },
        });
      }
      const forbidden = response.status === 401 || response.status === 403;
      throw new AppError(
        ErrorCode.PartnerCenterFailed,
        forbidden
          ? 'Partner Center refused this account: it needs a Partner Center role (admin agent) in your partner organization.'
          : `Partner Center answered ${response.status}${typeof body.description === 'string' ? `: ${body.description}` : '.'}`,
        {
          fix: forbidden
            ? 'In Partner Center, give this user the Admin agent role (or add them to the AdminAgents group), then try again.'
            : 'Try again in a few minutes.',
          details: { status: response.status, ...(typeof body.code === 'string' || typeof body.code === 'number' ? { partnerCenterCode: String(body.code) } : {}) },
        },
      );
    }
    return parsePartnerCenterJson(text);
  }
}
