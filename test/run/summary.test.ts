import { describe, expect, it } from 'vitest';
import type { CollectedResult } from '../../harness/run/report.ts';
import { formatSummary, waitingLine } from '../../harness/run/summary.ts';

function result(over: Partial<CollectedResult>): CollectedResult {
  return { id: 'X-01', title: 'title', area: 'layouts', operations: [], level: 'must', source: 's', evidence: [], readsData: true, status: 'pass', reason: '', warnings: [], durationMs: 1, ...over };
}

describe('formatSummary', () => {
  const results = [
    result({ id: 'LAYOUT-A', area: 'layouts' }),
    result({ id: 'LAYOUT-B', area: 'layouts', status: 'fail', level: 'assumed', title: 'second default', expected: 'first not default', seen: 'IsDefault true', reason: 'expected first not default; saw IsDefault true' }),
    result({ id: 'WIRE-A', area: 'wire', status: 'fail', reason: 'boom' }),
    result({ id: 'WIRE-B', area: 'wire', status: 'na', reason: 'optional and refused' }),
    result({ id: 'WIRE-C', area: 'wire', status: 'skip', reason: 'no templates' }),
  ];
  const text = formatSummary({ target: 'embedded', seed: 3, runId: 'abcd1234', results, strict: false, reportPath: 'reports/conformance.json' });

  it('returns a table of pass, fail, na and skip by area with a total', () => {
    expect(text).toContain('embedded (seed 3, run abcd1234)');
    expect(text).toMatch(/layouts\s+1\s+1\s+0\s+0/);
    expect(text).toMatch(/wire\s+0\s+1\s+1\s+1/);
    expect(text).toMatch(/total\s+1\s+2\s+1\s+1/);
  });

  it('returns each failure with its id, level, expected and seen', () => {
    expect(text).toContain('FAIL LAYOUT-B [assumed, not counted] second default');
    expect(text).toContain('expected: first not default');
    expect(text).toContain('seen:     IsDefault true');
    expect(text).toContain('FAIL WIRE-A [must] title');
    expect(text).toContain('boom');
  });

  it('returns the NA and SKIP reasons, the assumed-failure rule and the report path', () => {
    expect(text).toContain('NA   WIRE-B: optional and refused');
    expect(text).toContain('SKIP WIRE-C: no templates');
    expect(text).toContain('1 assumed contract(s) failed');
    expect(text).toContain('Report: reports/conformance.json');
  });

  it('returns assumed failures as counted given strict', () => {
    const strict = formatSummary({ target: 't', seed: 1, runId: 'r', results, strict: true });
    expect(strict).toContain('FAIL LAYOUT-B [assumed] second default');
    expect(strict).not.toContain('assumed contract(s) failed');
  });

  it('returns zero response warnings and the policy line given no warnings', () => {
    expect(text).toContain('Response warnings: 0\n');
    expect(text).toContain('which change no verdict without --strict-output (docs/response-checks.md)');
  });
});

describe('formatSummary with response warnings', () => {
  const warning = (n: number) => `GetDomain body /Tags/${n}: expected at least 1 entries; saw object with 0 members`;
  const results = [
    result({ id: 'WIRE-EXCHANGES-WIRE', area: 'wire', warnings: [warning(1)] }),
    result({ id: 'LAYOUT-C', area: 'layouts', status: 'fail', level: 'assumed', reason: 'expected responses without warnings (--strict-output)', warnings: [warning(2), warning(3), warning(4), warning(5), warning(6)] }),
  ];

  it('returns the count, the contracts holding them and the first five with their contract ids', () => {
    const text = formatSummary({ target: 't', seed: 1, runId: 'r', results, strict: false });
    expect(text).toContain('Response warnings: 6 in 2 contract(s)');
    expect(text).toContain(`  LAYOUT-C: ${warning(2)}`);
    expect(text).toContain(`  LAYOUT-C: ${warning(6)}`);
    expect(text).not.toContain(warning(1));
    expect(text).toContain('… and 1 more');
  });

  it('returns an assumed failure with warnings as counted, and the strict-output policy line, given strictOutput', () => {
    const text = formatSummary({ target: 't', seed: 1, runId: 'r', results, strict: false, strictOutput: true });
    expect(text).toContain('FAIL LAYOUT-C [assumed] title');
    expect(text).not.toContain('assumed contract(s) failed');
    expect(text).toContain('--strict-output: a contract with warnings fails and counts in the exit code');
  });

  it('returns the assumed failure as not counted without strictOutput', () => {
    expect(formatSummary({ target: 't', seed: 1, runId: 'r', results, strict: false })).toContain('FAIL LAYOUT-C [assumed, not counted] title');
  });
});


describe('waitingLine', () => {
  it('returns the time waited, the number of waits and the budget given a run that waited', () => {
    expect(waitingLine({ waiting: { waitedMs: 12_340, waits: 7, budgetMs: 1_800_000 } })).toBe('Waiting for the target to converge: 12.3 s in 7 wait(s) (summed over contract files run side by side; budget --converge-ms 1800000).');
  });

  it('says the budget was spent given waiting that reached it', () => {
    expect(waitingLine({ waiting: { waitedMs: 500, waits: 1, budgetMs: 500 } })).toContain('the budget was spent, so later waits polled once');
  });

  it('is printed by formatSummary given the run\'s waiting', () => {
    const text = formatSummary({ target: 'embedded', seed: 1, runId: 'r', results: [result({})], strict: false, waiting: { waitedMs: 0, waits: 0, budgetMs: 1000 } });
    expect(text).toContain('Waiting for the target to converge: 0.0 s in 0 wait(s)');
  });
});
