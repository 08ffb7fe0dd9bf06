import { protocol } from 'electron';
import { readStaticFile } from '../host-common/static-files';
import { contentSecurityPolicyHeader } from '../host-common/content-security-policy';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Must run before app 'ready': app:// behaves like https (secure context, fetch, no file:// quirks). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer on app://entra-onboard/ with our CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': contentSecurityPolicyHeader,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
