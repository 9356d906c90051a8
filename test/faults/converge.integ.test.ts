import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../harness/mock/server.ts';
import { ENDPOINT_WAITER } from '../../harness/targets/endpoint.ts';
import { runCli } from '../cli/run-cli.ts';
import { startFaultyServer, type FaultyServer } from './faulty-server.ts';

/**
 * Bounded convergence over HTTP: a server whose every numeric calculated Value is one too many (a proxy that adds 1)
 * settles on wrong answers, and the calculated contracts must say so about as fast as they pass against the correct
 * server, not after each wait's 30 s bound. Both runs go through --endpoint on loopback in this process, one after the
 * other, over the calculated areas only (--grep): the other areas do not read calculated values, so they would add the
 * same time to both runs and measure nothing more.
 *
 * The correct server is the reference implementation with definitions that converge 200 ms after each write (Status
 * IN_PROGRESS, values IsDataPartial "true" meanwhile), run with --strict: every calculated contract, assumed ones
 * included, must wait within its bounds and pass. (It makes the correct run a little slower than an instant server's,
 * so the bound on the skewed run is a little looser; a correct target that converges later is what AWS is.)
 */
const READY_AFTER_MS = 200;
const TIMEOUT_MS = 240_000;
const GREP = '^(CALC-|WIRE-EXCHANGES-CALC)';

let correct: MockServer | undefined;
let skewed: FaultyServer | undefined;
const dirs: string[] = [];
afterAll(async () => {
  await correct?.close();
  await skewed?.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Runs the calculated contracts against `url`; returns the exit code, the wall time and the report's waiting. */
async function timedRun({ url, strict = false }: { url: string; strict?: boolean }): Promise<{ code: number | null; wallMs: number; waitedMs: number | undefined; waits: number | undefined; output: string; fails: string[]; notPassing: string[]; ids: string[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-converge-'));
  dirs.push(dir);
  const started = Date.now();
  const { code, stdout, stderr } = await runCli({ args: ['--endpoint', url, '--grep', GREP, ...(strict ? ['--strict'] : []), '--reports', dir], timeoutMs: TIMEOUT_MS / 2 });
  const wallMs = Date.now() - started;
  const report = JSON.parse(await readFile(path.join(dir, 'conformance.json'), 'utf8')) as { summary: { waitedMs?: number; waits?: number }; results: { id: string; status: string; level: string; reason: string }[] };
  return {
    code,
    wallMs,
    waitedMs: report.summary.waitedMs,
    waits: report.summary.waits,
    output: `${stdout}\n${stderr}`,
    fails: report.results.filter((r) => r.status === 'fail' && r.level !== 'assumed').map((r) => r.id),
    notPassing: report.results.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.reason.slice(0, 300)}`),
    ids: report.results.map((r) => r.id),
  };
}

describe('calculated contracts against a target that settles on wrong values', () => {
  it(
    'returns exit 0 with every calculated contract passing against a server converging after 200 ms, and exit 1 without waiting out any wait\'s bound given every numeric Value skewed by one',
    async () => {
      correct = await startMockServer({ options: { calculatedAttributeReadyAfterMs: READY_AFTER_MS } });
      skewed = await startFaultyServer({ fault: 'calc-values-skewed' });
      const right = await timedRun({ url: correct.url, strict: true });
      const wrong = await timedRun({ url: skewed.url });
      // The figures, for the record of the run (vitest prints them with the test's output).
      console.info(`converge: correct run ${right.wallMs} ms (waited ${right.waitedMs} ms), skewed run ${wrong.wallMs} ms (waited ${wrong.waitedMs} ms in ${wrong.waits} waits)`);
      expect(right.notPassing).toEqual([]);
      expect(right.ids).toContain('CALC-DEF-READY-01');
      expect(right.ids.length).toBeGreaterThan(50);
      expect(right.code, right.output).toBe(0);
      expect(wrong.code, wrong.output).toBe(1);
      expect(wrong.fails).toEqual(expect.arrayContaining(['CALC-STAT-SUM-01', 'CALC-STAT-COUNT-01', 'CALC-COND-COUNT-02']));
      expect(right.waitedMs).toBeTypeOf('number');
      expect(wrong.waitedMs).toBeGreaterThan(0);
      expect(wrong.output).toContain('settled');
      // The defect this guards against is waiting out each wait's bound (30 s) on answers that never change. Each wait
      // of the skewed run must end within one settle window and one poll delay after its first settled answer (plus
      // 0.5 s for a busy machine), and the whole run within one waiter bound of the correct run: both hold however
      // loaded the machine is, where a ratio of two wall times did not (measured 14.1-22.6 s against 7.8-15.8 s).
      const perWaitMs = (ENDPOINT_WAITER.settle! + ENDPOINT_WAITER.maxDelay + 0.5) * 1000;
      expect(wrong.waits).toBeGreaterThan(0);
      expect(wrong.waitedMs! / wrong.waits!).toBeLessThanOrEqual(perWaitMs);
      expect(wrong.wallMs).toBeLessThan(right.wallMs + ENDPOINT_WAITER.maxWaitTime * 1000);
    },
    TIMEOUT_MS,
  );
});
