import type { HandlerSlice } from '../../../shared/contract/handler-types';
import type { PreflightService } from '../preflight/preflight-service';
import type { AuthService } from './auth-service';

export function authHandlers(
  auth: AuthService,
  preflight: PreflightService,
): HandlerSlice<'auth.state' | 'auth.signIn' | 'auth.cancel' | 'auth.signOut' | 'auth.useClientId' | 'preflight.run'> {
  return {
    'auth.state': () => auth.state(),
    'auth.signIn': (input) => auth.start(input),
    'auth.cancel': () => auth.cancel(),
    'auth.signOut': (input) => auth.signOut(input.homeAccountId),
    'auth.useClientId': (input) => auth.useClientId(input.clientId),
    'preflight.run': (input) => preflight.run(input.workspaceId, input.homeAccountId),
  };
}
