import type { ConsentRunProgress, TenantSelection } from '../../../shared/domain/client-tenants';
import { ErrorCode } from '../../../shared/error-codes';
import { AppError } from '../errors/app-error';

const notYet = () =>
  new AppError(ErrorCode.StepBlocked, 'Consent runs are not available in this build yet.', { fix: 'Update Entra Onboard.' });

/** Consent runs over client tenants: bounded concurrency, journal per tenant, cancel, retry failed. */
export class ConsentRunService {
  async start(_input: { workspaceId: string; homeAccountId: string; selection?: TenantSelection; mode: 'consent' | 'verify'; concurrency?: number }): Promise<{ runId: string }> {
    throw notYet();
  }
  cancel(_workspaceId: string): boolean {
    return false;
  }
  async retryFailed(_workspaceId: string, _homeAccountId: string, _concurrency?: number): Promise<{ runId: string }> {
    throw notYet();
  }
  async resume(_workspaceId: string, _homeAccountId: string): Promise<{ runId: string }> {
    throw notYet();
  }
  run(_workspaceId: string, _runId?: string): ConsentRunProgress | null {
    return null;
  }
  runs(_workspaceId: string, _limit: number): ConsentRunProgress[] {
    return [];
  }
  async consentInBrowser(_workspaceId: string, _homeAccountId: string, _tenantId: string): Promise<{ granted: boolean }> {
    throw notYet();
  }
  async exportLinks(_workspaceId: string, _selection?: TenantSelection): Promise<{ fileName: string; csv: string; message: string; count: number }> {
    throw notYet();
  }
}
