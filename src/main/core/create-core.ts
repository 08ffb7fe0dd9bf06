import { join } from 'node:path';
import type { AppInfo, HostKind } from '../../shared/contract/requests';
import { ActivityLog } from './activity/activity-log';
import { createRecordingFetch } from './activity/recording-fetch';
import { AuthService } from './auth/auth-service';
import { SignInService } from './auth/sign-in-service';
import type { CloudProfile } from './clouds/cloud-profile';
import { ClientTenantService } from './consent/client-tenant-service';
import { ConsentRunService } from './consent/consent-run-service';
import { DashboardService } from './dashboard/dashboard-service';
import type { PlatformEnabler } from './consent/platform-enabler';
import { resolveConsentTarget } from './consent/resolve-consent-target';
import { ManagedAppRepository } from './onboarding/managed-app-repository';
import { EventBus } from './events/event-bus';
import { DriftService } from './drift/drift-service';
import { OnboardingService } from './onboarding/onboarding-service';
import { PreflightService } from './preflight/preflight-service';
import { BrowserConsentService } from './onboarding/browser-consent-service';
import { deliverableConfiguration } from './handover/deliverable-configuration';
import { HandoverValues } from './handover/handover-values';
import { EnvFileExporter } from './platforms/delivery/env-file-exporter';
import { PlatformDeliveryService } from './platforms/delivery/platform-delivery-service';
import { PlatformTenantEnabler } from './platforms/delivery/platform-tenant-enabler';
import type { SettingsStore } from './settings/settings-store';
import { openDatabase } from './store/open-database';
import { createGraphClient } from './graph/create-graph-client';
import { SecretRotation } from './secrets/secret-rotation';
import { SecretService } from './secrets/secret-service';
import { schemaVersionOf } from './store/migrate';
import type { Vault } from './vault/vault';
import { WorkspaceRepository } from './workspaces/workspace-repository';
import { WorkspaceService } from './workspaces/workspace-service';
import { createCloudFetch } from './net/cloud-fetch';
import { Connectivity } from './net/connectivity';
import { ConnectivityMonitor } from './net/connectivity-monitor';
import { observeConnectivity } from './net/observe-connectivity';
import { RefreshService } from './offline/refresh-service';

export interface CoreOptions {
  host: HostKind;
  dataDir: string;
  version: string;
  settings: SettingsStore;
  vault: Vault;
  cloud: CloudProfile;
  /** The public client the console signs in with (default: Microsoft Graph Command Line Tools). */
  clientId?: string;
  /**
   * How a sign-in page is opened: Electron passes shell.openExternal; without it (the web host)
   * the URL goes to the page as an 'auth.openUrl' event and the admin opens it in a new tab.
   */
  openUrl?: (url: string) => Promise<void>;
  /** A sign-in left open this long is stopped (default five minutes). */
  signInTimeoutMs?: number;
  /** Where to write a .env file: Electron asks with a save dialog; default: <dataDir>/exports. */
  chooseEnvFilePath?: (suggestedName: string) => Promise<string | undefined>;
  /** Where to save an export such as the secret reminders (.ics): Electron asks; default: <dataDir>/exports. */
  chooseExportPath?: (suggestedName: string) => Promise<string | undefined>;
  sqliteNativeBinding?: string;
  /** Per-client SSO enablement on the platform after consent (issue 10 item 6); none: runs only consent. */
  platformEnabler?: PlatformEnabler;
  /** Client tenants worked on at once in a consent run, unless the run says (default 8). */
  consentConcurrency?: number;
}

export const DATABASE_FILE = 'entra-onboard.sqlite';

export interface Core {
  events: EventBus;
  settings: SettingsStore;
  vault: Vault;
  services: {
    workspaces: WorkspaceService;
    auth: AuthService;
    preflight: PreflightService;
    onboarding: OnboardingService;
    browserConsent: BrowserConsentService;
    delivery: PlatformDeliveryService;
    envFiles: EnvFileExporter;
    clientTenants: ClientTenantService;
    consentRuns: ConsentRunService;
    activity: ActivityLog;
    dashboard: DashboardService;
    connectivity: Connectivity;
    connectivityMonitor: ConnectivityMonitor;
    refresh: RefreshService;
    drift: DriftService;
    secrets: SecretService;
    appInfo: () => AppInfo;
  };
  close(): void;
}

