import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../src/main/electron/app-origin';
import { isAllowedExternalUrl } from '../../../src/main/electron/external-links';

describe('isAppUrl (IPC sender check and navigation guard)', () => {
  it('accepts only our app:// origin when packaged', () => {
    expect(isAppUrl('app://entra-onboard/index.html', undefined)).toBe(true);
    expect(isAppUrl('app://other/index.html', undefined)).toBe(false);
    expect(isAppUrl('file:///C:/app/index.html', undefined)).toBe(false);
    expect(isAppUrl('https://entra-onboard/', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAppUrl('not a url', undefined)).toBe(false);
  });

  it('accepts the dev server origin only when one is configured', () => {
    expect(isAppUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('isAllowedExternalUrl (shell.openExternal allow-list)', () => {
  it('allows Microsoft sign-in and admin portals over https', () => {
    expect(isAllowedExternalUrl('https://login.microsoftonline.com/common/adminconsent?client_id=x')).toBe(true);
    expect(isAllowedExternalUrl('https://entra.microsoft.com/#view/x')).toBe(true);
  });

  it('refuses http, other hosts, look-alikes, credentials in the URL and other schemes', () => {
    for (const url of [
      'http://login.microsoftonline.com/',
      'https://login.microsoftonline.com.evil.example/',
      'https://evil.example/?https://login.microsoftonline.com',
      'https://user:pass@login.microsoftonline.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('allows extra hosts a cloud profile adds', () => {
    expect(isAllowedExternalUrl('https://127.0.0.1:8443/x', new Set(['127.0.0.1']))).toBe(true);
  });
});

describe("the device-code page (each cloud's verification_uri)", () => {
  it('opens exactly that page for the cloud in use, not the rest of its host', async () => {
    const { browserHostsOf, browserPagesOf, publicCloud, usGovernmentCloud, chinaCloud } = await import('../../../src/main/core/clouds/cloud-profile');
    const allowed = (url: string, cloud: typeof publicCloud) => isAllowedExternalUrl(url, new Set(browserHostsOf(cloud)), browserPagesOf(cloud));
    expect(allowed('https://microsoft.com/devicelogin', publicCloud)).toBe(true);
    expect(allowed('https://microsoft.com/devicelogin/', publicCloud)).toBe(true);
    expect(allowed('https://microsoft.com/deviceloginus', usGovernmentCloud)).toBe(true);
    expect(allowed('https://login.chinacloudapi.cn/common/oauth2/deviceauth', chinaCloud)).toBe(true);
    // Another cloud's page, another microsoft.com page, and http stay refused.
    expect(allowed('https://microsoft.com/deviceloginus', publicCloud)).toBe(false);
    expect(allowed('https://microsoft.com/en-us/store', publicCloud)).toBe(false);
    expect(allowed('http://microsoft.com/devicelogin', publicCloud)).toBe(false);
  });
});

describe('isPermissionAllowed (the session permission handlers)', () => {
  it('allows exactly the clipboard write, and only for our own page', async () => {
    const { isPermissionAllowed } = await import('../../../src/main/electron/permission-policy');
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://entra-onboard/index.html', undefined)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://entra-onboard', undefined)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://login.microsoftonline.com/', undefined)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, undefined)).toBe(false);
    for (const other of ['clipboard-read', 'notifications', 'media', 'geolocation', 'openExternal', 'fullscreen']) {
      expect(isPermissionAllowed(other, 'app://entra-onboard/index.html', undefined), other).toBe(false);
    }
  });
});
