import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FAULTS } from '../../harness/mock/faults/catalogue.ts';
import { VARIATIONS } from '../../harness/mock/faults/variations.ts';
import type { SelftestReport } from '../../harness/run/selftest.ts';
import { runCli } from '../cli/run-cli.ts';

/**
 * Every contract can fail: `cpct --selftest` runs all contracts against the reference implementation, against each
 * fault of the catalogue and against each benign variation, in one vitest instance. No contract that reads data passes
 * on nothing: each is caught by an empty-answer fault.
 */
const SELFTEST_TIMEOUT = 540_000;
let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('cpct --selftest', () => {
  it(
    'exits 0: the baseline passes, every fault is caught by the contracts it names, every contract catches a fault, every data-reading contract an empty-answer fault, every variation passes',
    async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-selftest-'));
      const { code, stdout, stderr } = await runCli({ args: ['--selftest', '--reports', dir], timeoutMs: SELFTEST_TIMEOUT });
      const report = JSON.parse(await readFile(path.join(dir, 'selftest.json'), 'utf8')) as SelftestReport;
      expect(report.baselineFailures).toEqual([]);
      expect(report.faults.map((f) => f.name)).toEqual(FAULTS.map((f) => f.name));
      expect(report.faults.filter((f) => !f.ok).map((f) => `${f.name}: caught ${f.caught.length}, missing ${f.missing.join(',')}`)).toEqual([]);
      expect(report.uncaught).toEqual([]);
      expect(report.vacuous).toEqual([]);
      expect(report.faults.filter((f) => f.emptyAnswer).map((f) => f.name)).toEqual(FAULTS.filter((f) => f.emptyAnswer).map((f) => f.name));
      expect(report.variations.map((v) => v.name)).toEqual(VARIATIONS.map((v) => v.name));
      expect(report.variations.filter((v) => !v.ok)).toEqual([]);
      expect(report.contracts.length).toBeGreaterThan(100);
      expect(stdout).toContain('Self-test: fault x contract');
      expect(stdout).toContain('Self-test passed');
      expect(code, stderr).toBe(0);
    },
    SELFTEST_TIMEOUT + 10_000,
  );
});
