/**
 * The coverage a run against the reference implementation must reach: every core operation called, nearly all of
 * their input members and enum values exercised, and every error a client can provoke provoked. Pure: the caller
 * builds the coverage (with buildApiCoverage over CORE_OPERATIONS) and decides what a shortfall means.
 */
import type { ApiCoverage, CoverageCount } from './api-coverage.ts';

/** Minimum covered / total per dimension, between 0 and 1. */
export type CoverageGoals = Record<keyof ApiCoverage, number>;

/** The goals of issue 8 for the 16 core operations. */
export const CORE_COVERAGE_GOALS: CoverageGoals = { operations: 1, members: 0.95, enumValues: 0.95, errors: 1 };

/** One goal not met: which dimension, the figures, and what is missing (first 20 ids). */
export interface CoverageShortfall {
  dimension: keyof ApiCoverage;
  covered: number;
  total: number;
  ratio: number;
  goal: number;
  missing: string[];
  message: string;
}

const SHOWN = 20;

function ratioOf(c: CoverageCount): number {
  return c.total === 0 ? 1 : c.covered / c.total;
}

/** The goals `coverage` falls short of; empty when every goal is met. */
export function checkCoverageGoals({ coverage, goals = CORE_COVERAGE_GOALS }: { coverage: ApiCoverage; goals?: CoverageGoals }): CoverageShortfall[] {
  const out: CoverageShortfall[] = [];
  for (const dimension of ['operations', 'members', 'enumValues', 'errors'] as const) {
    const c = coverage[dimension];
    const ratio = ratioOf(c);
    const goal = goals[dimension];
    // Compare counts, not floats: 19/20 meets 95% exactly.
    if (c.covered >= Math.ceil(goal * c.total - 1e-9)) continue;
    const missing = c.missing.slice(0, SHOWN);
    const more = c.missing.length > SHOWN ? ` and ${c.missing.length - SHOWN} more` : '';
    out.push({
      dimension,
      covered: c.covered,
      total: c.total,
      ratio,
      goal,
      missing,
      message: `coverage: expected at least ${(goal * 100).toFixed(0)}% of ${dimension}; saw ${c.covered}/${c.total} (${(ratio * 100).toFixed(1)}%), missing ${missing.join(', ')}${more}; add contracts that exercise them`,
    });
  }
  return out;
}
