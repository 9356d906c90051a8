/**
 * Drift figures: `cpct drift` of the committed recordings/mock against a fresh re-record (the whole suite recorded
 * from the embedded reference implementation with another run id and clock; in a quick run, against itself), and
 * `specs:diff` of two full released models. Each round times the comparison and, as its floor, loading the same
 * input (tapes read and validated; models read and parsed). Bounded in rounds and time.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compareTapeSets } from '../harness/drift/compare.ts';
import { recordEmbedded } from '../harness/drift/record-embedded.ts';
import { DEFAULT_RULES } from '../harness/drift/rules.ts';
import { loadTapeSet } from '../harness/drift/tape-set.ts';
import { createContractRunner } from '../harness/run/runner.ts';
import { PACKAGE_ROOT } from '../harness/run/paths.ts';
import { readModel } from '../specs/lib/build.ts';
import { diffModels, modelImpact } from '../specs/lib/model-diff.ts';

export interface TimedRound {
  /** The figure, seconds. */
  work: number;
  /** Loading the same input, seconds. */
  load: number;
}

/** Drift of recordings/mock against `fresh` (or itself): each round loads both sides and compares them. */
export async function runTapeDriftBench({ fresh, rounds, budgetMs }: { fresh: boolean; rounds: number; budgetMs: number }): Promise<{ rounds: TimedRound[]; differences: number; pairs: number; recordSeconds?: number }> {
  const committed = path.join(PACKAGE_ROOT, 'recordings', 'mock');
  let other = committed;
  let tmp: string | undefined;
  let recordSeconds: number | undefined;
  if (fresh) {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'cpct-bench-drift-'));
    const runner = await createContractRunner();
    const t = performance.now();
    try {
      await recordEmbedded({ runner, dir: tmp, seed: 1, clockMs: Date.now(), runId: 'b0b0b0b0' });
    } finally {
      await runner.close();
    }
    recordSeconds = (performance.now() - t) / 1000;
    other = path.join(tmp, 'mock');
  }
  try {
    const out: TimedRound[] = [];
    let differences = 0;
    let pairs = 0;
    const started = performance.now();
    for (let i = 0; i < rounds && (i === 0 || performance.now() - started < budgetMs); i++) {
      let t = performance.now();
      loadTapeSet({ dir: committed, label: 'a' });
      loadTapeSet({ dir: other, label: 'b' });
      const load = (performance.now() - t) / 1000;
      t = performance.now();
      const report = compareTapeSets({ a: loadTapeSet({ dir: committed, label: 'a' }), b: loadTapeSet({ dir: other, label: 'b' }), rules: DEFAULT_RULES });
      out.push({ work: (performance.now() - t) / 1000, load });
      differences = report.differences.length;
      pairs = report.pairs;
    }
    return { rounds: out, differences, pairs, ...(recordSeconds !== undefined ? { recordSeconds } : {}) };
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}

/** Released models for the specs:diff figure: CPCT_MODEL_HISTORY, else the folder beside the project (absent on most machines). */
export function modelHistoryDir({ env }: { env: Readonly<Record<string, string | undefined>> }): string {
  return env.CPCT_MODEL_HISTORY ?? path.resolve(PACKAGE_ROOT, '..', 'shared', 'models', 'history');
}

/** specs:diff of two full models (read, diff, and the schema-file impact): each round against reading and parsing them. */
export function runModelDiffBench({ from, to, rounds, budgetMs }: { from: string; to: string; rounds: number; budgetMs: number }): { rounds: TimedRound[]; changed: number } | undefined {
  if (!existsSync(from) || !existsSync(to)) return undefined;
  const out: TimedRound[] = [];
  let changed = 0;
  const started = performance.now();
  for (let i = 0; i < rounds && (i === 0 || performance.now() - started < budgetMs); i++) {
    let t = performance.now();
    readModel({ file: from });
    readModel({ file: to });
    const load = (performance.now() - t) / 1000;
    t = performance.now();
    const before = readModel({ file: from });
    const after = readModel({ file: to });
    const diff = diffModels({ before, after });
    modelImpact({ diff, before, after, contracts: [], register: new Map(), tapes: [] });
    out.push({ work: (performance.now() - t) / 1000, load });
    changed = diff.operationsChanged.length;
  }
  return { rounds: out, changed };
}
