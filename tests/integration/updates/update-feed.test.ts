import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { newReleaseKeyPair, signFeedText } from '../../../scripts/update-feed/sign-feed';
import { createCloudFetch } from '../../../src/main/core/net/cloud-fetch';
import { checkUpdateFeed } from '../../../src/main/core/updates/check-update-feed';
import { updatePublicKeyPem } from '../../../src/main/core/updates/update-public-key';
import { ensureTlsMaterial } from '../../sandbox/crypto/ensureTlsMaterial';
import { makeTempDir } from '../../helpers/temp-dir';

/** A release as electron-builder writes it into latest.yml (unsigned). */
function feedText(version: string, installer = `Entra-Onboard-Setup-${version}.exe`): string {
  const sha512 = createHash('sha512').update(`installer ${version}`).digest('base64');
  return stringify({
    version,
    files: [{ url: installer, sha512, size: 123456 }],
    path: installer,
    sha512,
    releaseDate: '2026-11-30T10:00:00.000Z',
  });
}

const release = newReleaseKeyPair();
const intruder = newReleaseKeyPair();
/** Feed folders on the local HTTPS server: each holds latest.yml (stable) and beta.yml. */
const feeds: Record<string, { 'latest.yml'?: string; 'beta.yml'?: string }> = {
  good: { 'latest.yml': signFeedText(feedText('1.5.0'), release.privateKeyPem), 'beta.yml': signFeedText(feedText('1.6.0-beta.2'), release.privateKeyPem) },
  older: { 'latest.yml': signFeedText(feedText('1.3.9'), release.privateKeyPem) },
  same: { 'latest.yml': signFeedText(feedText('1.4.0'), release.privateKeyPem) },
  malformedYaml: { 'latest.yml': 'version: 1.5.0\nfiles: [ {url: a.exe, sha512: \n' },
  malformedFields: { 'latest.yml': stringify({ version: 'one point five', files: [] }) },
  wronglySigned: { 'latest.yml': signFeedText(feedText('1.5.0'), intruder.privateKeyPem) },
  unsigned: { 'latest.yml': feedText('1.5.0') },
  // Signed, then the installer swapped for another one: the signature no longer matches.
  tampered: { 'latest.yml': signFeedText(feedText('1.5.0'), release.privateKeyPem).replace('Entra-Onboard-Setup-1.5.0.exe', 'evil.exe') },
  betaOnStable: { 'latest.yml': signFeedText(feedText('1.6.0-beta.2'), release.privateKeyPem) },
  huge: { 'latest.yml': `${signFeedText(feedText('1.5.0'), release.privateKeyPem)}\n# ${'x'.repeat(300 * 1024)}\n` },
};

let server: Server;
let base: string;
let caFile: string;
const tempDir = makeTempDir('eo-update-feed-');

beforeAll(async () => {
  const tls = await ensureTlsMaterial(tempDir.path);
  caFile = tls.caFile;
  server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    const [, folder, file] = (req.url ?? '').split('/');
    const body = feeds[folder ?? '']?.[file as 'latest.yml'];
    if (body === undefined) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/yaml' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  tempDir.remove();
});

function check(folder: string, o: { channel?: 'stable' | 'beta'; currentVersion?: string; publicKeyPem?: string } = {}) {
  return checkUpdateFeed({
    feedUrl: `${base}/${folder}`,
    channel: o.channel ?? 'stable',
    currentVersion: o.currentVersion ?? '1.4.0',
    publicKeyPem: o.publicKeyPem ?? release.publicKeyPem,
    platform: 'win32',
    fetch: createCloudFetch({ caFile }),
  });
}

describe('the update decision, against a local HTTPS feed', () => {
  it('offers a newer release signed by the release key', async () => {
    await expect(check('good')).resolves.toMatchObject({ kind: 'available', version: '1.5.0', currentVersion: '1.4.0' });
  });

  it('offers the beta only on the beta channel', async () => {
    await expect(check('good', { channel: 'beta' })).resolves.toMatchObject({ kind: 'available', version: '1.6.0-beta.2' });
    await expect(check('betaOnStable')).resolves.toMatchObject({ kind: 'up-to-date', feedVersion: '1.6.0-beta.2' });
  });

  it('never offers an older or the same version (no downgrade)', async () => {
    await expect(check('older')).resolves.toMatchObject({ kind: 'up-to-date', feedVersion: '1.3.9' });
    await expect(check('same')).resolves.toMatchObject({ kind: 'up-to-date' });
    await expect(check('good', { currentVersion: '1.6.0' })).resolves.toMatchObject({ kind: 'up-to-date' });
    // A beta user moves on to the release of the same version.
    await expect(check('good', { currentVersion: '1.5.0-beta.3' })).resolves.toMatchObject({ kind: 'available', version: '1.5.0' });
  });

  it('refuses a malformed feed with an error that says what to do', async () => {
    for (const folder of ['malformedYaml', 'malformedFields']) {
      await expect(check(folder)).rejects.toMatchObject({ code: 'UPDATE_FEED_MALFORMED', fix: expect.stringContaining('update server') });
    }
  });

  it('refuses a release signed by another key, unsigned, or changed after signing', async () => {
    for (const folder of ['wronglySigned', 'unsigned', 'tampered']) {
      await expect(check(folder), folder).rejects.toMatchObject({ code: 'UPDATE_SIGNATURE_INVALID' });
    }
    // The shipped key is not the test key: the good feed is not ours for the real app.
    await expect(check('good', { publicKeyPem: updatePublicKeyPem })).rejects.toMatchObject({ code: 'UPDATE_SIGNATURE_INVALID' });
  });

  it('refuses a feed too big to be one, a missing feed, and a plain-HTTP feed', async () => {
    await expect(check('huge')).rejects.toMatchObject({ code: 'UPDATE_FEED_UNREACHABLE' });
    await expect(check('nothing-here')).rejects.toMatchObject({ code: 'UPDATE_FEED_UNREACHABLE', message: expect.stringContaining('404') });
    await expect(
      checkUpdateFeed({ feedUrl: 'http://127.0.0.1:1/x', channel: 'stable', currentVersion: '1.4.0', publicKeyPem: release.publicKeyPem }),
    ).rejects.toMatchObject({ code: 'UPDATE_FEED_NOT_HTTPS' });
  });

  it('reads each channel from the file electron-updater reads', async () => {
    const { feedFileName } = await import('../../../src/main/core/updates/update-channel');
    expect([feedFileName('stable', 'win32'), feedFileName('beta', 'win32'), feedFileName('stable', 'darwin'), feedFileName('beta', 'linux')]).toEqual([
      'latest.yml',
      'beta.yml',
      'latest-mac.yml',
      'beta-linux.yml',
    ]);
  });
});
