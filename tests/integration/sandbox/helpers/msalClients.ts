import { readFileSync } from 'node:fs';
import { ConfidentialClientApplication, LogLevel, PublicClientApplication, type Configuration } from '@azure/msal-node';
import { SandboxNetworkClient } from '../../../sandbox/client/SandboxNetworkClient';
import type { SandboxHandle } from '../../../sandbox/startSandbox';

/**
 * MSAL configured the way the app must configure it against the sandbox in-process: https authority on the
 * sandbox host, that host in knownAuthorities (no instance discovery against Microsoft), and a network client
 * that trusts the sandbox CA.
 */
export function msalConfig(sandbox: SandboxHandle, clientId: string, tenant: string, clientSecret?: string): Configuration {
  return {
    auth: {
      clientId,
      authority: `${sandbox.info.authority}/${tenant}`,
      knownAuthorities: sandbox.info.knownAuthorities,
      ...(clientSecret ? { clientSecret } : {}),
    },
    system: {
      networkClient: new SandboxNetworkClient(readFileSync(sandbox.info.caFile)),
      loggerOptions: { logLevel: LogLevel.Error, loggerCallback: () => undefined },
    },
  };
}

export function publicClient(sandbox: SandboxHandle, tenant = sandbox.info.partnerTenantId, clientId = sandbox.info.publicClientId): PublicClientApplication {
  return new PublicClientApplication(msalConfig(sandbox, clientId, tenant));
}

export function confidentialClient(sandbox: SandboxHandle, clientId: string, tenant: string, secret: string): ConfidentialClientApplication {
  return new ConfidentialClientApplication(msalConfig(sandbox, clientId, tenant, secret));
}

/** The AADSTS number inside an MSAL error (it keeps Entra's error_description in errorMessage). */
export function aadstsCode(error: unknown): number | null {
  const text = error instanceof Error ? `${error.message} ${(error as { errorMessage?: string }).errorMessage ?? ''}` : String(error);
  const match = /AADSTS(\d+)/.exec(text);
  return match ? Number(match[1]) : null;
}

export async function expectAadsts(promise: Promise<unknown>): Promise<{ code: number | null; error: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return { code: aadstsCode(error), error: error as Record<string, unknown> };
  }
  throw new Error('Expected an AADSTS error, but the call succeeded');
}
