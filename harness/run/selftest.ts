import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FAULTS } from '../mock/faults/catalogue.ts';
import type { Fault } from '../mock/faults/types.ts';
import { VARIATIONS } from '../mock/faults/variations.ts';
import type { MockOptions } from '../mock/models/types.ts';
import type { RunConfig } from './config.ts';
import type { CollectedResult } from './report.ts';
import type { ContractRunner } from './runner.ts';
import { ensureDir } from '../fs-dirs.ts';

/**
 * The self-test: every contract can fail. It runs the suites against the reference implementation (baseline: all
 * pass), against each fault of the catalogue (each must make at least one contract fail, including the ones the
 * fault names), and against each benign variation (every must/should contract must still pass). Every contract must
 * be caught by at least one fault. A fault runs only the contract files that hold the contracts it names (one file
 * for most faults): measured on the 63-fault catalogue, every contract is still caught, in about a third of the time
 * of running every file per fault. The table marks what failed among the files each fault ran.
 *
 * No verdict may pass on nothing: the empty-answer faults (`Fault.emptyAnswer`: empty lists, missing members, an
 * empty body) run every contract file, and every contract that reads data (ContractMeta.readsData, judged from the
 * baseline's results) must be caught by at least one of them. Those none catches are reported as `vacuous`.
 */

/**
 * The baseline runs the mock with the behaviour the assumed contracts describe switched on, so that every contract
 * passes and the "second default kept" fault (the mock's default) is a fault like the others.
 */
export const BASELINE_OPTIONS: MockOptions = { secondDefaultClearsFirst: true };

export interface FaultOutcome {
  name: string;
  description: string;
  caughtBy: string[];
  /** Contracts that passed on the baseline and failed with the fault. */
  caught: string[];
  /** Entries of `caughtBy` that no failing contract matched. */
  missing: string[];
  /** An empty-answer fault (run against every contract file; see `vacuous`). */
  emptyAnswer: boolean;
  ok: boolean;
}

export interface VariationOutcome {
  name: string;
  description: string;
  /** must/should contracts that failed (there must be none). */
  failures: { id: string; reason: string }[];
  ok: boolean;
}

export interface SelftestReport {
  ok: boolean;
  contracts: string[];
  baselineFailures: { id: string; reason: string }[];
  faults: FaultOutcome[];
  variations: VariationOutcome[];
  /** Contracts no fault catches. */
  uncaught: string[];
  /** Contracts that read data (readsData) and pass on the baseline, yet no empty-answer fault catches: they can pass on nothing. */
  vacuous: string[];
  durationMs: number;
}

function matches(entry: string, id: string): boolean {
  return entry.endsWith('*') ? id.startsWith(entry.slice(0, -1)) : id === entry;
}

/** Evaluates one fault run against the baseline's passing contracts. */
export function judgeFault({ fault, passing, results }: { fault: Fault; passing: ReadonlySet<string>; results: readonly CollectedResult[] }): FaultOutcome {
  const caught = results.filter((r) => r.status === 'fail' && passing.has(r.id)).map((r) => r.id).sort();
  const missing = fault.caughtBy.filter((entry) => !caught.some((id) => matches(entry, id)));
  return { name: fault.name, description: fault.description, caughtBy: fault.caughtBy, caught, missing, emptyAnswer: fault.emptyAnswer === true, ok: caught.length > 0 && missing.length === 0 };
}

/** The contracts that read data and passed on the baseline but that no empty-answer fault made fail, sorted. */
export function findVacuous({ baseline, faults }: { baseline: readonly CollectedResult[]; faults: readonly FaultOutcome[] }): string[] {
  const caught = new Set(faults.filter((f) => f.emptyAnswer).flatMap((f) => f.caught));
  return baseline.filter((r) => r.readsData && r.status === 'pass' && !caught.has(r.id)).map((r) => r.id).sort();
}

