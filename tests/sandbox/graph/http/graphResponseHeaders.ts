import type { SandboxRequest } from '../../http/SandboxRequest';

/**
 * Headers every Graph answer carries (facts §9.1): client-request-id echoes the caller's (or the request id when
 * none was sent), plus the diagnostic headers clients log. request-id itself is added by the server.
 */
export function graphResponseHeaders(req: SandboxRequest): Record<string, string> {
  return {
    'client-request-id': req.header('client-request-id') ?? req.requestId,
    'x-ms-ags-diagnostic': JSON.stringify({ ServerInfo: { DataCenter: 'Sandbox', Slice: 'E', Ring: '1', ScaleUnit: '000', RoleInstance: 'SANDBOX1' } }),
    'x-ms-resource-unit': '1',
    'odata-version': '4.0',
  };
}
