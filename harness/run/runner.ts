import path from 'node:path';
import { Writable } from 'node:stream';
import { BaseSequencer, createVitest, type Vitest } from 'vitest/node';
import type { Reporter, TestSpecification } from 'vitest/node';
import { UsageError } from '../errors.ts';
import { RUN_CONFIG_KEY, type RunConfig } from './config.ts';
import { createCollector } from './collector.ts';
import type { Shard } from './options.ts';
import { SILENT_PROGRESS, type ProgressListener } from './progress.ts';
import { PACKAGE_ROOT, VITEST_CONFIG } from './paths.ts';
import type { CollectedResult } from './report.ts';

/** Most of vitest's own output kept for diagnosis when the harness itself fails (it never reaches stdout). */
const KEPT_OUTPUT_CHARS = 20_000;

/** Runs the contract suites; one vitest instance serves many runs (the self-test runs it once per fault). */
export interface ContractRunner {
  /**
   * Runs every contract file (of the shard, when the runner has one) with `config` provided to the workers, and
   * returns one result per contract; `progress` hears about each file and contract as they finish. `areas` (file
   * names without `.contract.ts`) runs only those files.
   */
  run(args: { config: RunConfig; progress?: ProgressListener; areas?: readonly string[] }): Promise<CollectedResult[]>;
  /** Asks the current run to stop: running contracts finish, the rest are reported as skipped. */
  cancel(): Promise<void>;
  /** vitest's own output so far (tail), for diagnosing a harness failure. */
  output(): string;
  close(): Promise<void>;
}

/** A sink that keeps the tail of what vitest writes. */
function tailSink(): { stream: Writable; text: () => string } {
  let kept = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      kept = (kept + String(chunk)).slice(-KEPT_OUTPUT_CHARS);
      done();
    },
  });
  return { stream, text: () => kept };
}

/**
 * Creates the runner over the package's "contracts" vitest project; `grep` filters contracts by "<id> <title>".
 * With `shard`, vitest runs only that part of the contract files and its blob reporter writes `blobFile`, which
 * `mergeContractBlobs` reads back.
 */
export async function createContractRunner({ grep, shard, blobFile }: { grep?: RegExp; shard?: Shard; blobFile?: string } = {}): Promise<ContractRunner> {
  if (shard && !blobFile) throw new TypeError('createContractRunner: a shard needs a blobFile');
  const collector = createCollector({ grep });
  const sink = tailSink();
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const vitest: Vitest = await createVitest(
    'test',
    {
      config: VITEST_CONFIG,
      root: PACKAGE_ROOT,
      project: ['contracts'],
      watch: false,
      // Threads: a terminal's Ctrl-C reaches the process group, and in-process workers leave it to the CLI, which
      // cancels the run and cleans up. Contract files share nothing at module level, so one module cache per worker
      // is safe; it saves loading the SDK, the mock and the schemas per file and per run.
      pool: 'threads',
      isolate: false,
      // vitest's default on a 2-core machine is one worker; the four contract files gain from two.
      maxWorkers: 2,
      // vitest keeps each contract file's transformed modules on disk between runs (keyed by their content), so a run
      // does not transform the harness, the mock and the generators again: measured here, 6.2-6.3 s -> 5.2-5.7 s.
      experimental: { fsModuleCache: true },
      reporters: shard ? [collector.reporter, ['blob', { outputFile: blobFile }]] : [collector.reporter],
      testNamePattern: grep,
      ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
    },
    {},
    { stdout: sink.stream, stderr: sink.stream },
  );
  // vitest's logger exits the process on SIGINT / SIGTERM; the CLI cancels the run and cleans up itself instead.
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.off(signal, listener);
  }
  // Reporters hear onInit only from start() / standalone(); the blob reporter needs it (the collector does not).
  if (shard) await vitest.standalone();
  let specs: TestSpecification[] | undefined;
  return {
    async run({ config, progress = SILENT_PROGRESS, areas }) {
      specs ??= await vitest.globTestSpecifications();
      const chosen = areas ? specs.filter((spec) => areas.includes(path.basename(spec.moduleId).replace(/\.contract\.ts$/, ''))) : specs;
      if (shard && shard.count > specs.length) {
        throw new UsageError({ component: 'cpct', expected: `--shard I/N with N at most the number of contract files (${specs.length})`, seen: `--shard ${shard.index}/${shard.count}`, action: `use at most ${specs.length} parts` });
      }
      // vitest shards inside its pool; the same split here only tells the progress how many files this part runs.
      const files = shard ? (await new BaseSequencer(vitest).shard(chosen)).length : chosen.length;
      vitest.provide(RUN_CONFIG_KEY, config);
      collector.listen({ progress });
      progress.start({ files });
      try {
        await vitest.runTestSpecifications(chosen, true);
      } finally {
        progress.stop();
        collector.listen({ progress: SILENT_PROGRESS });
      }
      return collector.results();
    },
    cancel: () => vitest.cancelCurrentRun('keyboard-input'),
    output: () => sink.text(),
    close: () => vitest.close(),
  };
}

/**
 * Replays the blob reports in `dir` (written by sharded runs) through vitest's merge and returns one result per
 * contract, as if the parts had run as one; `grep` is the parts' --grep.
 */
export async function mergeContractBlobs({ dir, grep }: { dir: string; grep?: RegExp }): Promise<{ results: CollectedResult[]; output: string }> {
  // The parts' --grep: contracts it left out were skipped by vitest and must not come back as "not run".
  const collector = createCollector({ grep });
  const sink = tailSink();
  const vitest = await createVitest(
    'test',
    { config: VITEST_CONFIG, root: PACKAGE_ROOT, project: ['contracts'], watch: false, reporters: [collector.reporter as Reporter], mergeReports: dir },
    {},
    { stdout: sink.stream, stderr: sink.stream },
  );
  try {
    await vitest.mergeReports(dir);
    return { results: collector.results(), output: sink.text() };
  } finally {
    await vitest.close();
  }
}
