import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// `npm run coverage`: the unit project under V8 coverage of the harness and the generators. Kept apart from
// vitest.config.ts so `npm test` does not pay for instrumentation.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      coverage: {
        provider: 'v8',
        reporter: ['text-summary', 'lcov', 'html'],
        reportsDirectory: 'reports/coverage',
        include: ['harness/**/*.ts', 'generators/**/*.ts'],
        // Benchmark drivers run under `npm run bench` (their figures are checked there), not under the unit tests.
        exclude: ['**/*.test.ts', '**/*.d.ts', '**/bench.ts', '**/bench-*.ts'],
        thresholds: { lines: 90 },
        // Figures are worth seeing when a test fails too; the run still exits non-zero.
        reportOnFailure: true,
      },
    },
  }),
);
