import { randomGuid } from '../../util/randomToken';
import { SandboxRequest } from '../../http/SandboxRequest';

/**
 * One request inside a $batch, presented to the Graph dispatcher as if it had arrived on its own (facts §9.3).
 * It inherits the batch's Authorization (and client-request-id) unless it sets its own headers.
 */
export class BatchItemRequest extends SandboxRequest {
  private readonly itemHeaders: Map<string, string>;
  private readonly itemBody: Buffer;

  constructor(
    private readonly outer: SandboxRequest,
    private readonly itemMethod: string,
    url: URL,
    headers: Record<string, string>,
    body: unknown,
  ) {
    super(outer.raw, url, randomGuid());
    this.itemHeaders = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    this.itemBody = body === undefined ? Buffer.alloc(0) : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
    this.mount = outer.mount;
    this.mountPath = url.pathname.slice(url.pathname.toLowerCase().indexOf('/v1.0'));
  }

  override get method(): string {
    return this.itemMethod.toUpperCase();
  }

  override header(name: string): string | undefined {
    const lower = name.toLowerCase();
    const own = this.itemHeaders.get(lower);
    if (own !== undefined) return own;
    return lower === 'authorization' || lower === 'client-request-id' ? this.outer.header(lower) : undefined;
  }

  override body(): Promise<Buffer> {
    return Promise.resolve(this.itemBody);
  }
}
