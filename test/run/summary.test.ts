import { describe, expect, it } from 'vitest';
import type { CollectedResult } from '../../harness/run/report.ts';
import { formatSummary } from '../../harness/run/summary.ts';

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
});
