import type { Database } from 'better-sqlite3';
import { ErrorCode } from '../../../shared/error-codes';
import { scopesForSteps } from '../auth/plan-permissions';
import type { SignInService } from '../auth/sign-in-service';
import type { StepId } from '../auth/step-scopes';
import type { CloudProfile } from '../clouds/cloud-profile';
import { AppError } from '../errors/app-error';
import { createGraphClient } from '../graph/create-graph-client';
import { getApplicationByAppId, updateApplication } from '../graph/ops/applications';
import { AuditLog } from './audit-log';
import { CONSENT_LOOPBACK_REDIRECT, grantAdminConsentInBrowser } from './browser-admin-consent';
import type { AppRole } from './desired-app';
import { ManagedAppRepository } from './managed-app-repository';

/**
 * Admin consent through a Global Administrator in the browser, for an admin whose roles cannot
 * grant it (issue 5). The app gets a loopback redirect URI for the duration only, so the
 * platform's app registration is left exactly as planned.
 */
export class BrowserConsentService {
  private readonly apps: ManagedAppRepository;
  private readonly audit: AuditLog;

  constructor(
    private readonly o: {
      db: Database;
      signIn: SignInService;
      cloud: CloudProfile;
      openUrl(url: string): Promise<void>;
      now?: () => Date;
      timeoutMs?: number;
    },
  ) {
    this.apps = new ManagedAppRepository(o.db);
    this.audit = new AuditLog(o.db);
  }

  /**
   * Admin consent for the sign-in app's own permissions for these steps, when the signed-in admin's roles cannot
   * consent to them (a Conditional Access, Security, Groups or User Administrator meets AADSTS90094): Microsoft's
   * admin consent page opens in the browser for a Global Administrator (or Privileged Role, Cloud Application or
   * Application Administrator) to sign in and accept. Afterwards the admin's own tokens for those steps are silent.
   */
  async grantForSteps(homeAccountId: string, steps: StepId[]): Promise<{ granted: true }> {
    const account = (await this.o.signIn.accounts()).find((a) => a.homeAccountId === homeAccountId);
    if (!account) throw new AppError(ErrorCode.AccountNotFound, 'This account is no longer signed in.', { fix: 'Sign in again.' });
    await grantAdminConsentInBrowser({
      cloud: this.o.cloud,
      tenantId: account.tenantId,
      appId: this.o.signIn.clientId,
      scopes: scopesForSteps(steps, this.o.cloud),
      openUrl: this.o.openUrl,
      ...(this.o.timeoutMs ? { timeoutMs: this.o.timeoutMs } : {}),
    });
    return { granted: true };
  }

  /** `tenantId`: a client tenant whose Global Administrator signs in (default: the admin's own tenant). */
  async grant(workspaceId: string, homeAccountId: string, role: AppRole, tenantId?: string): Promise<{ granted: true }> {
    const managed = this.apps.get(workspaceId, role);
    const account = (await this.o.signIn.accounts()).find((a) => a.homeAccountId === homeAccountId);
    if (!managed?.appId || !account) {
      throw new AppError(ErrorCode.StepBlocked, 'The app registration must exist before consent can be granted.', { fix: 'Run the guided setup first.' });
    }
    await this.o.signIn.tokenFor(homeAccountId, 'registerApp');
    const client = createGraphClient({ cloud: this.o.cloud, fetchFn: this.o.signIn.cloudFetch, getAccessToken: () => this.o.signIn.tokenFor(homeAccountId, 'registerApp') });
    const app = await getApplicationByAppId(client, managed.appId);
    if (!app) throw new AppError(ErrorCode.StepBlocked, 'The app registration was not found.', { fix: 'Run the guided setup again; it recreates it.' });
    const existing = app.publicClient?.redirectUris ?? [];
    const added = !existing.includes(CONSENT_LOOPBACK_REDIRECT);
    if (added) await updateApplication(client, app.id, { publicClient: { redirectUris: [...existing, CONSENT_LOOPBACK_REDIRECT] } });
    const at = () => (this.o.now ?? (() => new Date()))().toISOString();
    try {
      await grantAdminConsentInBrowser({
        cloud: this.o.cloud,
        tenantId: tenantId ?? account.tenantId,
        appId: managed.appId,
        openUrl: this.o.openUrl,
        ...(this.o.timeoutMs ? { timeoutMs: this.o.timeoutMs } : {}),
      });
      this.audit.record(workspaceId, 'consent.browser-granted', { role, appId: managed.appId, ...(tenantId ? { tenantId } : {}) }, at());
      return { granted: true };
    } finally {
      if (added) await updateApplication(client, app.id, { publicClient: { redirectUris: existing } });
    }
  }
}
