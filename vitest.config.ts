import { defineConfig } from 'vitest/config';

// Two projects: the project's own tests ("unit", what `npm test` runs) and the
// target-agnostic contract suites ("contracts", what `npm run conformance` runs).
export default defineConfig({
  test: {
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'test/**/*.test.ts',
            'harness/**/*.test.ts',
            'generators/**/*.test.ts',
            'specs/**/*.test.ts',
          ],
          exclude: ['specs/contracts/**', 'node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'contracts',
          include: ['specs/contracts/**/*.contract.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
