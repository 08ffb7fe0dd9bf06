/**
 * Per-client SSO enablement on the platform (issue 10 item 6): once a tenant is consented and verified
 * from the tenant itself, a run hands it here. The delivery side implements it with the Platform
 * Onboarding API (PUT /v1/tenants/{tenantId}, or its bulk form); the run records the platform's answer
 * beside the tenant. Called with batches so an implementation can use the bulk endpoint.
 */
export interface PlatformEnabler {
  /** Null when the workspace's platform is not connected (the run then records nothing). */
  enable(
    workspaceId: string,
    tenants: readonly { tenantId: string; domain: string | null; name: string | null }[],
    signal?: AbortSignal,
  ): Promise<readonly { tenantId: string; state: 'enabled' | 'failed' | 'notConnected'; message: string }[] | null>;
}
