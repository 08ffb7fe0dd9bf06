import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type * as Fuses from '@electron/fuses';

const require = createRequire(import.meta.url);
const { FuseV1Options, FuseVersion } = require('@electron/fuses') as typeof Fuses;

type FuseConfig = Record<string | number, unknown>;
interface AfterPackModule {
  createAfterPack(flip: (path: string, config: FuseConfig) => Promise<void>): (context: unknown) => Promise<void>;
}

/** The fuses the issue and Electron's security guidance require, by name. */
const required: Record<string, boolean> = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true,
};

/** Runs the afterPack hook electron-builder.yml names, with a stand-in for flipFuses. */
async function fusesFlippedBy(context: { electronPlatformName: string; arch: number }) {
  const config = parse(readFileSync('electron-builder.yml', 'utf8')) as { afterPack: string };
  const hook = require(resolve(config.afterPack)) as AfterPackModule;
  const calls: { path: string; config: FuseConfig }[] = [];
  await hook.createAfterPack(async (path, fuseConfig) => {
    calls.push({ path, config: fuseConfig });
  })({
    ...context,
    appOutDir: '/tmp/out',
    packager: { appInfo: { productFilename: 'Entra Onboard' }, executableName: 'entra-onboard' },
  });
  return calls;
}

describe('Electron fuses set at package time (afterPack hook)', () => {
  for (const [platform, executable] of [
    ['win32', 'Entra Onboard.exe'],
    ['darwin', 'Entra Onboard.app'],
    ['linux', 'entra-onboard'],
  ] as const) {
    it(`flips every required fuse in the ${platform} executable`, async () => {
      const calls = await fusesFlippedBy({ electronPlatformName: platform, arch: 1 });
      expect(calls).toHaveLength(1);
      const [call] = calls;
      expect(call!.path).toBe(join('/tmp/out', executable));
      expect(call!.config['version']).toBe(FuseVersion.V1);
      for (const [name, value] of Object.entries(required)) {
        const option = FuseV1Options[name as keyof typeof FuseV1Options];
        expect(call!.config[option], `${name} must be ${value ? 'on' : 'off'}`).toBe(value);
      }
    });
  }

  it('keeps an arm64 macOS binary startable after its bytes change (ad hoc signature reset)', async () => {
    const [call] = await fusesFlippedBy({ electronPlatformName: 'darwin', arch: 3 });
    expect(call!.config['resetAdHocDarwinSignature']).toBe(true);
  });
});
