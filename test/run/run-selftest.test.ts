import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FAULTS } from '../../harness/mock/faults/catalogue.ts';
import { VARIATIONS } from '../../harness/mock/faults/variations.ts';
import type { RunConfig } from '../../harness/run/config.ts';
import type { CollectedResult } from '../../harness/run/report.ts';
import type { ContractRunner } from '../../harness/run/runner.ts';
import { BASELINE_OPTIONS, runSelftest, type SelftestReport } from '../../harness/run/selftest.ts';

/**
 * runSelftest's orchestration with a scripted runner instead of vitest (test/faults/selftest.integ.test.ts runs the
 * real one): one run per fault and per variation of the catalogue, judged against the baseline.
 */

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** One contract id per catalogue entry: the entry itself, or `<prefix>X` for a prefix entry (`WIRE-OK-*`). */
const idOf = (entry: string) => (entry.endsWith('*') ? `${entry.slice(0, -1)}X` : entry);
const CONTRACTS = [...new Set(FAULTS.flatMap((f) => f.caughtBy.map(idOf)))].sort();
/** Whether a caughtBy entry names `id` (itself, or a prefix ending in `*`). */
const named = (entry: string, id: string) => (entry.endsWith('*') ? id.startsWith(entry.slice(0, -1)) : id === entry);
/** The contracts an empty-answer fault names: the scripted runner says these read data, the others only check errors. */
const DATA_READERS = new Set(FAULTS.filter((f) => f.emptyAnswer).flatMap((f) => f.caughtBy.map(idOf)));

const result = (id: string, status: CollectedResult['status'], level: CollectedResult['level'] = 'must', readsData = DATA_READERS.has(id)): CollectedResult => ({
  id, status, level, title: id, area: `area-of-${id}`, operations: [], source: 's', evidence: [], readsData, warnings: [], reason: status === 'pass' ? '' : `${id} ${status}`, durationMs: 1,
});

/**
 * A runner whose faults make exactly their named catchers fail; `spoil` changes the results of one run (by target
 * label) to script a miss. Records the target and the contract files (areas) of every run.
 */
function scriptedRunner({ spoil }: { spoil?: (label: string, results: CollectedResult[]) => CollectedResult[] } = {}) {
  const targets: RunConfig['target'][] = [];
  const areas: (readonly string[] | undefined)[] = [];
  const runner: ContractRunner = {
    async run({ config, areas: files }) {
      targets.push(config.target);
      areas.push(files);
      const t = config.target as { fault?: string; variation?: string };
      const failing = new Set(t.fault ? FAULTS.find((f) => f.name === t.fault)!.caughtBy.map(idOf) : []);
      const results = CONTRACTS.map((id) => result(id, failing.has(id) ? 'fail' : 'pass'));
      const label = t.fault ?? t.variation ?? 'baseline';
      return spoil ? spoil(label, results) : results;
    },
    cancel: async () => {},
    output: () => '',
    close: async () => {},
  };
  return { runner, targets, areas };
}

