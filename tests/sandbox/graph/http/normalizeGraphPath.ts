/**
 * OData key and function-parameter segments (`applications(appId='x')`, `applications(uniqueName='x')`,
 * `findTenantInformationByDomainName(domainName='x')`, `applications('id')`) cannot be matched segment-wise, so
 * they are rewritten into two segments before routing: `applications/appid%3Dx` (key name lower-cased, then the
 * value), or `applications/<id>` for a positional key. Route handlers resolve `name=value` keys themselves.
 * `/v1.0/myorganization/...` is Graph's alias for the caller's own tenant (the Azure AD Graph form that Graph
 * kept; CLI for Microsoft 365 addresses applications, servicePrincipals and oauth2PermissionGrants through it:
 * pnp/cli-microsoft365 src/utils/entraApp.ts), so it is dropped before routing.
 * Returns null when the path is not under /v1.0.
 */
export function normalizeGraphPath(mountPath: string): string | null {
  const match = /^\/v1\.0(\/.*)?$/i.exec(mountPath);
  if (!match) return null;
  const rest = match[1] ?? '/';
  const out: string[] = [];
  const raws = rest.split('/').filter(Boolean);
  if (raws[0]?.toLowerCase() === 'myorganization') raws.shift();
  for (const raw of raws) {
    const segment = safeDecode(raw);
    const call = /^([^()]+)\((.*)\)$/.exec(segment);
    if (!call) {
      out.push(encodeSegment(segment));
      continue;
    }
    const name = call[1] as string;
    const inner = (call[2] as string).trim();
    const named = /^([A-Za-z]\w*)\s*=\s*(.*)$/.exec(inner);
    out.push(encodeSegment(name));
    if (named) {
      out.push(encodeSegment(`${(named[1] as string).toLowerCase()}=${unquote((named[2] as string).trim())}`));
    } else if (inner.length > 0) {
      out.push(encodeSegment(unquote(inner)));
    }
  }
  return `/${out.join('/')}`;
}

/** Percent-encodes a segment but keeps `$` so literal routes like `$ref` still match. */
function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/%24/g, '$');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** OData string literal: 'it''s' -> it's. Unquoted values (GUIDs, numbers) pass through. */
function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  return value;
}

/** Splits a normalised key param: `appid=abc` -> {name:'appid', value:'abc'}; a plain id -> {name:'id'}. */
export function parseKey(param: string): { name: string; value: string } {
  const index = param.indexOf('=');
  if (index <= 0) return { name: 'id', value: param };
  return { name: param.slice(0, index), value: param.slice(index + 1) };
}
