import type { IncomingMessage } from 'node:http';
import type { MountName } from '../settings/SandboxSettings';

const maxBodyBytes = 1024 * 1024;

/** One incoming request with lazily read, cached body helpers (fault middleware and handlers both read it). */
export class SandboxRequest {
  params: Record<string, string> = {};
  mount: MountName = 'identity';
  /** Path below the mount prefix, e.g. `/v1.0/applications` for a Graph request. */
  mountPath = '/';
  private bodyPromise: Promise<Buffer> | null = null;
  private cookieCache: Record<string, string> | null = null;

  constructor(
    readonly raw: IncomingMessage,
    readonly url: URL,
    readonly requestId: string,
  ) {}

  get method(): string {
    return (this.raw.method ?? 'GET').toUpperCase();
  }

  get path(): string {
    return this.url.pathname;
  }

  header(name: string): string | undefined {
    const value = this.raw.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  }

  query(name: string): string | undefined {
    return this.url.searchParams.get(name) ?? undefined;
  }

  body(): Promise<Buffer> {
    this.bodyPromise ??= new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      this.raw.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) {
          reject(new Error('Request body too large'));
          this.raw.destroy();
          return;
        }
        chunks.push(chunk);
      });
      this.raw.on('end', () => resolve(Buffer.concat(chunks)));
      this.raw.on('error', reject);
    });
    return this.bodyPromise;
  }

  async form(): Promise<URLSearchParams> {
    const type = this.header('content-type') ?? '';
    if (this.method !== 'POST' || !type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return new URLSearchParams();
    }
    return new URLSearchParams((await this.body()).toString('utf8'));
  }

  async json(): Promise<unknown> {
    const text = (await this.body()).toString('utf8');
    return text.length === 0 ? {} : (JSON.parse(text) as unknown);
  }

  cookies(): Record<string, string> {
    if (!this.cookieCache) {
      this.cookieCache = {};
      for (const part of (this.header('cookie') ?? '').split(';')) {
        const index = part.indexOf('=');
        if (index > 0) this.cookieCache[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
      }
    }
    return this.cookieCache;
  }
}
