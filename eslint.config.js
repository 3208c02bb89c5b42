// Lint rules. The restricted-imports blocks enforce the architecture: the engine and the
// shared contract never touch Electron; only the typed wrappers touch ipcMain/ipcRenderer.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const electronPaths = [
  { name: 'electron', message: 'The engine and shared code are plain Node: no electron.' },
];
const electronPatterns = [
  { group: ['electron/*'], message: 'The engine and shared code are plain Node.' },
];
/** SIF code is reached only through `main/engine/sif/index.ts` (issue #9). */
const sifInternals = [
  {
    group: ['**/sif/format/*', '**/sif/integrity/*', '**/sif/inspect/*'],
    message: 'Import SIF code through main/engine/sif/index.ts, the one door into sif/.',
  },
];
const noElectron = { paths: electronPaths, patterns: electronPatterns };
const noElectronNoSifInternals = {
  paths: electronPaths,
  patterns: [...electronPatterns, ...sifInternals],
};
/** Only the typed wrappers (`main/electron/ipc.ts`, `preload/index.ts`) touch raw IPC. */
const noRawIpc = {
  paths: [
    {
      name: 'electron',
      importNames: ['ipcMain', 'ipcRenderer'],
      message: 'Raw IPC only in main/electron/ipc.ts and preload/index.ts (STYLE §3).',
    },
  ],
  patterns: sifInternals,
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-web/**', 'release/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (STYLE.md).' },
      ],
    },
  },
  {
    files: ['main/engine/**', 'shared/**', 'main/cli/**', 'main/cli.ts', 'main/app/**'],
    ignores: ['main/engine/sif/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', noElectronNoSifInternals] },
  },
  {
    files: ['main/engine/sif/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['main/electron/**', 'main/index.ts', 'preload/**', 'e2e/**', 'scripts/**'],
    ignores: ['main/electron/ipc.ts', 'preload/index.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', noRawIpc] },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', noElectron],
    },
  },
  {
    files: ['eslint.config.js', 'vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
