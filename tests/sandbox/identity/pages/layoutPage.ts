import { escapeHtml } from '../../util/escapeHtml';

/** Shared chrome for the sandbox's sign-in pages; element ids follow Entra's where tests and muscle memory use them. */
export function layoutPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;margin:0;display:flex;justify-content:center}
main{background:#fff;width:440px;margin-top:8vh;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:24px;font-weight:600;margin:0 0 16px}
.brand{font-size:13px;color:#5e5e5e;margin-bottom:16px}
.notice{color:#e81123;margin:8px 0}
.sandbox{font-size:11px;color:#8a8886;margin-top:24px}
input[type=text],input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:6px 0;border:0;border-bottom:1px solid #666;font-size:15px;margin:8px 0}
button{min-width:108px;padding:6px 12px;font-size:15px;margin:16px 8px 0 0;border:0;background:#0067b8;color:#fff;cursor:pointer}
button.secondary{background:#ccc;color:#000}
.tile{display:block;width:100%;text-align:left;background:#fff;color:#000;border:1px solid #ddd;margin:4px 0;padding:10px}
ul.perms{padding-left:18px}ul.perms li{margin:8px 0}
.perm-desc{font-size:13px;color:#323130}
code{font-size:12px;word-break:break-all}
</style></head>
<body><main><div class="brand">Microsoft (sandbox)</div>${body}
<div class="sandbox">Entra Onboard local sandbox: an emulation of Microsoft Entra ID. Not a Microsoft service.</div></main></body></html>`;
}

export function hiddenFields(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
}

export function noticeHtml(notice: string | undefined): string {
  return notice ? `<div class="notice" id="usernameError" role="alert">${escapeHtml(notice)}</div>` : '';
}
