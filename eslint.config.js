// Lint rules. The restricted-imports blocks enforce the architecture: the engine and the
// shared contract never touch Electron; only the typed wrappers touch ipcMain/ipcRenderer.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = {
  paths: [{ name: 'electron', message: 'The engine and shared code are plain Node: no electron.' }],
  patterns: [{ group: ['electron/*'], message: 'The engine and shared code are plain Node.' }],
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
    files: ['main/engine/**', 'shared/**', 'main/cli/**', 'main/cli.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { '@typescript-eslint/no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['eslint.config.js', 'vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
