export interface CsvRow {
  line: number;
  /** A GUID (lower case) or a domain (lower case); which one is `kind`. */
  value: string;
  kind: 'tenantId' | 'domain';
  name: string | null;
}

export interface CsvParseResult {
  rows: CsvRow[];
  problems: { line: number; value: string; reason: string }[];
  dataRows: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Shaped like a GUID (five dash-separated groups, or a long run of hex and dashes) but not one: a mistyped tenant ID.
const GUID_LIKE = /^[^.\s]{6,10}-[^.\s]{3,5}-[^.\s]{3,5}-[^.\s]{3,5}-[^.\s]{10,14}$|^[0-9a-f-]{30,40}$/i;
const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const ID_HEADERS = ['tenantid', 'tenant id', 'tenant', 'customertenantid', 'id', 'domain', 'tenant id or domain', 'tenantidordomain'];
const NAME_HEADERS = ['name', 'displayname', 'display name', 'companyname', 'company name', 'customer', 'customer name'];

/** One CSV line into fields (RFC 4180: quoted fields, doubled quotes; commas or semicolons). */
function fields(line: string, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((f) => f.trim());
}

/**
 * A CSV of client tenants: one column with a tenant ID or a domain, an optional name column, with or
 * without a header. Every bad line is reported with its number (1-based, as an editor shows it) and
 * the reason; good lines are kept. Duplicates within the file are reported at their second line.
 */
export function parseTenantCsv(text: string): CsvParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const firstContent = lines.find((l) => l.trim() !== '') ?? '';
  const separator = firstContent.includes(';') && !firstContent.includes(',') ? ';' : firstContent.includes('\t') && !firstContent.includes(',') ? '\t' : ',';
  let idColumn = 0;
  let nameColumn: number | null = 1;
  let headerLine = -1;
  const rows: CsvRow[] = [];
  const problems: CsvParseResult['problems'] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') continue;
    const cells = fields(raw, separator);
    if (headerLine === -1 && rows.length === 0 && problems.length === 0) {
      const lower = cells.map((c) => c.toLowerCase());
      const id = lower.findIndex((c) => ID_HEADERS.includes(c));
      if (id !== -1) {
        headerLine = i;
        idColumn = id;
        const name = lower.findIndex((c, index) => index !== id && NAME_HEADERS.includes(c));
        nameColumn = name === -1 ? null : name;
        continue;
      }
      headerLine = -2; // no header: first column is the tenant, second (if any) the name
    }
    dataRows++;
    const line = i + 1;
    const value = (cells[idColumn] ?? '').trim().replace(/^\{(.*)\}$/, '$1');
    const name = nameColumn === null ? null : (cells[nameColumn] ?? '').trim() || null;
    if (value === '') {
      problems.push({ line, value: raw.trim().slice(0, 200), reason: 'No tenant ID or domain in this line.' });
      continue;
    }
    let kind: CsvRow['kind'];
    if (GUID.test(value)) kind = 'tenantId';
    else if (GUID_LIKE.test(value)) {
      problems.push({ line, value: value.slice(0, 200), reason: 'Not a valid tenant ID: a tenant ID is a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.' });
      continue;
    } else if (DOMAIN.test(value)) kind = 'domain';
    else {
      problems.push({ line, value: value.slice(0, 200), reason: 'Neither a tenant ID (GUID) nor a domain such as contoso.onmicrosoft.com.' });
      continue;
    }
    const key = value.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line, value, reason: `Duplicate of line ${earlier}.` });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, value: key, kind, name });
  }
  return { rows, problems, dataRows };
}
