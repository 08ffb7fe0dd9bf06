import type { HandlerSlice } from '../../../shared/contract/handler-types';
import type { SecretService } from './secret-service';

export function secretHandlers(
  secrets: SecretService,
): HandlerSlice<'secrets.list' | 'secrets.exportIcs' | 'secrets.checkInEntra' | 'secrets.rotate' | 'secrets.finishRotation' | 'secrets.cancelRotation'> {
  return {
    'secrets.list': () => secrets.list(),
    'secrets.exportIcs': () => secrets.exportIcs(),
    'secrets.checkInEntra': (i) => secrets.checkInEntra(i.workspaceId, i.homeAccountId),
    'secrets.rotate': (i) => secrets.rotate(i.workspaceId, i.role, i.homeAccountId),
    'secrets.finishRotation': (i) => secrets.finishRotation(i.rotationId, i.homeAccountId),
    'secrets.cancelRotation': (i) => secrets.cancelRotation(i.rotationId, i.homeAccountId),
  };
}