/**
 * The composition root of the plain-Node product: opens the store and wires the services.
 * Both hosts call this with their own settings and vault implementations.
 */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase(
    join(options.dataDir, DATABASE_FILE),
    options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {},
  );
  const events = new EventBus();
  const activity = new ActivityLog(db);
  const workspaces = new WorkspaceService(new WorkspaceRepository(db), events, undefined, options.vault);
  // An explicit client ID (command line) wins over the one the admin saved in settings.
  const clientId = options.clientId ?? options.settings.get('publicClientId') ?? undefined;
  // How a Microsoft page is opened: Electron's system browser, or (web host) a link in the page.
  const openUrl =
    options.openUrl ??
    (async (url: string) => {
      events.emit('auth.openUrl', { url });
    });
  // Offline first (issue 11): every request to the cloud tells the connectivity state what happened.
  const connectivity = new Connectivity({
    microsoftHosts: [options.cloud.authorityHost, options.cloud.graphBaseUrl, options.cloud.partnerCenterBaseUrl]
      .filter((u): u is string => u !== undefined)
      .map((u) => new URL(u).host),
    onChange: (state) => events.emit('connectivity.changed', state),
  });
  // Every write to Entra, Partner Center or the platform goes through this fetch and is logged (issue 11 item 5).
  const cloudFetch = createRecordingFetch(observeConnectivity(createCloudFetch(options.cloud), connectivity), {
    cloud: options.cloud,
    log: activity,
  });
  const connectivityMonitor = new ConnectivityMonitor({ connectivity, fetchFn: cloudFetch, cloud: options.cloud });
  const signIn = new SignInService({
    fetchFn: cloudFetch,
    cloud: options.cloud,
    vault: options.vault,
    ...(clientId ? { clientId } : {}),
    ...(options.signInTimeoutMs ? { interactiveTimeoutMs: options.signInTimeoutMs } : {}),
    openUrl,
  });
  const auth = new AuthService(signIn, options.cloud, workspaces, events, options.settings);
  const preflight = new PreflightService(signIn, options.cloud, workspaces);
  // What a finished setup hands over: shown by onboarding, written or pushed by delivery.
  const handover = new HandoverValues({ db, vault: options.vault, workspaces });
  const onboarding = new OnboardingService({
    db,
    handover,
    workspaces,
    signIn,
    cloud: options.cloud,
    vault: options.vault,
    events,
    // Late-bound: the delivery service below is what talks to a platform's API.
    platformRequirements: (workspaceId) => delivery.requirements(workspaceId),
    platformConnection: (workspaceId) => delivery.connection(workspaceId),
  });
  const browserConsent = new BrowserConsentService({ db, signIn, cloud: options.cloud, openUrl });
  const delivery = new PlatformDeliveryService({
    db,
    vault: options.vault,
    fetchFn: signIn.cloudFetch,
    deliverable: (workspaceId) => deliverableConfiguration(db, options.vault, workspaceId),
  });
  const envFiles = new EnvFileExporter(
    workspaces,
    handover,
    delivery,
    options.chooseEnvFilePath ?? (async (name) => join(options.dataDir, 'exports', name)),
  );
  // Client tenants (issue 10): its own module, reading the workspace's app from the setup's plan.
  const consentTarget = (workspaceId: string) => resolveConsentTarget(db, workspaces, handover, workspaceId);
  const clientTenants = new ClientTenantService({
    db,
    workspaces,
    events,
    cloud: options.cloud,
    fetchFn: signIn.cloudFetch,
    target: consentTarget,
    token: (homeAccountId, step) => signIn.tokenFor(homeAccountId, step),
    partnerTenantOf: async (homeAccountId) => (await signIn.accounts()).find((a) => a.homeAccountId === homeAccountId)?.tenantId,
  });
  const consentRuns = new ConsentRunService({
    db,
    workspaces,
    events,
    cloud: options.cloud,
    fetchFn: signIn.cloudFetch,
    tenants: clientTenants,
    target: consentTarget,
    signIn,
    appSecret: async (workspaceId) => {
      const secret = new ManagedAppRepository(db).secrets(workspaceId, 'main')[0];
      return secret ? options.vault.get(secret.vaultRef) : undefined;
    },
    consentInBrowser: async (workspaceId, homeAccountId, tenantId) => {
      await browserConsent.grant(workspaceId, homeAccountId, 'main', tenantId);
    },
    // Per-client SSO enablement through the Platform Onboarding API unless a caller supplies its own.
    platformEnabler: options.platformEnabler ?? new PlatformTenantEnabler({ client: (workspaceId) => delivery.connectedClient(workspaceId) }),
    ...(options.consentConcurrency ? { defaultConcurrency: options.consentConcurrency } : {}),
  });
  const refresh = new RefreshService({
    db,
    workspaces,
    cloud: options.cloud,
    fetchFn: cloudFetch,
    monitor: connectivityMonitor,
    token: (homeAccountId, step) => signIn.tokenFor(homeAccountId, step),
    accounts: () => signIn.accounts(),
    verifyTenants: async (workspaceId, homeAccountId) => {
      // The existing verify path: a journaled run that reads each included tenant's consent.
      if ('notApplicable' in consentTarget(workspaceId) || clientTenants.repo.counts(workspaceId).total === 0) return false;
      await consentRuns.start({ workspaceId, homeAccountId, mode: 'verify' });
      await consentRuns.settled(workspaceId);
      return true;
    },
  });
  connectivityMonitor.start();
  // Drift across workspaces (issue 11 §4): setup's desired state, delivery's and consent's readers.
  const drift = new DriftService(
    {
      db,
      vault: options.vault,
      cloud: options.cloud,
      fetchFn: signIn.cloudFetch,
      workspaces,
      appSpecs: (workspaceId) => handover.appSpecs(workspaceId),
      signIn,
      delivery,
      deliverable: (workspaceId) => deliverableConfiguration(db, options.vault, workspaceId),
      consentTarget,
      clientTenants: clientTenants.repo,
      consentRuns,
      now: () => new Date(),
    },
    events,
  );
  // Secret lifecycle (issue 11 §3): its own module; rotation hands over through the delivery module.
  const graphAs = (step: 'registerApp' | 'findExistingApps') => (homeAccountId: string) =>
    createGraphClient({ cloud: options.cloud, fetchFn: signIn.cloudFetch, getAccessToken: () => signIn.tokenFor(homeAccountId, step) });
  const secrets = new SecretService({
    db,
    vault: options.vault,
    graph: graphAs('findExistingApps'),
    choosePath: options.chooseExportPath ?? (async (name) => join(options.dataDir, 'exports', name)),
    rotation: new SecretRotation({
      db,
      vault: options.vault,
      cloud: options.cloud,
      fetchFn: signIn.cloudFetch,
      graph: graphAs('registerApp'),
      handover,
      delivery: {
        mode: (workspaceId) => (delivery.connection(workspaceId) ? 'push' : envFiles.offered(workspaceId) ? 'envFile' : 'copySheet'),
        push: (workspaceId) => delivery.push(workspaceId),
        writeEnvFile: (workspaceId) => envFiles.write(workspaceId),
      },
    }),
  });
  return {
    events,
    settings: options.settings,
    vault: options.vault,
    services: {
      workspaces,
      auth,
      preflight,
      onboarding,
      browserConsent,
      delivery,
      envFiles,
      clientTenants,
      consentRuns,
      activity,
      // The status dashboard across workspaces (issue 11 §2): reads the store only.
      dashboard: new DashboardService(db),
      connectivity,
      connectivityMonitor,
      refresh,
      drift,
      secrets,
      appInfo: () => ({
        name: 'Entra Onboard',
        version: options.version,
        host: options.host,
        dataDir: options.dataDir,
        schemaVersion: schemaVersionOf(db),
      }),
    },
    close: () => {
      connectivityMonitor.stop();
      db.close();
    },
  };
}
