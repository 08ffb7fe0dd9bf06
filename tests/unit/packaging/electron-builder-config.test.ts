import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const configText = readFileSync('electron-builder.yml', 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- electron-builder's config is checked by its own schema below
const config = parse(configText) as any;

/** electron-builder's own JSON schema for its configuration, as the installed version ships it. */
let compiled: ReturnType<Ajv['compile']> | undefined;
function builderSchemaValidator() {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  compiled = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return compiled;
}

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own schema (app-builder-lib/scheme.json)", () => {
    const validate = builderSchemaValidator();
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('would fail the schema with a misspelt or mistyped option (the check is real)', () => {
    const validate = builderSchemaValidator();
    expect(validate({ ...config, nsis: { ...config.nsis, perMachine: 'no' } })).toBe(false);
    expect(validate({ ...config, asarUnpak: ['x'] })).toBe(false);
  });

  it('installs per user on Windows, with no administrator rights', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, packElevateHelper: false });
  });

  it('builds a hardened, notarised DMG for macOS with the entitlements in resources/', () => {
    expect(config.mac.target.map((t: { target: string }) => t.target)).toContain('dmg');
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(config.mac.entitlements).toBe('resources/entitlements.mac.plist');
    const plist = readFileSync(config.mac.entitlements, 'utf8');
    expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
    // Relaxations Electron does not need stay off.
    for (const key of ['allow-unsigned-executable-memory', 'allow-dyld-environment-variables', 'disable-library-validation', 'get-task-allow']) {
      expect(plist).not.toContain(key);
    }
  });

  it('builds an AppImage for Linux', () => {
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage']);
  });

  it('keeps the app in an asar archive with better-sqlite3 unpacked and rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
  });

  it('packs only the built app, never the web host, the sandbox or the tests', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']));
    for (const pattern of config.files as string[]) expect(pattern).not.toMatch(/^(src|tests|scripts)\b/);
  });

  it('reads no signing secret from the file: certificates and passwords come from the environment', () => {
    expect(configText).not.toMatch(/cscLink|cscKeyPassword|certificateFile|certificatePassword|certificateSha1|APPLE_APP_SPECIFIC_PASSWORD:|appleIdPassword/i);
  });

  it('publishes to a generic HTTPS feed', () => {
    expect(config.publish.provider).toBe('generic');
    expect(new URL(config.publish.url).protocol).toBe('https:');
  });

  it('points at icons generated from one source picture', () => {
    expect(existsSync('resources/icon.svg')).toBe(true);
    for (const file of ['resources/icon.ico', 'resources/icon.icns', 'resources/icon.png', 'resources/icons/512x512.png']) {
      expect(existsSync(file), file).toBe(true);
    }
    expect(existsSync(join(config.directories.buildResources, config.win.icon))).toBe(true);
    expect(existsSync(join(config.directories.buildResources, config.mac.icon))).toBe(true);
  });
});
