import { defineConfig } from 'vitest/config';

/**
 * Two cores (../shared/ENVIRONMENT.md): unit and integration files run two at a time; then the browser
 * files run one at a time, alone, since each drives several Chromium pages with live video and a server.
 * Time limits are safety nets well above what a test needs when the whole suite runs.
 * The unit and integration files share their worker's module cache (`isolate: false`): each file would
 * otherwise import the server again (87 of 128 s in imports; 55 s with the cache). Every file starts its
 * own servers and stores and closes them, so nothing else is shared between files.
 */
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          setupFiles: ['e2e/setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
