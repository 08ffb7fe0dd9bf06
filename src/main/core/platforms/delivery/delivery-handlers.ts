import type { HandlerSlice } from '../../../../shared/contract/handler-types';
import type { EnvFileExporter } from './env-file-exporter';
import type { PlatformDeliveryService } from './platform-delivery-service';

export function deliveryHandlers(
  delivery: PlatformDeliveryService,
  envFiles: EnvFileExporter,
): HandlerSlice<'delivery.status' | 'delivery.connect' | 'delivery.diff' | 'delivery.push' | 'delivery.tick' | 'delivery.writeEnvFile'> {
  return {
    'delivery.status': (i) => ({ connection: delivery.connection(i.workspaceId), ticks: delivery.ticks(i.workspaceId), envFile: envFiles.offered(i.workspaceId) }),
    'delivery.connect': async (i) => ({ platformName: (await delivery.connect(i.workspaceId, i.baseUrl, i.token)).platformName }),
    'delivery.diff': async (i) => {
      const diff = await delivery.diff(i.workspaceId);
      return { hasConfiguration: diff.current !== null, changes: diff.changes };
    },
    'delivery.push': (i) => delivery.push(i.workspaceId),
    'delivery.tick': (i) => ({ ticks: delivery.setTick(i.workspaceId, i.fieldKey, i.ticked) }),
    'delivery.writeEnvFile': (i) => envFiles.write(i.workspaceId),
  };
}
