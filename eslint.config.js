// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The import arrows of the architecture (../shared/guide/architecture.md), enforced per folder:
 *   renderer -> shared only; shared -> nothing; main/core -> shared and node only;
 *   only main/electron imports 'electron' and uses ipcMain; only preload uses contextBridge/ipcRenderer.
 */
const noElectron = { name: 'electron', message: "Only src/main/electron and src/preload may import 'electron'." };
const noElectronUpdater = { name: 'electron-updater', message: 'electron-updater belongs to src/main/electron (the update decision is plain Node in core/updates).' };

/** @param {string[]} groups */
const patterns = (...groups) => groups.map((group) => ({ group: [group], message: `Import boundary: ${group} is out of bounds here.` }));

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.sandbox-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // electron-builder hooks are CommonJS modules it require()s.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [...patterns('**/main/**', '**/renderer/**', '**/preload/**', 'node:*', 'react', 'react-dom')],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, noElectronUpdater], patterns: patterns('**/main/**', '**/preload/**', 'node:*') },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts', 'src/main/rpc/**/*.ts', 'src/main/web-host/**/*.ts', 'src/main/host-common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, noElectronUpdater],
          patterns: patterns('**/renderer/**', '**/preload/**', '**/main/electron/**', '../electron/**'),
        },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, noElectronUpdater],
          patterns: patterns('**/renderer/**', '**/preload/**', '**/electron/**', '**/rpc/**', '**/web-host/**'),
        },
      ],
    },
  },
  {
    // ipcMain only in the one bridge module; contextBridge/ipcRenderer only in the preload.
    files: ['src/main/electron/**/*.ts'],
    ignores: ['src/main/electron/ipc-bridge.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcMain', 'contextBridge', 'ipcRenderer'], message: 'ipcMain only in ipc-bridge.ts; contextBridge/ipcRenderer only in the preload.' }] },
      ],
    },
  },
  {
    files: ['src/main/electron/ipc-bridge.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['contextBridge', 'ipcRenderer'], message: 'contextBridge/ipcRenderer only in the preload.' }] },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', importNames: ['ipcMain'], message: 'The preload never uses ipcMain.' }],
          patterns: patterns('**/main/**', '**/renderer/**', 'node:*'),
        },
      ],
    },
  },
);
