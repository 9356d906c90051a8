import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContractLevel, ContractStatus } from '../contracts/meta.ts';
import type { EvidenceRef } from '../evidence/register.ts';
import { ensureDir } from '../fs-dirs.ts';

/** One line of `results` in reports/conformance.json (the shape DESIGN.md promises; do not add fields). */
export interface ResultRow {
  id: string;
  operations: string[];
  title: string;
  level: ContractLevel;
  source: string;
  evidence: EvidenceRef[];
  status: ContractStatus;
  reason: string;
  /** Response warnings of the contract's exchanges (a failure only with --strict-output). */
  warnings: string[];
  durationMs: number;
}

/** A result as the collector produces it: the row plus what the summary prints (area, expected / seen). */
export interface CollectedResult extends ResultRow {
  area: string;
  /** Whether the verdict depends on data the target returns (the self-test's empty-answer rule). */
  readsData: boolean;
  expected?: string;
  seen?: string;
}

export interface Summary {
  pass: number;
  fail: number;
  na: number;
  skip: number;
  /** Response warnings over all results. */
  warnings: number;
  /**
   * Time the run's waits spent after a first answer that was not yet the expected one (ms, summed over contract files
   * that ran side by side), and how many waits waited at all; absent in reports built without the sessions' records.
   */
  waitedMs?: number;
  waits?: number;
}

/** reports/conformance.json. */
export interface ConformanceReport {
  target: string;
  startedAt: string;
  sdkVersion: string;
  seed: number;
  results: ResultRow[];
  summary: Summary;
}

/** Counts results by status. */
export function summarize({ results }: { results: readonly { status: ContractStatus; warnings?: readonly string[] }[] }): Summary {
  const summary: Summary = { pass: 0, fail: 0, na: 0, skip: 0, warnings: 0 };
  for (const r of results) {
    summary[r.status] += 1;
    summary.warnings += r.warnings?.length ?? 0;
  }
  return summary;
}

/** Builds the report from collected results (pure: no I/O). Results are ordered by id for stable diffs between runs. */
export function buildReport({ target, startedAt, sdkVersion, seed, results, waiting }: {
  target: string;
  startedAt: Date;
  sdkVersion: string;
  seed: number;
  results: readonly CollectedResult[];
  /** The run's waiting, summed from the sessions' records (totalWaiting). */
  waiting?: { waitedMs: number; waits: number };
}): ConformanceReport {
  const rows: ResultRow[] = [...results]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, operations, title, level, source, evidence, status, reason, warnings, durationMs }) => ({ id, operations, title, level, source, evidence, status, reason, warnings, durationMs }));
  return { target, startedAt: startedAt.toISOString(), sdkVersion, seed, results: rows, summary: { ...summarize({ results: rows }), ...(waiting ?? {}) } };
}

/** The run's waiting: the sum of what each contract file's session recorded (files that ran side by side add up). */
export function totalWaiting({ sessions }: { sessions: readonly { waitedMs?: number; waits?: number }[] }): { waitedMs: number; waits: number } {
  return { waitedMs: sessions.reduce((sum, s) => sum + (s.waitedMs ?? 0), 0), waits: sessions.reduce((sum, s) => sum + (s.waits ?? 0), 0) };
}

/** Writes `conformance.json` into `dir` (created if missing) and returns its path. */
export async function writeReport({ report, dir }: { report: ConformanceReport; dir: string }): Promise<string> {
  await ensureDir({ dir });
  const file = path.join(dir, 'conformance.json');
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
  return file;
}

/**
 * True when a failed result counts against the run: must and should always, assumed only with --strict; with
 * --strict-output, any failed result that carries response warnings (strict output made it fail, or helped to).
 */
export function failureCounts({ result, strict, strictOutput = false }: {
  result: { status: ContractStatus; level: ContractLevel; warnings?: readonly string[] };
  strict: boolean;
  strictOutput?: boolean;
}): boolean {
  if (result.status !== 'fail') return false;
  return strict || result.level !== 'assumed' || (strictOutput && (result.warnings?.length ?? 0) > 0);
}

/** Exit code of a finished run: 1 when any counted failure, else 0 (PASS, NA and SKIP never fail a run). */
export function exitCodeFor({ results, strict, strictOutput = false }: {
  results: readonly { status: ContractStatus; level: ContractLevel; warnings?: readonly string[] }[];
  strict: boolean;
  strictOutput?: boolean;
}): 0 | 1 {
  return results.some((result) => failureCounts({ result, strict, strictOutput })) ? 1 : 0;
}
