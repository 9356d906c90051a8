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
          // The fault self-test (every fault of the catalogue against the contracts, about three minutes here) has its
          // own project, `npm run test:selftest`, which CI runs after `npm test`: the unit project stays a fast loop.
          exclude: ['specs/contracts/**', 'node_modules/**', 'test/faults/selftest.integ.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // vitest's default here is one worker (cores - 1); with the self-test in its own project, two workers keep
          // both cores busy while one file waits on a child process: measured 289-316 s -> 207 s for this project.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'selftest',
          include: ['test/faults/selftest.integ.test.ts'],
          testTimeout: 600_000,
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
