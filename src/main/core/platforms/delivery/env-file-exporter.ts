import { ErrorCode } from '../../../../shared/error-codes';
import { AppError } from '../../errors/app-error';
import type { HandoverValues } from '../../handover/handover-values';
import type { WorkspaceService } from '../../workspaces/workspace-service';
import { platformProfiles } from '../platform-profiles';
import type { PlatformDeliveryService } from './platform-delivery-service';

/**
 * The .env delivery for self-hosted platforms (SonicSaaS): the handover's variables, the secret's
 * value from the vault, written owner-only to a file the host chooses (a save dialog in Electron,
 * the data folder in the web host).
 */
export class EnvFileExporter {
  constructor(
    private readonly workspaces: WorkspaceService,
    private readonly handover: HandoverValues,
    private readonly delivery: PlatformDeliveryService,
    private readonly choosePath: (suggestedName: string) => Promise<string | undefined>,
  ) {}

  offered(workspaceId: string): boolean {
    return platformProfiles[this.workspaces.get(workspaceId).platformId]?.delivery === 'envFile';
  }

  async write(workspaceId: string): Promise<{ path: string }> {
    const workspace = this.workspaces.get(workspaceId);
    if (!this.offered(workspaceId)) {
      throw new AppError(ErrorCode.StepBlocked, 'This platform does not read a .env file.', { fix: 'Use the copy sheet or push to the platform instead.' });
    }
    const variables: { key: string; value: string }[] = [];
    const envKeys = new Set(
      (platformProfiles[workspace.platformId]?.outputs(this.handover.answersOf(workspaceId)) ?? []).filter((o) => o.envVariable).map((o) => o.key),
    );
    for (const field of this.handover.fields(workspaceId).filter((f) => envKeys.has(f.key))) {
      if (field.secret) {
        if (!field.secretOf) throw new AppError(ErrorCode.StepBlocked, `${field.label} does not exist yet.`, { fix: 'Run the guided setup first.' });
        variables.push({ key: field.key, value: (await this.handover.revealSecret(workspaceId, field.secretOf.role)).value });
      } else if (field.value !== null) {
        variables.push({ key: field.key, value: field.value });
      }
    }
    const slug = workspace.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'platform';
    const path = await this.choosePath(`${slug}.env`);
    if (!path) throw new AppError(ErrorCode.SignInCancelled, 'No file was written.', { fix: 'Choose where to save the .env file.' });
    this.delivery.writeEnvFile(path, variables, `${workspace.name}: written by Entra Onboard on ${new Date().toISOString().slice(0, 10)}`);
    return { path };
  }
}
