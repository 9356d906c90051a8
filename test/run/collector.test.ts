import { describe, expect, it } from 'vitest';
import type { TestCase, TestModule } from 'vitest/node';
import type { ContractMeta } from '../../harness/contracts/meta.ts';
import { createCollector } from '../../harness/run/collector.ts';
import type { ProgressListener } from '../../harness/run/progress.ts';

/**
 * The collecting reporter, fed the objects vitest hands a reporter (only the members it reads, built here): one result
 * per contract, and a broken file or an unhandled error never passes silently.
 */

interface FakeTest {
  name: string;
  meta?: { contract?: ContractMeta; outcome?: { na?: string; notes?: string[] } };
  result: { state: 'passed' | 'failed' | 'skipped' | 'pending'; errors?: unknown[]; note?: string };
}

function fakeModule({ file, tests, errors = [] }: { file: string; tests: FakeTest[]; errors?: unknown[] }): TestModule {
  const module = {
    moduleId: `/pkg/specs/contracts/${file}`,
    relativeModuleId: `specs/contracts/${file}`,
    errors: () => errors,
    children: { *allTests() { yield* cases; } },
  };
  const cases = tests.map((t) => ({ name: t.name, module, meta: () => t.meta ?? {}, result: () => t.result, diagnostic: () => ({ duration: 12.4 }) }));
  return module as unknown as TestModule;
}

const meta = (id: string, area = 'layouts'): ContractMeta => ({ id, title: `title of ${id}`, operations: ['GetDomainLayout'], level: 'must', source: 'model', evidence: [], readsData: true, area });

function run({ modules, unhandled = [], grep }: { modules: TestModule[]; unhandled?: unknown[]; grep?: RegExp }) {
  const collector = createCollector({ grep });
  collector.reporter.onTestRunEnd?.(modules as never, unhandled as never, 'passed');
  return collector.results();
}

