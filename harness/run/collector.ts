import path from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { ContractMeta } from '../contracts/meta.ts';
import type { ProgressListener } from './progress.ts';
import { SILENT_PROGRESS } from './progress.ts';
import type { CollectedResult } from './report.ts';

interface ErrorLike {
  message?: string;
  name?: string;
  cause?: ErrorLike;
  expected?: unknown;
  actual?: unknown;
}

/** The harness's own failure (a file that did not load, an unhandled error): reported as a failed `must` result. */
function harnessFailure({ id, title, area, error }: { id: string; title: string; area: string; error: ErrorLike }): CollectedResult {
  return { id, title, area, operations: [], level: 'must', source: 'harness', evidence: [], readsData: false, status: 'fail', reason: messageOf(error), warnings: [], durationMs: 0 };
}

function messageOf(error: ErrorLike | undefined): string {
  if (!error) return 'failed without an error';
  const name = error.name && error.name !== 'Error' && error.name !== 'AssertionError' && error.name !== 'ContractViolation' ? `${error.name}: ` : '';
  const cause = error.cause?.message ? ` (cause: ${messageOf(error.cause)})` : '';
  return `${name}${error.message ?? String(error)}${cause}`.trim();
}

/** vitest stringifies `expected` / `actual` for its diffs; strings come back quoted. */
function unquote(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value);
  return /^".*"$/s.test(text) ? text.slice(1, -1) : text;
}

function areaOfModule(module: TestModule): string {
  return path.basename(module.moduleId).replace(/\.contract\.ts$/, '');
}

/** Turns one finished vitest test into a result; undefined when the test was filtered out by --grep. */
function resultOf({ test, moduleErrors, grep }: { test: TestCase; moduleErrors: ErrorLike[]; grep?: RegExp }): CollectedResult | undefined {
  const meta = test.meta();
  const contract: ContractMeta = meta.contract ?? {
    id: test.name.split(' ')[0],
    title: test.name,
    operations: [],
    level: 'must',
    source: 'harness',
    evidence: [],
    readsData: false,
    area: areaOfModule(test.module),
  };
  const base = { ...contract, warnings: meta.outcome?.warnings ?? [], durationMs: Math.round(test.diagnostic()?.duration ?? 0) };
  const result = test.result();
  switch (result.state) {
    case 'passed':
      return { ...base, status: 'pass', reason: (meta.outcome?.notes ?? []).join('; ') };
    case 'failed': {
      const error = result.errors[0] as ErrorLike | undefined;
      const expected = unquote(error?.expected);
      const seen = unquote(error?.actual);
      return { ...base, status: 'fail', reason: messageOf(error), expected, seen };
    }
    case 'skipped': {
      if (meta.outcome?.na) return { ...base, status: 'na', reason: meta.outcome.na };
      if (result.note) return { ...base, status: 'skip', reason: result.note };
      if (grep && !grep.test(test.name)) return undefined;
      if (moduleErrors.length > 0) return { ...base, status: 'fail', reason: `the contract file failed: ${messageOf(moduleErrors[0])}` };
      return { ...base, status: 'skip', reason: NOT_RUN_REASON };
    }
    case 'pending':
      return { ...base, status: 'skip', reason: NOT_RUN_REASON };
  }
}

/** The reason of a contract an interrupted run did not run. */
export const NOT_RUN_REASON = 'not run (the run was interrupted)';

/** Collects contract results from a vitest run; a fresh collector per run. */
export interface Collector {
  readonly reporter: Reporter;
  /** The results of the finished run (empty before onTestRunEnd). */
  results(): CollectedResult[];
  /** Where the next run's progress goes (the reporter lives as long as the vitest instance; progress is per run). */
  listen(args: { progress: ProgressListener }): void;
}

/**
 * A vitest reporter that prints nothing and collects one result per contract from `task.meta`, turning skipped tests
 * marked NA into "na", and load or setup errors into failures so that a broken file never passes silently.
 */
export function createCollector({ grep }: { grep?: RegExp } = {}): Collector {
  let collected: CollectedResult[] = [];
  let progress: ProgressListener = SILENT_PROGRESS;
  const reporter: Reporter = {
    // Contracts --grep leaves out are collected and skipped by vitest; progress counts only the ones that run.
    onTestModuleCollected(module) {
      progress.collected({ tests: [...module.children.allTests()].filter((test) => !grep || grep.test(test.name)).length });
    },
    onTestCaseResult(test) {
      if (!grep || grep.test(test.name)) progress.testDone({ area: areaOfModule(test.module), ran: test.result().state !== 'skipped' });
    },
    onTestModuleEnd(module) {
      progress.fileDone({ area: areaOfModule(module) });
    },
    onTestRunEnd(modules, unhandledErrors) {
      const out: CollectedResult[] = [];
      for (const module of modules) {
        const moduleErrors = module.errors() as ErrorLike[];
        const tests = [...module.children.allTests()];
        if (tests.length === 0 && moduleErrors.length > 0) {
          const area = areaOfModule(module);
          out.push(harnessFailure({ id: `HARNESS-FILE-${area.toUpperCase()}`, title: `contract file ${module.relativeModuleId} loads`, area, error: moduleErrors[0] }));
          continue;
        }
        for (const test of tests) {
          const r = resultOf({ test, moduleErrors, grep });
          if (r) out.push(r);
        }
      }
      unhandledErrors.forEach((error, i) => {
        out.push(harnessFailure({ id: `HARNESS-UNHANDLED-${i + 1}`, title: 'no unhandled error during the run', area: 'harness', error: error as ErrorLike }));
      });
      collected = out;
    },
  };
  return {
    reporter,
    results: () => collected,
    listen: (args) => {
      progress = args.progress;
    },
  };
}
