import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The repository and API suites, which run a second time with every database
 * on a real PostgreSQL server (issue 9). What only a file can do (backups,
 * crash safety, damaged and read-only files, reviewers' pack files, the app's
 * File menu) stays in the SQLite project alone.
 */
const ON_BOTH_ENGINES = [
  'test/integration/db/**/*.test.ts',
  'test/integration/electron/api/**/*.test.ts',
  'test/integration/electron/jobs/**/*.test.ts',
  'test/integration/electron/bridge/**/*.test.ts',
  'test/integration/actions/**/*.test.ts',
  'test/integration/notes/notes-api.test.ts',
  'test/integration/notes/notes-cli.test.ts',
  'test/integration/pack/meetings-api.test.ts',
  'test/integration/pack/pack-api.test.ts',
  'test/integration/pack/pack-cli.test.ts',
  'test/integration/pack/demo-2022-pack.test.ts',
  'test/integration/pack/pack-notes-export.test.ts',
  'test/integration/cli/boardpack.test.ts',
  'test/integration/cli/chart.test.ts',
  'test/integration/cli/import-figures.test.ts',
  'test/integration/cli/import-police.test.ts',
  'test/integration/cli/import-population.test.ts',
  'test/integration/team/**/*.test.ts',
];
const FILE_ONLY = ['test/integration/db/backups.test.ts', 'test/integration/db/open-database.test.ts'];

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['test/**/*.test.ts'],
          exclude: ['test/integration/team/**'],
          // The end-to-end tests serve the built renderer: build it once per run.
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ON_BOTH_ENGINES,
          exclude: FILE_ONLY,
          env: { BOARDPACK_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/helpers/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
