/** Base URLs of the services the sandbox emulates, all on one HTTPS origin (see README: why one server). */
export interface SandboxUrls {
  /** Identity (Entra "login.microsoftonline.com"): https://127.0.0.1:PORT */
  authority: string;
  /** host:port, what MSAL's knownAuthorities needs. */
  authorityHost: string;
  /** Microsoft Graph v1.0 base: https://127.0.0.1:PORT/graph/v1.0 */
  graph: string;
  /** Partner Center API base: https://127.0.0.1:PORT/partnercenter */
  partnerCenter: string;
  /** Reference platform backend base: https://127.0.0.1:PORT/platform */
  platform: string;
  /** Control API base: https://127.0.0.1:PORT/_sandbox */
  control: string;
  /** Device login page shown in device-code messages: https://127.0.0.1:PORT/devicelogin */
  deviceLogin: string;
}

export function sandboxUrls(port: number): SandboxUrls {
  const origin = `https://127.0.0.1:${port}`;
  return {
    authority: origin,
    authorityHost: `127.0.0.1:${port}`,
    graph: `${origin}/graph/v1.0`,
    partnerCenter: `${origin}/partnercenter`,
    platform: `${origin}/platform`,
    control: `${origin}/_sandbox`,
    deviceLogin: `${origin}/devicelogin`,
  };
}
