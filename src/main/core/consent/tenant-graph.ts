import type { HttpClient } from './http-client';

/** Graph calls in one client tenant, with that tenant's token (cached by the caller). */
export class TenantGraph {
  constructor(
    private readonly http: HttpClient,
    private readonly graphBaseUrl: string,
    private readonly token: () => Promise<string>,
    private readonly signal?: AbortSignal,
  ) {}

  async get<T>(path: string): Promise<T> {
    return (await this.http.json<T>(`${this.graphBaseUrl}${path}`, { headers: await this.auth(), ...this.sig() })).body;
  }

  /** Every page of a collection (@odata.nextLink, learn.microsoft.com/graph/paging). */
  async list<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let url: string | undefined = `${this.graphBaseUrl}${path}`;
    while (url) {
      const page: { body: { value: T[]; '@odata.nextLink'?: string } } = await this.http.json(url, { headers: await this.auth(), ...this.sig() });
      items.push(...page.body.value);
      url = page.body['@odata.nextLink'];
    }
    return items;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return (await this.http.json<T>(`${this.graphBaseUrl}${path}`, { method: 'POST', body, headers: await this.auth(), ...this.sig() })).body;
  }

  async patch(path: string, body: unknown): Promise<void> {
    await this.http.json(`${this.graphBaseUrl}${path}`, { method: 'PATCH', body, headers: await this.auth(), ...this.sig() });
  }

  private async auth(): Promise<Record<string, string>> {
    return { Authorization: `Bearer ${await this.token()}` };
  }

  private sig(): { signal?: AbortSignal } {
    return this.signal ? { signal: this.signal } : {};
  }
}
