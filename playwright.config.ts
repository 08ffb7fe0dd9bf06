import { defineConfig } from '@playwright/test';
import type { HostKind } from './tests/e2e/fixtures/app-fixture';

// Debian's Chromium: `playwright install` cannot download browsers on these machines.
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig<{ hostKind: HostKind }>({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // Each test starts its own host process and browser context; two cores leave room for one at a time.
  workers: 1,
  // A flow signs in several times in the browser and meets the sandbox's realistic replication delays
  // and throttling on every run; CI machines have two cores.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'web', use: { hostKind: 'web' } },
    { name: 'electron', use: { hostKind: 'electron' } },
  ],
});
