import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sessionCookieName } from '../../../src/main/web-host/request-guard';
import { startWebHostProcess, type RunningWebHost } from '../../e2e/fixtures/web-host-process';
import { makeTempDir } from '../../helpers/temp-dir';

const dir = makeTempDir('eo-restart-');
const rendererDir = join(dir.path, 'renderer');
mkdirSync(rendererDir, { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>restart</title>');
afterAll(() => dir.remove());

/** One RPC call over the host's WebSocket, authenticated with the cookie for its port. */
async function call(host: RunningWebHost, channel: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  const url = new URL(host.url);
  const cookie = `${sessionCookieName(Number(url.port))}=${url.searchParams.get('token')}`;
  const ws = new WebSocket(`ws://127.0.0.1:${url.port}/rpc`, { headers: { Origin: url.origin, Cookie: cookie } });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const answer = await new Promise<{ result: { ok: boolean; value?: unknown } }>((resolve) => {
    // Events may arrive first; the answer is the frame with our id.
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { t: string; id?: number; result: { ok: boolean; value?: unknown } };
      if (frame.t === 'result' && frame.id === 1) resolve(frame);
    });
    ws.send(JSON.stringify({ t: 'call', id: 1, channel, input }));
  });
  ws.close();
  return answer.result;
}

describe('web host restart', () => {
  it('keeps workspaces across a stop and start on the same data folder, with a new token', async () => {
    const dataDir = join(dir.path, 'data');
    const first = await startWebHostProcess(dataDir, ['--renderer-dir', rendererDir]);
    const created = await call(first, 'workspaces.create', { name: 'Contoso – PanelOne', platformId: 'clientone' });
    expect(created.ok).toBe(true);
    await first.stop();
    expect(first.process.exitCode).toBe(0);

    const second = await startWebHostProcess(dataDir, ['--renderer-dir', rendererDir]);
    try {
      expect(new URL(second.url).searchParams.get('token')).not.toBe(new URL(first.url).searchParams.get('token'));
      const listed = await call(second, 'workspaces.list', {});
      expect(listed.ok).toBe(true);
      expect((listed.value as { name: string }[]).map((w) => w.name)).toEqual(['Contoso – PanelOne']);
    } finally {
      await second.stop();
    }
  }, 90_000);
});
