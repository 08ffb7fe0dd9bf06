import { GraphHttpError } from '../http/GraphHttpError';
import { parseSelect } from './applySelect';

export interface ExpandItem {
  /** The navigation property as the client wrote it (matched without regard to case later). */
  name: string;
  /** Nested `$select` inside the parentheses, or null. */
  select: string[] | null;
}

/** Splits on commas outside parentheses: `members($select=id,displayName),owners`. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

function syntaxError(raw: string): GraphHttpError {
  // Graph's OData layer prefixes every $select/$expand parse failure like this (msgraph-sdk-powershell#2103).
  return new GraphHttpError(400, 'BadRequest', `Parsing OData Select and Expand failed: Syntax error in '${raw}'.`);
}

/**
 * Parsed `$expand`, or null when absent. Nested `$select` is served; any other nested option (`$filter`,
 * `$top`, a second level of `$expand`) is refused, as Graph's directory does not serve them either
 * ("$expand ... only one level", learn.microsoft.com/graph/query-parameters#expand).
 */
export function parseExpand(raw: string | undefined): ExpandItem[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  const items: ExpandItem[] = [];
  for (const part of splitTopLevel(raw, ',')) {
    const match = /^([A-Za-z_][\w.]*|\*)(?:\((.*)\))?$/s.exec(part);
    if (!match) throw syntaxError(raw);
    let select: string[] | null = null;
    for (const option of splitTopLevel(match[2] ?? '', ';')) {
      const eq = option.indexOf('=');
      const name = (eq > 0 ? option.slice(0, eq) : option).trim().toLowerCase();
      if (name !== '$select' && name !== 'select') {
        throw new GraphHttpError(400, 'Request_UnsupportedQuery', `Unsupported query option '${option.slice(0, eq > 0 ? eq : undefined)}' inside $expand.`);
      }
      select = parseSelect(option.slice(eq + 1));
    }
    items.push({ name: match[1] as string, select });
  }
  return items;
}
