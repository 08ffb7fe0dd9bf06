import type { TenantStatusKind } from '../../../shared/domain/client-tenants';
import { tenantStatusKindSchema } from '../../../shared/domain/client-tenants';
import type { AttentionItem, DashboardExport, DashboardFilter, DashboardRow, DashboardSummary } from '../../../shared/domain/dashboard';
import type { DashboardReadModel } from './dashboard-read-model';
import { platformName } from '../../../shared/domain/platforms';
import { statusLabels } from '../../../shared/domain/tenant-status-text';

/** Everything in the report comes from outside (tenant names, Graph's messages): every text goes through here. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const STATUS_COLOURS: Record<TenantStatusKind, string> = {
  consented: '#107c10',
  partiallyConsented: '#a35c00',
  accessNeeded: '#8a6100',
  failed: '#c50f1f',
  tenantNotFound: '#8e192e',
  notStarted: '#0f6cbd',
  excluded: '#616161',
};

const when = (iso: string | null): string => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'never');

interface Bar {
  key: string;
  label: string;
  value: number;
  colour: string;
}

/**
 * A horizontal bar chart as inline SVG. It is an image for screen readers (role="img" with a title and a
 * description naming every value), and the same numbers follow in a table; colour never carries meaning alone.
 */
function barChart(id: string, title: string, bars: readonly Bar[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowHeight = 26;
  const labelWidth = 170;
  const barWidth = 360;
  const height = bars.length * rowHeight + 8;
  const description = bars.map((b) => `${b.label}: ${b.value}`).join('; ');
  const rows = bars
    .map((b, i) => {
      const y = 4 + i * rowHeight;
      const w = Math.round((b.value / max) * barWidth);
      return `<g><text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(b.label)}</text><rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 8}" fill="${b.colour}"></rect><text x="${labelWidth + w + 6}" y="${y + 17}">${b.value}</text></g>`;
    })
    .join('');
  return `<svg class="chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" width="${labelWidth + barWidth + 60}" height="${height}"><title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(description)}</desc>${rows}</svg>`;
}

const STYLE = `
  :root { color-scheme: light; }
  body { font: 14px/1.45 "Segoe UI", system-ui, -apple-system, sans-serif; color: #242424; margin: 24px auto; max-width: 1100px; padding: 0 16px; }
  h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d1d1d1; padding-bottom: 4px; }
  .meta { color: #616161; margin: 0 0 16px; }
  .tiles { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 0; }
  .tiles li { border: 1px solid #d1d1d1; border-radius: 6px; padding: 8px 12px; min-width: 120px; }
  .tiles .n { display: block; font-size: 22px; font-weight: 600; }
  table { border-collapse: collapse; width: 100%; margin: 8px 0; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e0e0e0; vertical-align: top; }
  th { background: #f5f5f5; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .mono { font-family: Consolas, "Courier New", monospace; font-size: 12px; }
  .chart text { font: 12px "Segoe UI", system-ui, sans-serif; fill: #242424; }
  .status { font-weight: 600; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11px; }
    h2 { break-after: avoid; } tr, .chart, .tiles li { break-inside: avoid; }
    thead { display: table-header-group; }
    th { background: none; border-bottom: 2px solid #000; }
  }
`;

function tiles(summary: DashboardSummary): string {
  const items = [
    `<li><span class="n" data-count="total">${summary.total}</span>Client tenants</li>`,
    ...tenantStatusKindSchema.options.map(
      (k) => `<li><span class="n" data-count="${k}">${summary.counts[k] ?? 0}</span>${escapeHtml(statusLabels[k])}</li>`,
    ),
    `<li><span class="n" data-count="secretsExpired">${summary.secrets.expired}</span>Secrets expired</li>`,
    `<li><span class="n" data-count="secretsWithin30Days">${summary.secrets.within30Days}</span>Secrets expiring in 30 days</li>`,
  ];
  return `<ul class="tiles">${items.join('')}</ul>`;
}

function statusSection(summary: DashboardSummary): string {
  const bars = tenantStatusKindSchema.options.map((k) => ({ key: k, label: statusLabels[k], value: summary.counts[k] ?? 0, colour: STATUS_COLOURS[k] }));
  const byPlatform = summary.byPlatform
    .map(
      (p) =>
        `<tr><th scope="row">${escapeHtml(platformName(p.platformId))}</th><td class="num" data-platform="${escapeHtml(p.platformId)}">${p.total}</td>${tenantStatusKindSchema.options
          .map((k) => `<td class="num">${p.counts[k] ?? 0}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<h2 id="status">Status breakdown</h2>
${barChart('status-chart', 'Client tenants per status', bars)}
<table><caption>Client tenants per platform and status</caption><thead><tr><th scope="col">Platform</th><th scope="col" class="num">Total</th>${tenantStatusKindSchema.options
    .map((k) => `<th scope="col" class="num">${escapeHtml(statusLabels[k])}</th>`)
    .join('')}</tr></thead><tbody>${byPlatform || `<tr><td colspan="${tenantStatusKindSchema.options.length + 2}">No client tenants.</td></tr>`}</tbody></table>`;
}

function secretSection(summary: DashboardSummary): string {
  const bars = summary.secrets.timeline.map((b) => ({ key: b.period, label: b.label, value: b.count, colour: b.period === 'expired' ? '#c50f1f' : '#0f6cbd' }));
  return `<h2 id="secrets">Secret expiry timeline</h2>
<p>${summary.secrets.total} app secrets in the workspaces of this report: ${summary.secrets.expired} expired, ${summary.secrets.within30Days} expiring within 30 days.</p>
${barChart('secret-chart', 'App secrets by month of expiry', bars)}
<table><caption>App secrets by month of expiry</caption><thead><tr><th scope="col">Month</th><th scope="col" class="num">Secrets</th></tr></thead><tbody>${summary.secrets.timeline
    .map((b) => `<tr><th scope="row">${escapeHtml(b.label)}</th><td class="num" data-expiry="${escapeHtml(b.period)}">${b.count}</td></tr>`)
    .join('')}</tbody></table>`;
}

function attentionSection(attention: { total: number; items: AttentionItem[] }): string {
  if (attention.total === 0) return '<h2 id="attention">Needs attention</h2><p>Nothing needs attention.</p>';
  const rows = attention.items
    .map(
      (a) =>
        `<tr><td>${escapeHtml(a.title)}</td><td>${escapeHtml(a.workspaceName)}</td><td>${escapeHtml(a.why)}</td><td>${escapeHtml(a.fix)}</td><td>${escapeHtml(when(a.since))}</td></tr>`,
    )
    .join('');
  const more = attention.total > attention.items.length ? `<p>And ${attention.total - attention.items.length} more.</p>` : '';
  return `<h2 id="attention">Needs attention (<span data-count="attention">${attention.total}</span>)</h2>
<table><thead><tr><th scope="col">What</th><th scope="col">Workspace</th><th scope="col">Why</th><th scope="col">What to do</th><th scope="col">Since</th></tr></thead><tbody>${rows}</tbody></table>${more}`;
}

function tenantSection(rows: Iterable<DashboardRow>): { html: string; count: number } {
  const out: string[] = [];
  for (const r of rows) {
    out.push(
      `<tr data-tenant-id="${escapeHtml(r.tenantId)}"><td>${escapeHtml(r.name ?? r.domain ?? r.tenantId)}</td><td>${escapeHtml(r.domain ?? '')}</td><td class="mono">${escapeHtml(r.tenantId)}</td><td>${escapeHtml(r.workspaceName)}</td><td class="status">${escapeHtml(statusLabels[r.status])}</td><td>${escapeHtml(r.reason)}</td><td>${escapeHtml(when(r.asOf))}</td></tr>`,
    );
  }
  return {
    count: out.length,
    html: `<h2 id="tenants">Client tenants (${out.length})</h2>
<table><thead><tr><th scope="col">Name</th><th scope="col">Domain</th><th scope="col">Tenant ID</th><th scope="col">Workspace</th><th scope="col">Status</th><th scope="col">Reason</th><th scope="col">Read at</th></tr></thead><tbody>${out.join('')}</tbody></table>`,
  };
}

/**
 * The status report an MSP hands to a client (one tenant) or keeps (all): one HTML file with inline CSS and
 * inline SVG, no script and no network, printable. Its numbers are the dashboard's: the same read model,
 * with the same filter.
 */
export function dashboardReport(model: DashboardReadModel, filter: DashboardFilter, now: Date): DashboardExport {
  const summary = model.summary(filter);
  const attention = model.attention({ filter, limit: 200 });
  const tenants = tenantSection(model.allRows(filter, 'status'));
  const first = filter.tenantId ? model.list({ filter, limit: 1 }).rows[0] : undefined;
  const scope = filter.tenantId
    ? `Client: ${first ? (first.name ?? first.domain ?? first.tenantId) : filter.tenantId} (${filter.tenantId})`
    : 'All client tenants' + (filter.text || filter.statuses || filter.platforms || filter.workspaceIds ? ' matching the dashboard filter' : '');
  const title = filter.tenantId ? 'Microsoft 365 app consent status' : 'Client tenant status report';
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(`${title} – ${scope}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(scope)}. Generated ${escapeHtml(when(summary.at))} by Entra Onboard from its last reads of each tenant (oldest read: ${escapeHtml(when(summary.oldestAsOf))}). ${summary.workspaces} workspace${summary.workspaces === 1 ? '' : 's'}.</p>
</header>
<main>
<h2 id="summary">Summary</h2>
${tiles(summary)}
${statusSection(summary)}
${attentionSection(attention)}
${secretSection(summary)}
${tenants.html}
</main>
</body>
</html>
`;
  const slug = filter.tenantId ? `-${filter.tenantId.toLowerCase().replace(/[^0-9a-f-]/g, '')}` : '';
  return { fileName: `client-tenant-report${slug}-${now.toISOString().slice(0, 10)}.html`, mimeType: 'text/html', content: html, count: tenants.count };
}
