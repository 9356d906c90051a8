/**
 * One live run of the whole suite against the embedded reference implementation, in this process (one vitest
 * instance, as the CLI runs it), checked two ways:
 * - the committed tapes (recordings/mock: the reference implementation recorded over HTTP) replay offline to the same
 *   outcome, contract by contract;
 * - issue 8's coverage goals: the exchanges the sessions leave in the outbox, measured over the 16 core operations,
 *   miss no goal (checkCoverageGoals' shortfall messages name what is missing and say to add contracts for it).
 * Both share the live run: it is the dearest part, and npm test pays for it once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { resolveReplaySet, type ReplaySet } from '../../harness/recording/replay-set.ts';
import { buildApiCoverage } from '../../harness/reporters/api-coverage.ts';
import { checkCoverageGoals, CORE_COVERAGE_GOALS } from '../../harness/reporters/coverage-goals.ts';
import type { RunConfig } from '../../harness/run/config.ts';
import { readOutbox } from '../../harness/run/live-extras.ts';
import { PACKAGE_ROOT } from '../../harness/run/paths.ts';
import type { CollectedResult } from '../../harness/run/report.ts';
import { createContractRunner } from '../../harness/run/runner.ts';
import { CORE_OPERATIONS } from '../../harness/scope.ts';

const RECORDINGS = path.join(PACKAGE_ROOT, 'recordings');
/** The two runs take about 10 s on this machine; the bound leaves room for a busy one. */
const RUN_TIMEOUT = 120_000;
/** Fewer results than this means the run itself broke (the suite has over 300 contracts). */
const MIN_CONTRACTS = 300;
const dirs: string[] = [];

const outbox = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpct-committed-'));
  dirs.push(dir);
  return dir;
};
const statuses = (results: CollectedResult[]) => Object.fromEntries(results.map((r) => [r.id, r.status]));

let set: ReplaySet;
let live: CollectedResult[] = [];
let liveOutbox = '';
let replayed: CollectedResult[] = [];

beforeAll(async () => {
  set = resolveReplaySet({ dir: RECORDINGS });
  const runner = await createContractRunner();
  try {
    liveOutbox = outbox();
    // The tapes' seed, so the live run sends what was recorded; the reference clock is now, as the CLI sets it (the
    // embedded target keeps wall-clock time, and calculated contracts place their data around the reference clock).
    const liveConfig: RunConfig = { runId: 'e0e0e0e0', seed: set.tapes[0]?.tape.meta.seed ?? 7, clockMs: Date.now(), target: { kind: 'embedded' }, optional: [], outbox: liveOutbox };
    live = await runner.run({ config: liveConfig });
    const replayConfig: RunConfig = { runId: 'ffffffff', seed: 1, clockMs: 0, target: { kind: 'replay', dir: set.root, tapeKind: set.kind }, optional: [], outbox: outbox() };
    replayed = await runner.run({ config: replayConfig });
  } finally {
    await runner.close();
  }
}, RUN_TIMEOUT);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('recordings/mock', () => {
  it('returns the live embedded outcome contract by contract given a replay of the committed tapes', () => {
    expect(set.kind).toBe('mock');
    expect(set.errors).toEqual([]);
    expect(replayed.length).toBe(live.length);
    expect(replayed.filter((r) => r.status === 'pass').length).toBeGreaterThan(100);
    expect(statuses(replayed)).toEqual(statuses(live));
  });
});

describe('checkCoverageGoals', () => {
  it('returns no shortfall given the API coverage of the whole suite run against the embedded reference implementation', async () => {
    expect(live.length, 'contracts run (the run itself broke if few)').toBeGreaterThanOrEqual(MIN_CONTRACTS);
    // Nothing must fail against the mock's defaults; a failure would skew the figures.
    expect(live.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.reason.slice(0, 200)}`)).toEqual([]);
    const sessions = await readOutbox({ dir: liveOutbox });
    const coverage = buildApiCoverage({ index: loadOperationIndex(), exchanges: sessions.flatMap((s) => s.exchanges ?? []), scope: CORE_OPERATIONS });
    expect(coverage.operations.total).toBe(CORE_OPERATIONS.length);
    expect(checkCoverageGoals({ coverage, goals: CORE_COVERAGE_GOALS }).map((s) => s.message)).toEqual([]);
  });
});
