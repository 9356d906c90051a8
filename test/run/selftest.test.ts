import { describe, expect, it } from 'vitest';
import type { Fault } from '../../harness/mock/faults/types.ts';
import type { CollectedResult } from '../../harness/run/report.ts';
import { formatSelftest, judgeFault, type SelftestReport } from '../../harness/run/selftest.ts';

const fault = (caughtBy: string[]): Fault => ({ name: 'f', description: 'd', caughtBy, build: () => ({}) });
const r = (id: string, status: CollectedResult['status']): CollectedResult => ({ id, status, title: '', area: '', operations: [], level: 'must', source: '', evidence: [], readsData: true, warnings: [], reason: '', durationMs: 0 });

describe('judgeFault', () => {
  const passing = new Set(['PAGE-SET-A', 'PAGE-SET-B', 'LAYOUT-X']);

  it('returns ok with the contracts that fail given a fault whose intended catchers fail', () => {
    const outcome = judgeFault({ fault: fault(['PAGE-SET-*']), passing, results: [r('PAGE-SET-B', 'fail'), r('PAGE-SET-A', 'pass'), r('LAYOUT-X', 'pass')] });
    expect(outcome).toMatchObject({ caught: ['PAGE-SET-B'], missing: [], ok: true });
  });

  it('returns not ok naming the missed catcher given other contracts fail instead', () => {
    const outcome = judgeFault({ fault: fault(['LAYOUT-X']), passing, results: [r('PAGE-SET-B', 'fail'), r('LAYOUT-X', 'pass')] });
    expect(outcome).toMatchObject({ caught: ['PAGE-SET-B'], missing: ['LAYOUT-X'], ok: false });
  });

  it('does not count contracts that already failed on the baseline', () => {
    const outcome = judgeFault({ fault: fault(['OTHER']), passing, results: [r('OTHER', 'fail')] });
    expect(outcome).toMatchObject({ caught: [], ok: false });
  });
});

describe('formatSelftest', () => {
  it('returns a fault x contract table with a legend, the variations and the verdict', () => {
    const report: SelftestReport = {
      ok: false,
      contracts: ['A-01', 'B-01'],
      baselineFailures: [],
      faults: [{ name: 'f1', description: 'd1', caughtBy: ['A-01'], caught: ['A-01'], missing: [], ok: true }],
      variations: [{ name: 'latency', description: 'slow', failures: [], ok: true }],
      uncaught: ['B-01'],
      durationMs: 1500,
    };
    const text = formatSelftest({ report });
    expect(text).toMatch(/A-01\s+x/);
    expect(text).toMatch(/B-01\s+\.\s+<- caught by no fault/);
    expect(text).toContain('F01 f1: caught (1 contracts) - d1');
    expect(text).toContain('ok   latency - slow');
    expect(text).toContain('Self-test FAILED: 1/1 faults caught, 1/1 variations clean, 1/2 contracts catch a fault (1.5 s)');
  });
});
