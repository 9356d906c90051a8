import { describe, expect, it } from 'vitest';
import type { Fault } from '../../harness/mock/faults/types.ts';
import type { CollectedResult } from '../../harness/run/report.ts';
import { findVacuous, formatSelftest, judgeFault, type FaultOutcome, type SelftestReport } from '../../harness/run/selftest.ts';

const fault = (caughtBy: string[], emptyAnswer?: true): Fault => ({ name: 'f', description: 'd', caughtBy, ...(emptyAnswer ? { emptyAnswer } : {}), build: () => ({}) });
const r = (id: string, status: CollectedResult['status'], readsData = true): CollectedResult => ({ id, status, title: '', area: '', operations: [], level: 'must', source: '', evidence: [], readsData, warnings: [], reason: '', durationMs: 0 });
const outcome = (name: string, caught: string[], emptyAnswer: boolean): FaultOutcome => ({ name, description: 'd', caughtBy: caught, caught, missing: [], emptyAnswer, ok: true });

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

  it('returns emptyAnswer true given an empty-answer fault, false given any other', () => {
    expect(judgeFault({ fault: fault(['LAYOUT-X'], true), passing, results: [r('LAYOUT-X', 'fail')] }).emptyAnswer).toBe(true);
    expect(judgeFault({ fault: fault(['LAYOUT-X']), passing, results: [r('LAYOUT-X', 'fail')] }).emptyAnswer).toBe(false);
  });
});

describe('findVacuous', () => {
  it('returns a data-reading contract that only a fault without emptyAnswer catches', () => {
    const baseline = [r('READS-01', 'pass'), r('READS-02', 'pass')];
    const faults = [outcome('wrong-value', ['READS-01', 'READS-02'], false), outcome('empty-lists', ['READS-02'], true)];
    expect(findVacuous({ baseline, faults })).toEqual(['READS-01']);
  });

  it('returns nothing given every data-reading contract caught by an empty-answer fault, whatever other faults catch', () => {
    const baseline = [r('READS-01', 'pass'), r('READS-02', 'pass')];
    expect(findVacuous({ baseline, faults: [outcome('a', ['READS-01'], true), outcome('b', ['READS-02'], true), outcome('c', [], false)] })).toEqual([]);
  });

  it('leaves out contracts that check only errors and contracts that did not pass on the baseline', () => {
    const baseline = [r('ERRORS-01', 'pass', false), r('BROKEN-01', 'fail'), r('SKIPPED-01', 'skip')];
    expect(findVacuous({ baseline, faults: [outcome('empty', [], true)] })).toEqual([]);
  });
});

describe('formatSelftest', () => {
  it('returns a fault x contract table with a legend, the variations and the verdict', () => {
    const report: SelftestReport = {
      ok: false,
      contracts: ['A-01', 'B-01'],
      baselineFailures: [],
      faults: [
        { name: 'f1', description: 'd1', caughtBy: ['A-01'], caught: ['A-01'], missing: [], emptyAnswer: false, ok: true },
        { name: 'e1', description: 'empty', caughtBy: ['A-01'], caught: ['A-01'], missing: [], emptyAnswer: true, ok: true },
      ],
      variations: [{ name: 'latency', description: 'slow', failures: [], ok: true }],
      uncaught: ['B-01'],
      vacuous: ['B-01'],
      durationMs: 1500,
    };
    const text = formatSelftest({ report });
    expect(text).toMatch(/A-01\s+x\s+x/);
    expect(text).toMatch(/B-01\s+\.\s+\.\s+<- caught by no fault; reads data, caught by no empty-answer fault/);
    expect(text).toContain('F01 f1: caught (1 contracts) - d1');
    expect(text).toContain('F02 E e1: caught (1 contracts) - empty');
    expect(text).toMatch(/Vacuous contracts \(they read data, yet pass against every empty-answer fault\):\n {2}B-01/);
    expect(text).toContain('ok   latency - slow');
    expect(text).toContain('Self-test FAILED: 2/2 faults caught, 1/1 variations clean, 1/2 contracts catch a fault, 1 data-reading contract(s) caught by no empty-answer fault (1.5 s)');
  });
});
