/**
 * The benchmark figures of `npm run bench`, each measured beside its floor in the same process or the same run, with
 * its settings for a quick and a full run. Each reuses the project's bounded measurement code and turns its
 * per-round figures into ratio samples (one per interleaved round).
 */
import { measureSpeed } from '../generators/bench.ts';
import { runInProcessBench } from '../harness/mock/bench.ts';
import { runHttpBench } from '../harness/mock/bench-http.ts';
import path from 'node:path';
import { runReplayBench } from '../harness/recording/bench.ts';
import { runSanitizeBench } from '../harness/recording/sanitize-bench.ts';
import { PACKAGE_ROOT } from '../harness/run/paths.ts';
import { runEngineBench, runOracleReadBench } from './calculated.ts';
import { runConformanceBench } from './conformance.ts';
import { buildRow, median, pairedRatios, reportRow, rowFromSummary, type BenchRow } from './report.ts';
import { runTestSuiteBench, TEST_SUITE_BUDGET_SECONDS } from './test-suite.ts';
import { runWireBench } from './wire.ts';
import { modelHistoryDir, runModelDiffBench, runTapeDriftBench } from './drift.ts';

export type Mode = 'quick' | 'full';

export interface Figure {
  /** The `--only` name. */
  name: string;
  /** What it measures, for `--help`. */
  title: string;
  /** Wall-clock budget per mode (ms): the figure stops starting rounds past it. The budgets add up to the run's. */
  budgetMs: Record<Mode, number>;
  /** Left out of `--quick` runs unless named with `--only` (it takes minutes whatever the mode). */
  fullOnly?: true;
  run(args: { mode: Mode; budgetMs: number; log: (line: string) => void }): Promise<BenchRow[]>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const SDK_FLOOR = 'SDK call through a canned in-process request handler';

export const FIGURES: Figure[] = [
  {
    name: 'replay',
    title: 'replay handler vs canned handler, per GetDomainLayout call',
    budgetMs: { quick: 6_000, full: 20_000 },
    async run({ mode, budgetMs }) {
      const r = await runReplayBench(mode === 'quick' ? { calls: 500, nockCalls: 30, rounds: 3, budgetMs } : { calls: 3000, nockCalls: 200, rounds: 7, budgetMs });
      return [
        buildRow({
          figure: 'replay, per call',
          floor: SDK_FLOOR,
          goal: '<= 1.5',
          samples: pairedRatios({ numerator: r.rounds.map((x) => x.replay), denominator: r.rounds.map((x) => x.canned) }),
          details: { cannedUsPerCall: round1(r.cannedUs), replayUsPerCall: round1(r.replayUs), nockUsPerCall: round1(r.nockUs), replayHandlerAloneUs: round1(r.handlerOnlyUs), callsPerRound: r.calls },
        }),
      ];
    },
  },
  {
    name: 'sanitize',
    title: 'sanitizer and scanner over the committed tapes (recordings/mock), MB/s and ms per pass',
    budgetMs: { quick: 8_000, full: 40_000 },
    async run({ mode, budgetMs, log }) {
      const r = runSanitizeBench({ dir: path.join(PACKAGE_ROOT, 'recordings', 'mock'), rounds: mode === 'quick' ? 1 : 5, budgetMs });
      if (r.changed > 0) log(`sanitize: the sanitizer changed ${r.changed} committed interaction(s); re-record them (npx tsx harness/recording/record-committed.ts)`);
      if (r.findings > 0) log(`sanitize: the scanner reported ${r.findings} finding(s) in the committed tapes; run test/recording/recordings-scan.test.ts`);
      const mb = r.bytes / 1e6;
      const label = `over the committed tapes (${r.files} tapes, ${mb.toFixed(1)} MB, ${r.interactions} interactions)`;
      const at = (k: 'sanitize' | 'scan' | 'floor') => r.rounds.map((x) => x[k]);
      const rate = (ms: number[]) => ms.map((x) => Math.round((mb / (x / 1000)) * 10) / 10);
      const details = { floorMsMedian: round1(median({ values: at('floor') })), floorMBps: round1(mb / (median({ values: at('floor') }) / 1000)), changedInteractions: r.changed, findings: r.findings };
      return [
        reportRow({ figure: `sanitizeTape ${label}`, unit: 'MB/s', values: rate(at('sanitize')), details: { ...details, timesFloor: Math.round(median({ values: pairedRatios({ numerator: at('sanitize'), denominator: at('floor') }) }) * 10) / 10 } }),
        reportRow({ figure: `sanitizeTape ${label}`, unit: 'ms', values: at('sanitize').map(round1) }),
        reportRow({ figure: `scanFile ${label}`, unit: 'MB/s', values: rate(at('scan')), details: { ...details, timesFloor: Math.round(median({ values: pairedRatios({ numerator: at('scan'), denominator: at('floor') }) }) * 10) / 10 } }),
        reportRow({ figure: `scanFile ${label}`, unit: 'ms', values: at('scan').map(round1) }),
      ];
    },
  },
  {
    name: 'embedded',
    title: 'embedded reference implementation vs canned handler, per GetDomainLayout call',
    budgetMs: { quick: 6_000, full: 20_000 },
    async run({ mode, budgetMs }) {
      const r = await runInProcessBench(mode === 'quick' ? { calls: 500, rounds: 3, budgetMs } : { calls: 3000, rounds: 7, budgetMs });
      return [
        buildRow({
          figure: 'embedded reference implementation, per call',
          floor: SDK_FLOOR,
          goal: '<= 2',
          samples: pairedRatios({ numerator: r.rounds.map((x) => x.mock), denominator: r.rounds.map((x) => x.canned) }),
          details: { cannedUsPerCall: round1(r.cannedUs), embeddedUsPerCall: round1(r.mockUs), viaFetchUsPerCall: round1(r.fetchUs), responseBytes: r.responseBytes },
        }),
      ];
    },
  },
  {
    name: 'wire',
    title: 'replay call with wire validation attached vs without',
    budgetMs: { quick: 6_000, full: 25_000 },
    async run({ mode, budgetMs, log }) {
      const r = await runWireBench(mode === 'quick' ? { calls: 400, rounds: 5, budgetMs } : { calls: 2000, rounds: 15, budgetMs });
      if (r.violations > 0) log(`wire: the validator reported ${r.violations} violation(s) on the tape's responses; the figure still counts their cost`);
      const plain = r.rounds.map((x) => x.plain);
      const validated = r.rounds.map((x) => x.validated);
      return [
        buildRow({
          figure: 'wire validation, per response',
          floor: 'a replay call without validation',
          goal: '<= 1.05',
          samples: pairedRatios({ numerator: validated, denominator: plain }),
          details: {
            plainUsPerCall: round1(median({ values: plain })),
            validatedUsPerCall: round1(median({ values: validated })),
            captureOnlyRatio: Math.round(median({ values: pairedRatios({ numerator: r.rounds.map((x) => x.captured), denominator: plain }) }) * 1000) / 1000,
            responseBytes: r.responseBytes,
            callsPerRound: r.calls,
            violations: r.violations,
          },
        }),
      ];
    },
  },
  {
    name: 'generator',
    title: 'T&H generators vs a plain seeded Faker loop with the same number of fields',
    budgetMs: { quick: 8_000, full: 30_000 },
    async run({ mode, budgetMs }) {
      const r = measureSpeed(mode === 'quick' ? { profilesPerSample: 500, samples: 3, budgetMs } : { profilesPerSample: 2000, samples: 7, budgetMs });
      return [
        rowFromSummary({
          figure: 'generator, objects/s',
          floor: 'plain seeded Faker loop with the same number of fields',
          goal: '>= 0.7',
          summary: { samples: r.samples, min: r.min, median: r.median, max: r.max },
          details: { fieldsPerObject: r.fieldsPerObject, generatorFieldsPerSec: Math.round(r.oursFieldsPerSec), plainLoopFieldsPerSec: Math.round(r.baselineFieldsPerSec) },
        }),
      ];
    },
  },
  {
    name: 'http',
    title: 'standalone server vs bare node:http, GetDomainLayout over 32 keep-alive connections',
    budgetMs: { quick: 10_000, full: 40_000 },
    async run({ mode, budgetMs }) {
      const r = await runHttpBench(mode === 'quick' ? { requests: 1000, rounds: 3, budgetMs } : { requests: 3000, rounds: 5, budgetMs });
      return [
        buildRow({
          figure: 'standalone reference server, GetDomainLayout, 32 keep-alive connections',
          floor: 'bare node:http server returning the same bytes',
          goal: '>= 0.5',
          samples: pairedRatios({ numerator: r.rounds.map((x) => x.mock), denominator: r.rounds.map((x) => x.bare) }),
          details: { serverRps: Math.round(r.mockRps), bareRps: Math.round(r.bareRps), serverCpuUsPerRequest: round1(r.mockCpuUs), bareCpuUsPerRequest: round1(r.bareCpuUs), requestsPerRound: r.requestsPerRound, responseBytes: r.responseBytes },
        }),
      ];
    },
  },
  {
    name: 'conformance',
    title: 'full conformance run against the embedded implementation vs a vitest run of one trivial test, wall time',
    budgetMs: { quick: 12_000, full: 50_000 },
    async run({ mode, budgetMs, log }) {
      const r = await runConformanceBench(mode === 'quick' ? { rounds: 1, budgetMs } : { rounds: 5, budgetMs });
      if (r.failingRuns > 0) log(`conformance: ${r.failingRuns} run(s) exited 1 (a contract failed); their wall time still counts`);
      const conformance = r.rounds.map((x) => x.conformance);
      const trivial = r.rounds.map((x) => x.trivial);
      return [
        buildRow({
          figure: 'full conformance run against the embedded implementation, wall time',
          floor: 'vitest run of one trivial test',
          goal: '<= 5',
          samples: pairedRatios({ numerator: conformance, denominator: trivial }),
          details: { conformanceSecondsMedian: round1(median({ values: conformance })), trivialVitestSecondsMedian: round1(median({ values: trivial })), failingRuns: r.failingRuns },
        }),
      ];
    },
  },
  {
    name: 'calculated',
    title: 'calculated attributes at scale: engine read vs oracle recompute; ingest objects/s, read p50/p99, peak RSS',
    budgetMs: { quick: 15_000, full: 45_000 },
    async run({ mode, budgetMs, log }) {
      const scale = mode === 'quick' ? { objects: 100_000, profiles: 1_000 } : { objects: 1_000_000, profiles: 10_000 };
      const label = `calculated attributes (${scale.objects >= 1e6 ? `${scale.objects / 1e6}M` : `${scale.objects / 1e3}k`} objects, ${scale.profiles / 1e3}k profiles, 8 definitions)`;
      // The engine benchmark's own budget: generous, so a loaded machine slows it down rather than cutting it short.
      const engine = await runEngineBench({ ...scale, budgetSeconds: mode === 'quick' ? 30 : 90, timeoutMs: 180_000 });
      if (engine.stoppedEarly) log(`calculated: the engine benchmark stopped after ${engine.objects} objects, over its budget`);
      const reads = runOracleReadBench({ ...scale, rounds: mode === 'quick' ? 3 : 7, budgetMs: budgetMs / 3 });
      if (reads.disagreements > 0) log(`calculated: the engine and the oracle disagree on ${reads.disagreements} of ${reads.pairs} sampled values; run the differential test`);
      const ratio = (o: keyof OracleRound, e: keyof OracleRound) => pairedRatios({ numerator: reads.rounds.map((x) => x[o]), denominator: reads.rounds.map((x) => x[e]) });
      type OracleRound = (typeof reads.rounds)[number];
      const medianOf = (k: keyof OracleRound) => round1(median({ values: reads.rounds.map((x) => x[k]) }));
      const floor = `oracle recomputing from the profile's ~${reads.objectsPerSampledProfile} objects`;
      const part = engine.stoppedEarly ? ` (stopped at ${engine.objects} objects)` : '';
      return [
        buildRow({
          figure: `${label}: read, all 8 definitions`,
          floor,
          goal: '>= 50',
          samples: ratio('oracle', 'engine'),
          details: { oracleUsPerValue: medianOf('oracle'), engineUsPerValue: medianOf('engine'), sampledValues: reads.pairs, disagreements: reads.disagreements },
        }),
        buildRow({
          figure: `${label}: read, 6 kept incrementally`,
          floor,
          goal: '>= 50',
          samples: ratio('oracleKept', 'engineKept'),
          details: { oracleUsPerValue: medianOf('oracleKept'), engineUsPerValue: medianOf('engineKept') },
        }),
        buildRow({
          figure: `${label}: read, 2 windowed (Range, ObjectCount)`,
          floor,
          goal: '>= 50',
          samples: ratio('oracleScanned', 'engineScanned'),
          details: { oracleUsPerValue: medianOf('oracleScanned'), engineUsPerValue: medianOf('engineScanned') },
        }),
        reportRow({ figure: `${label}: ingest${part}`, unit: 'objects/s', values: [engine.objectsPerSecond] }),
        reportRow({ figure: `${label}: read p50, kept`, unit: 'µs', values: [engine.readUnwindowedMicros.p50], details: { p99: engine.readUnwindowedMicros.p99, reads: engine.readUnwindowedMicros.samples } }),
        reportRow({ figure: `${label}: read p99, kept`, unit: 'µs', values: [engine.readUnwindowedMicros.p99] }),
        reportRow({ figure: `${label}: read p50, windowed`, unit: 'µs', values: [engine.readWindowedMicros.p50], details: { p99: engine.readWindowedMicros.p99, reads: engine.readWindowedMicros.samples } }),
        reportRow({ figure: `${label}: read p99, windowed`, unit: 'µs', values: [engine.readWindowedMicros.p99] }),
        reportRow({ figure: `${label}: peak RSS`, unit: 'MiB', values: [engine.peakRssMiB] }),
      ];
    },
  },
  {
    name: 'drift',
    title: 'cpct drift of recordings/mock against a fresh re-record (quick: against itself), wall time',
    budgetMs: { quick: 8_000, full: 90_000 },
    async run({ mode, budgetMs, log }) {
      const r = await runTapeDriftBench({ fresh: mode === 'full', rounds: mode === 'quick' ? 2 : 5, budgetMs });
      if (r.recordSeconds !== undefined) log(`drift: re-recorded the suite from the embedded implementation in ${r.recordSeconds.toFixed(1)} s (not counted)`);
      const against = mode === 'full' ? 'a fresh re-record' : 'itself';
      const seconds = r.rounds.map((x) => x.work + x.load);
      return [
        buildRow({ figure: `drift of recordings/mock against ${against}, load and compare, seconds`, floor: 'one second (the goal is absolute)', goal: '<= 5', samples: seconds, details: { pairs: r.pairs, differences: r.differences } }),
        buildRow({ figure: `drift of recordings/mock against ${against}: compare`, floor: 'loading and validating both tape sets', goal: 'report', samples: pairedRatios({ numerator: r.rounds.map((x) => x.work), denominator: r.rounds.map((x) => x.load) }), details: { compareSecondsMedian: Math.round(median({ values: r.rounds.map((x) => x.work) }) * 100) / 100, loadSecondsMedian: Math.round(median({ values: r.rounds.map((x) => x.load) }) * 100) / 100 } }),
      ];
    },
  },
  {
    name: 'specs-diff',
    title: 'specs:diff of two full released models (2025-05-20 -> 2025-07-03) with the schema-file impact, wall time',
    budgetMs: { quick: 5_000, full: 15_000 },
    async run({ mode, budgetMs, log }) {
      const dir = modelHistoryDir({ env: process.env });
      const r = runModelDiffBench({ from: path.join(dir, 'customer-profiles-2025-05-20.smithy.json'), to: path.join(dir, 'customer-profiles-2025-07-03.smithy.json'), rounds: mode === 'quick' ? 3 : 7, budgetMs });
      if (!r) {
        log(`specs-diff: no released models in ${dir} (set CPCT_MODEL_HISTORY to a folder with customer-profiles-2025-05-20 and -2025-07-03.smithy.json); figure skipped`);
        return [];
      }
      const seconds = r.rounds.map((x) => x.work);
      return [
        buildRow({ figure: 'specs:diff of two full models, read, diff and schema impact, seconds', floor: 'one second (the goal is absolute)', goal: '<= 3', samples: seconds, details: { operationsChanged: r.changed } }),
        buildRow({ figure: 'specs:diff of two full models', floor: 'reading and parsing both model files', goal: 'report', samples: pairedRatios({ numerator: seconds, denominator: r.rounds.map((x) => x.load) }) }),
      ];
    },
  },
  {
    name: 'npmtest',
    title: '`npm test` (type check and the unit project under coverage), wall time against the 3-minute budget',
    budgetMs: { quick: 900_000, full: 900_000 },
    fullOnly: true,
    async run({ budgetMs, log }) {
      const r = await runTestSuiteBench({ timeoutMs: budgetMs });
      if (r.exitCode !== 0) log(`npmtest: npm test exited ${r.exitCode}; its time still counts: ${r.tail.trim().split('\n').slice(-3).join(' | ')}`);
      return [
        buildRow({
          figure: '`npm test`, wall time',
          floor: `${TEST_SUITE_BUDGET_SECONDS} s (the budget)`,
          goal: '<= 1',
          samples: [r.seconds / TEST_SUITE_BUDGET_SECONDS],
          details: { seconds: round1(r.seconds), exitCode: r.exitCode },
        }),
      ];
    },
  },
];
