import { describe, expect, it } from 'vitest';
import type { ApiCoverage } from '../../harness/reporters/api-coverage.ts';
import { checkCoverageGoals } from '../../harness/reporters/coverage-goals.ts';

function missingIds(n: number, prefix: string): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
}

function coverage(over: Partial<ApiCoverage> = {}): ApiCoverage {
  return {
    operations: { covered: 16, total: 16, missing: [] },
    members: { covered: 71, total: 71, missing: [] },
    enumValues: { covered: 65, total: 65, missing: [] },
    errors: { covered: 32, total: 32, missing: [] },
    ...over,
  };
}

describe('checkCoverageGoals', () => {
  it('returns no shortfall given full coverage', () => {
    expect(checkCoverageGoals({ coverage: coverage() })).toEqual([]);
  });

  it('returns no shortfall given exactly 95% of members and enum values', () => {
    // 19/20 = 95% exactly; 62/65 = 95.38%.
    const c = coverage({ members: { covered: 19, total: 20, missing: ['A.B'] }, enumValues: { covered: 62, total: 65, missing: ['E.X', 'E.Y', 'E.Z'] } });
    expect(checkCoverageGoals({ coverage: c })).toEqual([]);
  });

  it('returns a members shortfall given 67 of 71 (94.4%)', () => {
    const c = coverage({ members: { covered: 67, total: 71, missing: ['Op.A', 'Op.B', 'Op.C', 'Op.D'] } });
    const out = checkCoverageGoals({ coverage: c });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ dimension: 'members', covered: 67, total: 71, goal: 0.95, missing: ['Op.A', 'Op.B', 'Op.C', 'Op.D'] });
    expect(out[0].message).toBe('coverage: expected at least 95% of members; saw 67/71 (94.4%), missing Op.A, Op.B, Op.C, Op.D; add contracts that exercise them');
  });

  it('returns an operations and an errors shortfall given one operation and one error missing', () => {
    const c = coverage({
      operations: { covered: 15, total: 16, missing: ['GetDomainLayout'] },
      errors: { covered: 31, total: 32, missing: ['GetDomainLayout:BadRequestException'] },
    });
    expect(checkCoverageGoals({ coverage: c }).map((s) => s.dimension)).toEqual(['operations', 'errors']);
  });

  it('returns at most 20 missing ids and says how many more', () => {
    const c = coverage({ enumValues: { covered: 40, total: 65, missing: missingIds(25, 'E.V') } });
    const [s] = checkCoverageGoals({ coverage: c });
    expect(s.missing).toHaveLength(20);
    expect(s.message).toContain('E.V20 and 5 more;');
  });

  it('returns no shortfall given an empty dimension', () => {
    expect(checkCoverageGoals({ coverage: coverage({ errors: { covered: 0, total: 0, missing: [] } }) })).toEqual([]);
  });

  it('returns shortfalls against custom goals', () => {
    const c = coverage({ members: { covered: 50, total: 71, missing: [] } });
    expect(checkCoverageGoals({ coverage: c, goals: { operations: 1, members: 0.7, enumValues: 0, errors: 0 } })).toEqual([]);
    expect(checkCoverageGoals({ coverage: c, goals: { operations: 1, members: 0.71, enumValues: 0, errors: 0 } })).toHaveLength(1);
  });
});
