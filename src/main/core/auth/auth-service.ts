import type { AuthState, SignInMethod } from '../../../shared/domain/auth';
import type { CloudProfile } from '../clouds/cloud-profile';
import type { EventBus } from '../events/event-bus';
import type { SettingsStore } from '../settings/settings-store';
import type { WorkspaceService } from '../workspaces/workspace-service';
import type { AccountSummary } from './account-summary';
import type { StepId } from './step-scopes';
import type { SignInService } from './sign-in-service';

/**
 * Sign-in as the app sees it: which accounts are signed in, whether a sign-in is waiting, and the
 * events the UI needs while it waits (the device code; in the web host, the URL to open).
 */
export class AuthService {
  private pending: AuthState['pending'] = 'none';

  constructor(
    private readonly signIn: SignInService,
    private readonly cloud: CloudProfile,
    private readonly workspaces: WorkspaceService,
    private readonly events: EventBus,
    private readonly settings: SettingsStore,
  ) {}

  async state(): Promise<AuthState> {
    return {
      cloud: { id: this.cloud.id, name: this.cloud.name },
      clientId: this.signIn.clientId,
      accounts: await this.signIn.accounts(),
      pending: this.pending,
    };
  }

  async start(input: {
    method: SignInMethod;
    workspaceId?: string | undefined;
    loginHint?: string | undefined;
    steps?: StepId[] | undefined;
    homeAccountId?: string | undefined;
    mfa?: boolean | undefined;
  }): Promise<AccountSummary> {
    // The workspace's partner tenant (ID or domain) is a valid authority; without one, any work account.
    const tenant = input.workspaceId ? (this.workspaces.get(input.workspaceId).partnerTenant ?? undefined) : undefined;
    this.setPending(input.method);
    try {
      if (input.method === 'deviceCode') {
        return await this.signIn.signInWithDeviceCode({
          ...(tenant ? { tenant } : {}),
          onPrompt: (prompt) => this.events.emit('auth.deviceCode', prompt),
        });
      }
      const account = input.homeAccountId ? (await this.signIn.accounts()).find((a) => a.homeAccountId === input.homeAccountId) : undefined;
      // A sign-in that must show MFA in the token (Partner Center's 900421): asked of Microsoft explicitly.
      if (input.mfa && account) return await this.signIn.signInWithMfa({ account, step: input.steps?.[0] ?? 'partnerCenter' });
      return await this.signIn.signInInteractive({
        ...(tenant ? { tenant } : {}),
        ...(input.loginHint ? { loginHint: input.loginHint } : {}),
        ...(input.steps?.length ? { steps: input.steps } : {}),
        ...(account ? { account } : {}),
      });
    } finally {
      this.setPending('none');
    }
  }

  /** Another public client for sign-in (null: Microsoft Graph Command Line Tools); kept in settings. */
  async useClientId(clientId: string | null): Promise<AuthState> {
    this.signIn.useClientId(clientId);
    this.settings.set('publicClientId', clientId);
    this.events.emit('auth.changed', {});
    return this.state();
  }

  async cancel(): Promise<Record<string, never>> {
    await this.signIn.cancel();
    return {};
  }

  async signOut(homeAccountId: string): Promise<Record<string, never>> {
    await this.signIn.signOut(homeAccountId);
    this.events.emit('auth.changed', {});
    return {};
  }

  private setPending(pending: AuthState['pending']): void {
    this.pending = pending;
    this.events.emit('auth.changed', {});
  }
}
