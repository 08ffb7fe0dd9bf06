import { describe, expect, it } from 'vitest';
import { earlyFirstBlock } from '../../../src/renderer/src/components/early-first-block';

type Query = { sort: string; filter: { text?: string } };
const OPENING: Query = { sort: 'name', filter: {} };

/** A read that records each call and answers with a distinct total per call. */
function recordingRead() {
  const calls: { query: Query; offset: number; limit: number }[] = [];
  const read = (query: Query, offset: number, limit: number) => {
    calls.push({ query, offset, limit });
    return Promise.resolve({ ok: true as const, value: { total: calls.length, rows: [] as string[] } });
  };
  return { calls, block: earlyFirstBlock(read, { blockSize: 200, freshMs: 2_000 }) };
}

describe('a page asks for its first rows as the admin clicks to open it', () => {
  it('sends the read at the click, and the page gets that answer without asking again', async () => {
    const { calls, block } = recordingRead();
    block.prefetch(OPENING, 1_000);
    expect(calls).toEqual([{ query: OPENING, offset: 0, limit: 200 }]);
    // The page asks with its own copy of the query (useBlockRows round-trips it through JSON).
    const answer = await block.fetch(JSON.parse(JSON.stringify(OPENING)) as Query, 0, 200, 1_050);
    expect(calls).toHaveLength(1);
    expect(answer).toEqual({ ok: true, value: { total: 1, rows: [] } });
  });

  it('uses the early answer once: a second read of the same block goes to the store', async () => {
    const { calls, block } = recordingRead();
    block.prefetch(OPENING, 1_000);
    await block.fetch(OPENING, 0, 200, 1_010);
    expect(await block.fetch(OPENING, 0, 200, 1_020)).toEqual({ ok: true, value: { total: 2, rows: [] } });
    expect(calls).toHaveLength(2);
  });

  it('does not answer another query, another block, or a read after too long with the early answer', async () => {
    for (const [query, offset, at] of [
      [{ sort: 'name', filter: { text: 'bakery' } }, 0, 1_010],
      [OPENING, 200, 1_010],
      [OPENING, 0, 3_000],
    ] as const) {
      const { calls, block } = recordingRead();
      block.prefetch(OPENING, 1_000);
      expect(await block.fetch(query, offset, 200, at), JSON.stringify({ query, offset, at })).toEqual({ ok: true, value: { total: 2, rows: [] } });
      expect(calls.at(-1)).toEqual({ query, offset, limit: 200 });
    }
  });
});