describe('createCollector', () => {
  it('returns one result per contract with its status and reason, given every outcome vitest reports', () => {
    const module = fakeModule({
      file: 'layouts.contract.ts',
      tests: [
        { name: 'L-PASS-01 t', meta: { contract: meta('L-PASS-01'), outcome: { notes: ['a', 'b'] } }, result: { state: 'passed' } },
        { name: 'L-FAIL-01 t', meta: { contract: meta('L-FAIL-01') }, result: { state: 'failed', errors: [{ name: 'ContractViolation', message: 'expected x; saw y', expected: '"x"', actual: 'y' }] } },
        { name: 'L-NA-01 t', meta: { contract: meta('L-NA-01'), outcome: { na: 'CreateDomainLayout is optional' } }, result: { state: 'skipped' } },
        { name: 'L-SKIP-01 t', meta: { contract: meta('L-SKIP-01') }, result: { state: 'skipped', note: 'no data' } },
        { name: 'L-OTHER-01 t', meta: { contract: meta('L-OTHER-01') }, result: { state: 'skipped' } },
        { name: 'L-PENDING-01 t', meta: { contract: meta('L-PENDING-01') }, result: { state: 'pending' } },
      ],
    });
    const rows = run({ modules: [module] }).map((r) => [r.id, r.status, r.reason, r.expected, r.seen, r.durationMs]);
    expect(rows).toEqual([
      ['L-PASS-01', 'pass', 'a; b', undefined, undefined, 12],
      ['L-FAIL-01', 'fail', 'expected x; saw y', 'x', 'y', 12],
      ['L-NA-01', 'na', 'CreateDomainLayout is optional', undefined, undefined, 12],
      ['L-SKIP-01', 'skip', 'no data', undefined, undefined, 12],
      ['L-OTHER-01', 'skip', 'not run (the run was interrupted)', undefined, undefined, 12],
      ['L-PENDING-01', 'skip', 'not run (the run was interrupted)', undefined, undefined, 12],
    ]);
  });

  it('leaves out the contracts --grep did not select, and fails the others of a file that failed', () => {
    const module = fakeModule({
      file: 'wire.contract.ts',
      errors: [{ name: 'TypeError', message: 'x is not a function', cause: { message: 'inner' } }],
      tests: [
        { name: 'W-ONE-01 selected', meta: { contract: meta('W-ONE-01', 'wire') }, result: { state: 'skipped' } },
        { name: 'W-TWO-01 other', meta: { contract: meta('W-TWO-01', 'wire') }, result: { state: 'skipped' } },
      ],
    });
    expect(run({ modules: [module], grep: /^W-ONE-01 / }).map((r) => [r.id, r.status, r.reason])).toEqual([
      ['W-ONE-01', 'fail', 'the contract file failed: TypeError: x is not a function (cause: inner)'],
    ]);
  });

  it('returns a failed HARNESS-FILE result for a file that did not load, and HARNESS-UNHANDLED for an unhandled error', () => {
    const broken = fakeModule({ file: 'object-types.contract.ts', tests: [], errors: [{ name: 'SyntaxError', message: 'Unexpected token' }] });
    const rows = run({ modules: [broken], unhandled: [{ message: 'socket hang up' }] });
    expect(rows).toEqual([
      { id: 'HARNESS-FILE-OBJECT-TYPES', title: 'contract file specs/contracts/object-types.contract.ts loads', area: 'object-types', operations: [], level: 'must', source: 'harness', evidence: [], readsData: false, status: 'fail', reason: 'SyntaxError: Unexpected token', warnings: [], durationMs: 0 },
      { id: 'HARNESS-UNHANDLED-1', title: 'no unhandled error during the run', area: 'harness', operations: [], level: 'must', source: 'harness', evidence: [], readsData: false, status: 'fail', reason: 'socket hang up', warnings: [], durationMs: 0 },
    ]);
  });

  it('returns a result named after the test given a test without contract metadata', () => {
    const module = fakeModule({ file: 'pagination.contract.ts', tests: [{ name: 'PAGE-X-01 plain vitest test', result: { state: 'passed' } }] });
    expect(run({ modules: [module] })).toEqual([
      { id: 'PAGE-X-01', title: 'PAGE-X-01 plain vitest test', operations: [], level: 'must', source: 'harness', evidence: [], readsData: false, area: 'pagination', warnings: [], durationMs: 12, status: 'pass', reason: '' },
    ]);
  });

  it('tells the progress listener of collected files, finished contracts and finished files', () => {
    const heard: string[] = [];
    const progress: ProgressListener = {
      start: () => heard.push('start'),
      collected: ({ tests }) => heard.push(`collected ${tests}`),
      testDone: ({ area }) => heard.push(`test ${area}`),
      fileDone: ({ area }) => heard.push(`file ${area}`),
      stop: () => heard.push('stop'),
    };
    const collector = createCollector();
    collector.listen({ progress });
    const module = fakeModule({ file: 'layouts.contract.ts', tests: [{ name: 'A t', result: { state: 'passed' } }, { name: 'B t', result: { state: 'passed' } }] });
    const [a, b] = [...(module as unknown as { children: { allTests(): Iterable<TestCase> } }).children.allTests()];
    collector.reporter.onTestModuleCollected?.(module);
    collector.reporter.onTestCaseResult?.(a);
    collector.reporter.onTestCaseResult?.(b);
    collector.reporter.onTestModuleEnd?.(module);
    expect(heard).toEqual(['collected 2', 'test layouts', 'test layouts', 'file layouts']);
    expect(collector.results()).toEqual([]);
  });

  it('tells the progress listener only of contracts --grep selects', () => {
    const heard: string[] = [];
    const progress: ProgressListener = {
      start: () => heard.push('start'),
      collected: ({ tests }) => heard.push(`collected ${tests}`),
      testDone: ({ area }) => heard.push(`test ${area}`),
      fileDone: ({ area }) => heard.push(`file ${area}`),
      stop: () => heard.push('stop'),
    };
    const collector = createCollector({ grep: /^WIRE-/ });
    collector.listen({ progress });
    const module = fakeModule({ file: 'wire.contract.ts', tests: [{ name: 'WIRE-A-01 t', result: { state: 'passed' } }, { name: 'LAYOUT-B-01 t', result: { state: 'skipped' } }] });
    const [a, b] = [...(module as unknown as { children: { allTests(): Iterable<TestCase> } }).children.allTests()];
    collector.reporter.onTestModuleCollected?.(module);
    collector.reporter.onTestCaseResult?.(a);
    collector.reporter.onTestCaseResult?.(b);
    collector.reporter.onTestModuleEnd?.(module);
    expect(heard).toEqual(['collected 1', 'test wire', 'file wire']);
  });
});
