/** `If-Match` as the API accepts it: absent, `*`, or a version (`3`, `"3"`, `W/"3"`); `invalid` otherwise. */
export type IfMatch = { kind: 'absent' } | { kind: 'any' } | { kind: 'version'; version: number } | { kind: 'invalid' };

export function parseIfMatch(value: string | undefined): IfMatch {
  if (value === undefined) return { kind: 'absent' };
  const trimmed = value.trim();
  if (trimmed === '*') return { kind: 'any' };
  const match = /^(?:W\/)?"?([0-9]{1,15})"?$/.exec(trimmed);
  return match?.[1] ? { kind: 'version', version: Number(match[1]) } : { kind: 'invalid' };
}
