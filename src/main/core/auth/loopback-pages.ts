/**
 * What the admin's browser shows after the sign-in redirect to our loopback address. MSAL serves
 * these verbatim, so they are self-contained (inline style, no script, nothing fetched).
 */
function page(title: string, body: string, accent: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} – Entra Onboard</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font-family:'Segoe UI',-apple-system,Roboto,sans-serif;background:#f5f5f5;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.12);padding:32px 40px;max-width:480px;border-top:4px solid ${accent}}
h1{font-size:20px;margin:0 0 12px}p{color:#424242;line-height:1.5;margin:0}</style></head>
<body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
}

export const signInSuccessPage = page(
  'You are signed in',
  'Entra Onboard has your sign-in. You can close this tab and return to the app.',
  '#0f6cbd',
);

export const signInErrorPage = page(
  'Sign-in did not complete',
  'Return to Entra Onboard: it shows what happened and how to fix it. You can close this tab.',
  '#c50f1f',
);
