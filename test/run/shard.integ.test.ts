import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceReport } from '../../harness/run/report.ts';
import { runCli } from '../cli/run-cli.ts';

/**
 * `--shard 1/2` and `--shard 2/2`, then `--merge`, against the embedded implementation, compared with one unsharded
 * run of the same seed. That whole run is also the check of a plain `npx cpct` run (exit 0, the summary, every
 * contract passing), so npm test pays for one full embedded run through the binary, not two.
 */
const TIMEOUT = 240_000;
let dir: string;
const run = (args: string[]) => runCli({ args: ['--seed', '7', ...args], timeoutMs: TIMEOUT });
const json = async <T>(...parts: string[]): Promise<T> => JSON.parse(await readFile(path.join(dir, ...parts), 'utf8')) as T;

/** A report's rows without what differs between any two runs: durations, and the clock in the start time. */
function comparable(report: ConformanceReport) {
  return { target: report.target, seed: report.seed, sdkVersion: report.sdkVersion, summary: report.summary, results: report.results.map(({ durationMs: _d, ...row }) => row) };
}

let outcomes: Record<'p1' | 'p2' | 'merged' | 'whole', { code: number | null; stdout: string; stderr: string }>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-shard-'));
  const [p1, p2, whole] = await Promise.all([
    run(['--shard', '1/2', '--reports', path.join(dir, 'p1')]),
    run(['--shard', '2/2', '--reports', path.join(dir, 'p2')]),
    run(['--reports', path.join(dir, 'whole')]),
  ]);
  const merged = await runCli({ args: ['--merge', path.join(dir, 'p1'), path.join(dir, 'p2'), '--reports', path.join(dir, 'merged')], timeoutMs: TIMEOUT });
  outcomes = { p1, p2, merged, whole };
}, TIMEOUT);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('cpct against the embedded reference implementation', () => {
  it('exits 0, prints the summary and writes conformance.json with every contract passing', async () => {
    const { code, stdout, stderr } = outcomes.whole;
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/area\s+pass\s+fail\s+na\s+skip/);
    expect(`${stdout}${stderr}`).not.toContain('NodeVersionSupportWarning');
    const report = await json<ConformanceReport>('whole', 'conformance.json');
    expect(Object.keys(report)).toEqual(['target', 'startedAt', 'sdkVersion', 'seed', 'results', 'summary']);
    expect(report).toMatchObject({ target: 'embedded', seed: 7, sdkVersion: '3.1019.0' });
    const ids = report.results.map((r) => r.id);
    for (const id of ['WIRE-OK-GetDomainLayout', 'WIRE-404-ListDomainLayouts', 'WIRE-400-PATTERN-CreateDomainLayout', 'PAGE-SET-ListDomainLayouts', 'LAYOUT-SIZE-01', 'LAYOUT-DEFAULT-02', 'OBJTYPE-DETECT-01', 'WIRE-EXCHANGES-LAYOUTS']) expect(ids).toContain(id);
    const failed = report.results.filter((r) => r.status === 'fail');
    expect(failed.map((r) => `${r.id} ${r.level}: ${r.reason}`)).toEqual([]);
    expect(report.summary.pass + report.summary.fail + report.summary.na + report.summary.skip).toBe(report.results.length);
  });
});

describe('cpct --shard / --merge', () => {
  it('returns exit 0 for both parts, the merge and the whole run', () => {
    for (const [name, o] of Object.entries(outcomes)) expect(o.code, `${name}: ${o.stderr}`).toBe(0);
  });

  it('returns parts that split the contract files between them, each leaving a blob and a record', async () => {
    const p1 = await json<ConformanceReport>('p1', 'conformance.json');
    const p2 = await json<ConformanceReport>('p2', 'conformance.json');
    const ids1 = new Set(p1.results.map((r) => r.id));
    expect(p1.results.length).toBeGreaterThan(0);
    expect(p2.results.length).toBeGreaterThan(0);
    expect(p2.results.filter((r) => ids1.has(r.id))).toEqual([]);
    expect((await readdir(path.join(dir, 'p1', 'shard'))).sort()).toEqual(['blob-1-2.json', 'cpct-shard-1-2.json']);
    expect((await readdir(path.join(dir, 'p2', 'shard'))).sort()).toEqual(['blob-2-2.json', 'cpct-shard-2-2.json']);
    expect(outcomes.p1.stdout).toContain('Shard 1/2:');
  });

  it('returns merged conformance.json equal to the whole run, durations and start time aside', async () => {
    const merged = await json<ConformanceReport>('merged', 'conformance.json');
    const whole = await json<ConformanceReport>('whole', 'conformance.json');
    expect(whole.results.length).toBeGreaterThan(150);
    expect(comparable(merged)).toEqual(comparable(whole));
  });

  it('returns merged api-coverage.json and calls.json equal to the whole run', async () => {
    expect(await json('merged', 'api-coverage.json')).toEqual(await json('whole', 'api-coverage.json'));
    expect(await json('merged', 'calls.json')).toEqual(await json('whole', 'calls.json'));
  });

  it('returns merged junit.xml with the same test cases and verdicts as the whole run', async () => {
    const cases = async (name: string) => {
      const xml = await readFile(path.join(dir, name, 'junit.xml'), 'utf8');
      return xml.replace(/ time="[^"]*"/g, '').replace(/ timestamp="[^"]*"/g, '');
    };
    expect(await cases('merged')).toEqual(await cases('whole'));
  });

  it('returns exit 2 and names the missing part given only one part to merge', async () => {
    const { code, stderr } = await runCli({ args: ['--merge', path.join(dir, 'p2'), '--reports', path.join(dir, 'bad')], timeoutMs: TIMEOUT });
    expect(code).toBe(2);
    expect(stderr).toContain('merge: expected all 2 parts; saw no part 1/2');
  }, TIMEOUT);
});
