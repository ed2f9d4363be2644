import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A test file spends much of its time waiting for Chromium, PostgreSQL or a child process, so one file per
    // core rather than Vitest's one fewer: on a machine of two cores, two files at a time instead of one.
    maxWorkers: os.availableParallelism(),
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          // One prepared PostgreSQL database that each test database is copied from.
          globalSetup: ['./test/support/postgres-template.ts'],
        },
      },
      {
        // Browser tests: one build of the web workspace and one demo database for the whole run.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['./test/e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // As long as a page action may take (browser.ts), not Vitest's one second: a page that shares the
          // machine with other files can take longer than that to show what the test waits for.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
