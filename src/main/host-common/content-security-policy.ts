/**
 * One CSP for both hosts (Electron protocol handler and the web host) and the built index.html.
 * Scripts only from our own origin, no eval. Styles allow 'unsafe-inline' because Fluent UI's
 * Griffel engine inserts <style> rules at run time; no script can be injected through a style.
 */
const directives: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'object-src': "'none'",
};

function render(extra: Record<string, string> = {}): string {
  return Object.entries({ ...directives, ...extra })
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

/** For HTTP headers (frame-ancestors only works there). */
export const contentSecurityPolicyHeader = render({ 'frame-ancestors': "'none'" });

/** For the <meta> tag in the built index.html. */
export const contentSecurityPolicyMeta = render();
