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
          // So has the package check (pack, offline install, every face of the installed package: about 30 CPU-s),
          // `npm run test:package`, which CI runs too.
          exclude: ['specs/contracts/**', 'node_modules/**', 'test/faults/selftest.integ.test.ts', 'test/cli/pack.integ.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // vitest's default here is one worker (cores - 1); with the self-test in its own project, two workers keep
          // both cores busy while one file waits on a child process: measured 289-316 s -> 207 s for this project.
          maxWorkers: 2,
          // One process per worker for all its files instead of one per file: the harness, the SDK and ajv are
          // imported twice, not 143 times (import 46 s -> 14 s, npm test 215-227 s -> 182 s here). It also holds the
          // code to its rule of no module-level mutable state: a shared object the SDK annotated failed a later file.
          isolate: false,
          // ...which is safe only while no file leaves node:http or fetch patched: this fails the file that does.
          setupFiles: ['test/support/no-global-patches.ts'],
          // The SDK's Node-version notice, once per worker process, says nothing about the tests. Child CLIs do not
          // inherit it (run-cli.ts drops AWS_* variables): the CLI's own setting is still what their tests see.
          env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
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
          name: 'package',
          include: ['test/cli/pack.integ.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
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