describe('runSelftest', () => {
  it('returns the same report from two runners sharing the faults as from one, faults in catalogue order, both runners used', async () => {
    const one = scriptedRunner();
    const firstDir = mkdtempSync(path.join(os.tmpdir(), 'cpct-selftest-'));
    dirs.push(firstDir);
    const first = await runSelftest({ runners: [one.runner], seed: 9, reportsDir: firstDir, newRunId: () => 'r', interrupted: () => false });
    const a = scriptedRunner();
    const b = scriptedRunner();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cpct-selftest-'));
    dirs.push(dir);
    const shared = await runSelftest({ runners: [a.runner, b.runner], seed: 9, reportsDir: dir, newRunId: () => 'r', interrupted: () => false });
    expect(shared.report.faults.map((f) => f.name)).toEqual(FAULTS.map((f) => f.name));
    expect({ ...shared.report, durationMs: 0 }).toEqual({ ...first.report, durationMs: 0 });
    expect(a.targets.length).toBeGreaterThan(1);
    expect(b.targets.length).toBeGreaterThan(0);
    expect(a.targets.length + b.targets.length).toBe(1 + FAULTS.length + VARIATIONS.length);
  });

  it('returns ok and writes selftest.json given a runner where every fault is caught by its named contracts and every variation passes', async () => {
    const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'cpct-selftest-'));
    dirs.push(reportsDir);
    const { runner, targets, areas } = scriptedRunner();
    let ids = 0;
    const outcome = await runSelftest({ runners: [runner], seed: 9, reportsDir, newRunId: () => `run${++ids}`, interrupted: () => false });
    expect(targets).toEqual([
      { kind: 'embedded', mockOptions: BASELINE_OPTIONS },
      ...FAULTS.map((f) => ({ kind: 'embedded', fault: f.name, mockOptions: BASELINE_OPTIONS })),
      ...VARIATIONS.map((v) => ({ kind: 'embedded', variation: v.name, mockOptions: BASELINE_OPTIONS })),
    ]);
    expect(ids).toBe(1 + FAULTS.length + VARIATIONS.length);
    // An empty-answer fault runs every contract file; any other only the files of the contracts it names.
    FAULTS.forEach((f, i) => {
      if (f.emptyAnswer) expect(areas[1 + i], f.name).toBeUndefined();
      else expect(areas[1 + i], f.name).toEqual([...new Set(CONTRACTS.filter((id) => f.caughtBy.some((entry) => named(entry, id))).map((id) => `area-of-${id}`))].sort());
    });
    expect(outcome.ok).toBe(true);
    const written = JSON.parse(readFileSync(path.join(reportsDir, 'selftest.json'), 'utf8')) as SelftestReport;
    expect(written).toEqual(outcome.report);
    expect(written.contracts).toEqual(CONTRACTS);
    expect(written.uncaught).toEqual([]);
    expect(written.vacuous).toEqual([]);
    expect(written.faults.every((f) => f.ok && f.missing.length === 0)).toBe(true);
    expect(written.faults.filter((f) => f.emptyAnswer).map((f) => f.name)).toEqual(FAULTS.filter((f) => f.emptyAnswer).map((f) => f.name));
    expect(outcome.text).toContain(`Self-test passed: ${FAULTS.length}/${FAULTS.length} faults caught, ${VARIATIONS.length}/${VARIATIONS.length} variations clean, ${CONTRACTS.length}/${CONTRACTS.length} contracts catch a fault`);
  });

  it('returns not ok naming the baseline failure, the missed catcher, the failing variation and the uncaught contract', async () => {
    const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'cpct-selftest-'));
    dirs.push(reportsDir);
    const [first] = FAULTS;
    const missed = idOf(first.caughtBy[0]);
    const variation = VARIATIONS[0].name;
    const { runner } = scriptedRunner({
      spoil: (label, results) => {
        if (label === 'baseline') return [...results, result('EXTRA-01', 'pass'), result('BROKEN-01', 'fail')];
        if (label === first.name) return results.map((r) => (r.id === missed ? result(r.id, 'pass') : r));
        if (label === variation) return [...results.map((r) => (r.id === CONTRACTS[0] ? result(r.id, 'fail') : r)), result('ASSUMED-01', 'fail', 'assumed')];
        return results;
      },
    });
    const outcome = await runSelftest({ runners: [runner], seed: 1, reportsDir, newRunId: () => 'r', interrupted: () => false });
    expect(outcome.ok).toBe(false);
    expect(outcome.report.baselineFailures).toEqual([{ id: 'BROKEN-01', reason: 'fail: BROKEN-01 fail' }]);
    const judged = outcome.report.faults.find((f) => f.name === first.name)!;
    expect(judged.missing).toEqual([first.caughtBy[0]]);
    expect(judged.ok).toBe(false);
    // Assumed contracts may fail under a variation; must and should may not.
    expect(outcome.report.variations.find((v) => v.name === variation)!.failures).toEqual([{ id: CONTRACTS[0], reason: `fail: ${CONTRACTS[0]} fail` }]);
    expect(outcome.report.uncaught).toEqual(['BROKEN-01', 'EXTRA-01']);
    expect(outcome.text).toContain('Baseline failures (the reference implementation must pass everything):');
    expect(outcome.text).toMatch(/^EXTRA-01 .*<- caught by no fault$/m);
    expect(outcome.text).toContain('Self-test FAILED');
  });

  it('returns not ok naming it as vacuous given a contract that reads data and that only a fault with data catches', async () => {
    const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'cpct-selftest-'));
    dirs.push(reportsDir);
    const reader = CONTRACTS.find((id) => !DATA_READERS.has(id))!;
    const { runner } = scriptedRunner({ spoil: (label, results) => (label === 'baseline' ? results.map((r) => (r.id === reader ? result(r.id, 'pass', 'must', true) : r)) : results) });
    const outcome = await runSelftest({ runners: [runner], seed: 1, reportsDir, newRunId: () => 'r', interrupted: () => false });
    expect(outcome.report.uncaught).toEqual([]);
    expect(outcome.report.faults.every((f) => f.ok)).toBe(true);
    expect(outcome.report.vacuous).toEqual([reader]);
    expect(outcome.ok).toBe(false);
    expect(JSON.parse(readFileSync(path.join(reportsDir, 'selftest.json'), 'utf8')).vacuous).toEqual([reader]);
    expect(outcome.text).toMatch(new RegExp(`^${reader} .*<- reads data, caught by no empty-answer fault$`, 'm'));
    expect(outcome.text).toContain('1 data-reading contract(s) caught by no empty-answer fault');
    expect(outcome.text).toContain('Self-test FAILED');
  });

  it('stops after the fault being run and returns not ok given an interrupt', async () => {
    const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'cpct-selftest-'));
    dirs.push(reportsDir);
    const { runner, targets } = scriptedRunner();
    const outcome = await runSelftest({ runners: [runner], seed: 1, reportsDir, newRunId: () => 'r', interrupted: () => targets.length >= 2 });
    expect(targets).toHaveLength(2);
    expect(outcome.report.faults).toHaveLength(1);
    expect(outcome.report.variations).toEqual([]);
    expect(outcome.ok).toBe(false);
  });
});
