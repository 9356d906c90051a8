import { describe, expect, it } from 'vitest';
import { runReplayBench } from '../../harness/recording/bench.ts';

describe('runReplayBench', () => {
  it('returns per-call figures for canned, replay and nock with their ratio, in a tiny bounded run', async () => {
    const result = await runReplayBench({ calls: 40, nockCalls: 4, rounds: 1, budgetMs: 10_000 });
    expect(result.rounds).toHaveLength(1);
    for (const figure of [result.cannedUs, result.replayUs, result.nockUs, result.handlerOnlyUs]) expect(figure).toBeGreaterThan(0);
    expect(result.ratio).toBeCloseTo(result.replayUs / result.cannedUs, 10);
    expect(result.met).toBe(result.ratio <= 1.5);
  });
});
