/**
 * Issue 8's coverage goals, held by our own suite: every contract runs in this process against the embedded
 * reference implementation (one vitest instance, as the CLI runs it), the exchanges the sessions leave in the outbox
 * are measured over the 16 core operations, and any goal missed fails with checkCoverageGoals' shortfall messages
 * (which name what is missing and say to add contracts for it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { buildApiCoverage, type ApiCoverage } from '../../harness/reporters/api-coverage.ts';
import { checkCoverageGoals, CORE_COVERAGE_GOALS } from '../../harness/reporters/coverage-goals.ts';
import { readOutbox } from '../../harness/run/live-extras.ts';
import type { CollectedResult } from '../../harness/run/report.ts';
import { createContractRunner } from '../../harness/run/runner.ts';
import { CORE_OPERATIONS } from '../../harness/scope.ts';

/** The whole suite takes about 7 s on this machine; the bound leaves room for a busy one. */
const RUN_TIMEOUT = 120_000;
/** Fewer results than this means the run itself broke (the suite has about 200 contracts). */
const MIN_CONTRACTS = 150;

let outbox: string | undefined;
let results: CollectedResult[] = [];
let coverage: ApiCoverage;

beforeAll(async () => {
  outbox = await mkdtemp(path.join(os.tmpdir(), 'cpct-coverage-goals-'));
  const runner = await createContractRunner();
  try {
    results = await runner.run({
      // The reference clock is now, as the CLI sets it: the embedded target keeps wall-clock time, and calculated
      // contracts with time windows place their data around the reference clock.
      config: { runId: 'c0ve0a15', seed: 7, clockMs: Date.now(), target: { kind: 'embedded' }, optional: [], outbox },
    });
  } finally {
    await runner.close();
  }
  const sessions = await readOutbox({ dir: outbox });
  coverage = buildApiCoverage({ index: loadOperationIndex(), exchanges: sessions.flatMap((s) => s.exchanges ?? []), scope: CORE_OPERATIONS });
}, RUN_TIMEOUT);

afterAll(async () => {
  if (outbox) await rm(outbox, { recursive: true, force: true });
});

describe('checkCoverageGoals', () => {
  it('returns no shortfall given the API coverage of the whole suite run against the embedded reference implementation', () => {
    expect(results.length, 'contracts run (the run itself broke if few)').toBeGreaterThanOrEqual(MIN_CONTRACTS);
    // Nothing must fail against the mock's defaults; a failure would skew the figures.
    expect(results.filter((r) => r.status === 'fail' && r.level !== 'assumed').map((r) => `${r.id}: ${r.reason.slice(0, 200)}`)).toEqual([]);
    expect(coverage.operations.total).toBe(CORE_OPERATIONS.length);
    const shortfalls = checkCoverageGoals({ coverage, goals: CORE_COVERAGE_GOALS });
    expect(shortfalls.map((s) => s.message)).toEqual([]);
  });
});
