// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layers may only import downward: shared ← db ← electron; renderer ← shared. */
const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'electron/cli/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': ['error', { ignoreRestArgs: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // vitest's asymmetric matchers (expect.stringContaining) are typed any.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off' },
  },
  {
    // Migrations and SQLite plumbing work on schemas not yet (or no longer) in the Database type.
    files: ['db/migrations/**/*.ts', 'db/migrate.ts', 'db/sqlite/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer(
      ['../db/*', '../electron/*', '../renderer/*', '../../*', 'node:*', 'electron'],
      'shared/ imports nothing of ours, of Node or of Electron',
    ),
  },
  {
    files: ['db/**/*.ts'],
    rules: layer(['**/electron/*', '**/renderer/*', 'electron'], 'db/ may import only shared/'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: layer(['**/db/*', '**/electron/*', 'electron', 'node:*'], 'renderer/ may import only shared/'),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/adapters/**'],
    rules: layer(['electron'], 'only main.ts, preload.ts and adapters/ touch Electron'),
  },
);
