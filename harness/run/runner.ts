import { Writable } from 'node:stream';
import { createVitest, type Vitest } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';
import { RUN_CONFIG_KEY, type RunConfig } from './config.ts';
import { createCollector } from './collector.ts';
import { PACKAGE_ROOT, VITEST_CONFIG } from './paths.ts';
import type { CollectedResult } from './report.ts';

/** Most of vitest's own output kept for diagnosis when the harness itself fails (it never reaches stdout). */
const KEPT_OUTPUT_CHARS = 20_000;

/** Runs the contract suites; one vitest instance serves many runs (the self-test runs it once per fault). */
export interface ContractRunner {
  /** Runs every contract file with `config` provided to the workers, and returns one result per contract. */
  run(args: { config: RunConfig }): Promise<CollectedResult[]>;
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

/** Creates the runner over the package's "contracts" vitest project; `grep` filters contracts by "<id> <title>". */
export async function createContractRunner({ grep }: { grep?: RegExp } = {}): Promise<ContractRunner> {
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
      reporters: [collector.reporter],
      testNamePattern: grep,
    },
    {},
    { stdout: sink.stream, stderr: sink.stream },
  );
  // vitest's logger exits the process on SIGINT / SIGTERM; the CLI cancels the run and cleans up itself instead.
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.off(signal, listener);
  }
  let specs: TestSpecification[] | undefined;
  return {
    async run({ config }) {
      specs ??= await vitest.globTestSpecifications();
      vitest.provide(RUN_CONFIG_KEY, config);
      await vitest.runTestSpecifications(specs, true);
      return collector.results();
    },
    cancel: () => vitest.cancelCurrentRun('keyboard-input'),
    output: () => sink.text(),
    close: () => vitest.close(),
  };
}
