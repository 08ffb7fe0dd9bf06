export interface CustomerPagePosition {
  offset: number;
  size: number;
  /** The raw `filter` query of the first request, carried so every page applies it. */
  filter: string | null;
}

/**
 * Opaque MS-ContinuationToken for the customers list. Partner Center's seek-based paging (Microsoft's Partner
 * Center REST docs and SDK, not facts §7.3): the answer's `links.next` has the uri `...&seekOperation=Next` and the
 * token in its `headers`; the client sends that header back on the next GET.
 */
export const customerContinuationToken = {
  encode(position: CustomerPagePosition): string {
    return Buffer.from(JSON.stringify({ o: position.offset, s: position.size, f: position.filter })).toString('base64url');
  },
  decode(token: string): CustomerPagePosition | null {
    try {
      const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; s?: unknown; f?: unknown };
      if (!Number.isInteger(value.o) || !Number.isInteger(value.s)) return null;
      const offset = value.o as number;
      const size = value.s as number;
      if (offset < 0 || size < 1) return null;
      return { offset, size, filter: typeof value.f === 'string' ? value.f : null };
    } catch {
      return null;
    }
  },
};
