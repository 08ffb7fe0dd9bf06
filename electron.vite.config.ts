import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { contentSecurityPolicyMeta } from './src/main/host-common/content-security-policy';

/** Puts our CSP into the built index.html as well (the dev server needs inline scripts for HMR). */
function cspMeta(): Plugin {
  return {
    name: 'entra-onboard-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicyMeta },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // package.json "dependencies" (msal, graph client, better-sqlite3, conf, zod, electron-updater)
      // stay require()d from the packaged node_modules; everything else is bundled. The renderer's
      // libraries (React, Fluent UI, zustand) are devDependencies: Vite bundles them into
      // out/renderer, so electron-builder, which packs only "dependencies", never ships them twice.
      externalizeDeps: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'src/main/electron/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot load ES modules or node_modules: one CommonJS file, nothing external.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), cspMeta()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
