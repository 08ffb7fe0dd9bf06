import type { Client, GraphRequest } from '@microsoft/microsoft-graph-client';

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/** Follows @odata.nextLink to the end: Graph pages every collection, and a real tenant has many. */
export async function readAllPages<T>(client: Client, first: GraphRequest): Promise<T[]> {
  const items: T[] = [];
  let page = (await first.get()) as Page<T>;
  items.push(...page.value);
  while (page['@odata.nextLink']) {
    page = (await client.api(page['@odata.nextLink']).get()) as Page<T>;
    items.push(...page.value);
  }
  return items;
}
