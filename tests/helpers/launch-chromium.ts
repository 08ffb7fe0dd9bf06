import { chromium, type Browser } from '@playwright/test';

/**
 * Debian's Chromium (playwright cannot download its own here), launched as every scripted browser in the tests,
 * benches and screenshots is: no sandbox (containers), no background traffic, no GPU. CHROMIUM_PATH overrides.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
  });
}