/** Renders the fault × contract table: one row per contract, one column per fault (legend below). */
export function formatSelftest({ report }: { report: SelftestReport }): string {
  const lines: string[] = [];
  const cols = report.faults.map((_, i) => `F${String(i + 1).padStart(2, '0')}`);
  const width = Math.max(...report.contracts.map((c) => c.length), 8);
  lines.push(
    'Self-test: fault x contract (x = the fault makes the contract fail; each fault runs the contract files holding the contracts it names, an empty-answer fault (E) every file)',
    '',
  );
  lines.push(`${'contract'.padEnd(width)} ${cols.map((c) => c.slice(1)).join(' ')}`);
  for (const id of report.contracts) {
    const marks = report.faults.map((f) => (f.caught.includes(id) ? ' x' : ' .'));
    const flags = [report.uncaught.includes(id) ? 'caught by no fault' : '', report.vacuous.includes(id) ? 'reads data, caught by no empty-answer fault' : ''].filter(Boolean);
    lines.push(`${id.padEnd(width)} ${marks.join(' ')}${flags.length > 0 ? `   <- ${flags.join('; ')}` : ''}`);
  }
  lines.push('', 'Faults:');
  report.faults.forEach((f, i) => {
    const status = f.ok ? 'caught' : f.caught.length === 0 ? 'NOT CAUGHT' : `missed by ${f.missing.join(', ')}`;
    lines.push(`  ${cols[i]}${f.emptyAnswer ? ' E' : ''} ${f.name}: ${status} (${f.caught.length} contracts) - ${f.description}`);
  });
  lines.push('', 'Benign variations (every must/should contract must pass):');
  for (const v of report.variations) {
    lines.push(`  ${v.ok ? 'ok  ' : 'FAIL'} ${v.name} - ${v.description}${v.ok ? '' : `: ${v.failures.map((f) => `${f.id} (${f.reason.slice(0, 160)})`).join('; ')}`}`);
  }
  if (report.vacuous.length > 0) {
    lines.push('', 'Vacuous contracts (they read data, yet pass against every empty-answer fault):');
    for (const id of report.vacuous) lines.push(`  ${id}`);
  }
  if (report.baselineFailures.length > 0) {
    lines.push('', 'Baseline failures (the reference implementation must pass everything):');
    for (const f of report.baselineFailures) lines.push(`  ${f.id}: ${f.reason.slice(0, 300)}`);
  }
  lines.push(
    '',
    `Self-test ${report.ok ? 'passed' : 'FAILED'}: ${report.faults.filter((f) => f.ok).length}/${report.faults.length} faults caught, ` +
      `${report.variations.filter((v) => v.ok).length}/${report.variations.length} variations clean, ` +
      `${report.contracts.length - report.uncaught.length}/${report.contracts.length} contracts catch a fault, ` +
      `${report.vacuous.length} data-reading contract(s) caught by no empty-answer fault (${(report.durationMs / 1000).toFixed(1)} s)`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `jobs` on the runners, each runner taking the next job when it is free (a vitest instance runs one run at a
 * time); results keep the jobs' order. Jobs not started once `interrupted()` holds are left out.
 */
async function onPool<J, R>({ runners, jobs, work, interrupted }: {
  runners: readonly ContractRunner[];
  jobs: readonly J[];
  work: (runner: ContractRunner, job: J) => Promise<R>;
  interrupted: () => boolean;
}): Promise<R[]> {
  const out: (R | undefined)[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    runners.map(async (runner) => {
      while (next < jobs.length && !interrupted()) {
        const i = next++;
        out[i] = await work(runner, jobs[i]);
      }
    }),
  );
  // An interrupt leaves a hole where a job never started: the report keeps the prefix that ran.
  const firstHole = out.findIndex((r) => r === undefined);
  return (firstHole === -1 ? out : out.slice(0, firstHole)) as R[];
}

/**
 * Runs the self-test and writes `selftest.json`. Several runners (vitest instances) run faults side by side: most
 * faults run one contract file, which keeps one worker busy, so a second runner uses the second core.
 */
export async function runSelftest({ runners, seed, reportsDir, newRunId, interrupted }: {
  runners: readonly ContractRunner[];
  seed: number;
  reportsDir: string;
  newRunId: () => string;
  interrupted: () => boolean;
}): Promise<{ ok: boolean; text: string; report: SelftestReport }> {
  if (runners.length === 0) throw new TypeError('runSelftest: expected at least one runner');
  const started = Date.now();
  const clockMs = Date.now();
  const runOn = (runner: ContractRunner, target: RunConfig['target'], areas?: string[]) =>
    runner.run({ config: { runId: newRunId(), seed, clockMs, target, optional: [] }, ...(areas ? { areas } : {}) });
  const run = (target: RunConfig['target'], areas?: string[]) => runOn(runners[0], target, areas);

  const baseline = await run({ kind: 'embedded', mockOptions: BASELINE_OPTIONS });
  const contracts = baseline.map((r) => r.id).sort();
  const passing = new Set(baseline.filter((r) => r.status === 'pass').map((r) => r.id));
  const baselineFailures = baseline.filter((r) => r.status !== 'pass').map((r) => ({ id: r.id, reason: `${r.status}: ${r.reason}` }));

  const areaOf = new Map(baseline.map((r) => [r.id, r.area]));
  const faults: FaultOutcome[] = await onPool({
    runners,
    jobs: FAULTS,
    interrupted,
    work: async (runner, fault) => {
      const areas = [...new Set(contracts.filter((id) => fault.caughtBy.some((entry) => matches(entry, id))).map((id) => areaOf.get(id)!))].sort();
      // A fault naming no known contract runs every file, so the judgement below reports what it names as missing; an
      // empty-answer fault runs every file, so that the vacuity rule sees every contract.
      const results = await runOn(runner, { kind: 'embedded', fault: fault.name, mockOptions: BASELINE_OPTIONS }, areas.length > 0 && !fault.emptyAnswer ? areas : undefined);
      return judgeFault({ fault, passing, results });
    },
  });
  const variations: VariationOutcome[] = await onPool({
    runners,
    jobs: VARIATIONS,
    interrupted,
    work: async (runner, variation) => {
      const results = await runOn(runner, { kind: 'embedded', variation: variation.name, mockOptions: BASELINE_OPTIONS });
      const failures = results.filter((r) => r.status !== 'pass' && r.level !== 'assumed').map((r) => ({ id: r.id, reason: `${r.status}: ${r.reason}` }));
      return { name: variation.name, description: variation.description, failures, ok: failures.length === 0 };
    },
  });
  const caughtAny = new Set(faults.flatMap((f) => f.caught));
  const uncaught = contracts.filter((id) => !caughtAny.has(id));
  const vacuous = findVacuous({ baseline, faults });
  const complete = faults.length === FAULTS.length && variations.length === VARIATIONS.length;
  const report: SelftestReport = {
    ok: complete && baselineFailures.length === 0 && faults.every((f) => f.ok) && variations.every((v) => v.ok) && uncaught.length === 0 && vacuous.length === 0,
    contracts,
    baselineFailures,
    faults,
    variations,
    uncaught,
    vacuous,
    durationMs: Date.now() - started,
  };
  await ensureDir({ dir: reportsDir });
  await writeFile(path.join(reportsDir, 'selftest.json'), `${JSON.stringify(report, null, 2)}\n`, 'utf8');
  return { ok: report.ok, text: formatSelftest({ report }), report };
}
