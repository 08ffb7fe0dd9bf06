import type { HandlerSlice } from '../../../shared/contract/handler-types';
import type { PreflightService } from '../preflight/preflight-service';
import type { AuthService } from './auth-service';

export function authHandlers(
  auth: AuthService,
  preflight: PreflightService,
): HandlerSlice<'auth.state' | 'auth.signIn' | 'auth.cancel' | 'auth.signOut' | 'preflight.run'> {
  return {
    'auth.state': () => auth.state(),
    'auth.signIn': (input) => auth.start(input),
    'auth.cancel': () => auth.cancel(),
    'auth.signOut': (input) => auth.signOut(input.homeAccountId),
    'preflight.run': (input) => preflight.run(input.workspaceId, input.homeAccountId),
  };
}
