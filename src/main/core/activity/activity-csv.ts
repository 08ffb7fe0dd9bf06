import type { ActivityEntry } from '../../../shared/domain/activity';

/**
 * One CSV field (RFC 4180: quoted when it holds a comma, quote or line break). A field a spreadsheet
 * would run as a formula (= + - @, tab, CR first) is prefixed with ' (OWASP "CSV injection"): a
 * workspace or app name is text the admin or a tenant chose.
 */
function field(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const header = ['id', 'time (UTC)', 'who', 'who object ID', 'who tenant ID', 'workspace', 'service', 'what', 'method', 'target', 'result', 'HTTP status', 'error code', 'client request ID', 'request ID', 'hash'];

/** The log (or what a search matched) as CSV, oldest first, one line per entry. */
export function activityCsv(entries: Iterable<ActivityEntry>): { csv: string; count: number } {
  const lines = [header.map(field).join(',')];
  for (const e of entries) {
    lines.push(
      [e.id, e.at, e.who, e.whoObjectId, e.whoTenantId, e.workspaceName ?? e.workspaceId, e.service, e.what, e.method, e.target, e.result, e.status, e.errorCode, e.clientRequestId, e.requestId, e.hash]
        .map(field)
        .join(','),
    );
  }
  return { csv: `${lines.join('\r\n')}\r\n`, count: lines.length - 1 };
}
