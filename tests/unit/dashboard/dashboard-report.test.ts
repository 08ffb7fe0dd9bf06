import type { Database } from 'better-sqlite3';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DashboardService } from '../../../src/main/core/dashboard/dashboard-service';
import type { DashboardFilter } from '../../../src/shared/domain/dashboard';
import { NOW, alphaDental, seededDashboardDb } from './dashboard-fixture';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

let db: Database;
let service: DashboardService;
beforeEach(() => {
  db = seededDashboardDb();
  service = new DashboardService(db, () => NOW);
});
afterEach(() => db.close());

/** Parses as a browser does; every parse error (bad nesting, stray end tags, bad characters) is collected. */
function parseReport(html: string): { document: DefaultTreeAdapterMap['document']; errors: string[] } {
  const errors: string[] = [];
  const document = parse(html, { onParseError: (e) => errors.push(`${e.code} at line ${e.startLine}`) });
  return { document, errors };
}

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const c of children) yield* elements(c);
  if ('content' in node && node.content) yield* elements(node.content as Node);
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const text = (node: Node): string =>
  'value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '';

function numbersOf(document: DefaultTreeAdapterMap['document'], attribute: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const el of elements(document)) {
    const key = attr(el, attribute);
    if (key !== undefined) out[key] = Number(text(el));
  }
  return out;
}

describe('the HTML report', () => {
  for (const [label, filter] of [
    ['all tenants', {}],
    ['one client across its workspaces', { tenantId: alphaDental }],
    ['a filtered view', { statuses: ['failed', 'accessNeeded'], platforms: ['clientone'] }],
  ] as [string, DashboardFilter][]) {
    it(`has the dashboard's numbers: ${label}`, () => {
      const summary = service.model.summary(filter);
      const attention = service.model.attention({ filter });
      const report = service.exportReport(filter);
      const { document, errors } = parseReport(report.content);
      expect(errors).toEqual([]);
      const counts = numbersOf(document, 'data-count');
      expect(counts).toEqual({
        total: summary.total,
        ...summary.counts,
        secretsExpired: summary.secrets.expired,
        secretsWithin30Days: summary.secrets.within30Days,
        ...(attention.total > 0 ? { attention: attention.total } : {}),
      });
      expect(numbersOf(document, 'data-platform')).toEqual(Object.fromEntries(summary.byPlatform.map((p) => [p.platformId, p.total])));
      expect(numbersOf(document, 'data-expiry')).toEqual(Object.fromEntries(summary.secrets.timeline.map((b) => [b.period, b.count])));
      const rows = [...elements(document)].filter((el) => el.tagName === 'tr' && attr(el, 'data-tenant-id'));
      expect(rows).toHaveLength(summary.total);
      expect(report.count).toBe(summary.total);
    });
  }

  it('is one self-contained file: no script, no external reference, charts inline with text alternatives, printable', () => {
    const { content } = service.exportReport({});
    const { document } = parseReport(content);
    const all = [...elements(document)];
    expect(all.filter((el) => ['script', 'link', 'iframe', 'img', 'object', 'embed', 'base', 'form'].includes(el.tagName))).toEqual([]);
    for (const el of all) {
      for (const a of el.attrs) {
        expect(a.name.startsWith('on'), `${el.tagName} ${a.name}`).toBe(false);
        if (['src', 'href', 'xlink:href', 'action', 'srcset', 'poster', 'data'].includes(a.name)) expect(a.value, `${el.tagName} ${a.name}`).toMatch(/^#/);
      }
    }
    expect(content).not.toMatch(/https?:\/\//i);
    expect(content).not.toMatch(/url\(|@import/i);
    const svgs = all.filter((el) => el.tagName === 'svg');
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) {
      expect(attr(svg, 'role')).toBe('img');
      expect(svg.childNodes.some((c) => 'tagName' in c && c.tagName === 'title')).toBe(true);
    }
    const style = all.find((el) => el.tagName === 'style')!;
    expect(text(style)).toContain('@media print');
  });

  it('escapes every text that comes from outside', () => {
    const evil = `<script>alert(1)</script><img src="https://evil.example/x.png">"'&`;
    db.prepare('UPDATE client_tenants SET name = ? WHERE tenant_id = ?').run(evil, alphaDental);
    db.prepare('UPDATE workspaces SET name = ? WHERE id = ?').run(`W <b>"bold"</b>`, 'w2');
    const { content } = service.exportReport({});
    const { document, errors } = parseReport(content);
    expect(errors).toEqual([]);
    const all = [...elements(document)];
    expect(all.filter((el) => ['script', 'img', 'b'].includes(el.tagName))).toEqual([]);
    expect(text(document)).toContain(evil);
    expect(text(document)).toContain(`W <b>"bold"</b>`);
  });
});

describe('the CSV export', () => {
  it('holds exactly the filtered rows in the table order, formula-safe', () => {
    db.prepare('UPDATE client_tenants SET name = ? WHERE tenant_id = ?').run('=HYPERLINK("x")', alphaDental);
    const filter: DashboardFilter = { text: alphaDental.slice(0, 8) };
    const csv = service.exportCsv(filter, 'workspace');
    const lines = csv.content.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Workspace,Platform,Name,Domain,Tenant ID,Status,Reason,Status read at');
    expect(csv.count).toBe(service.model.list({ filter }).total);
    expect(lines).toHaveLength(1 + csv.count);
    expect(lines[1]).toMatch(/^Contoso – PanelOne,ClientOne \/ PanelOne,"'=HYPERLINK\(""x""\)",/);
    expect(lines[2]).toContain('Access needed');
    expect(service.exportCsv({}, 'name').count).toBe(10);
  });
});
