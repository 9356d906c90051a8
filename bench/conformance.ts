/**
 * Wall time of the full conformance run against the embedded implementation, beside a vitest run of one trivial
 * test: both as child processes, alternating (which goes first flips each round), so machine drift hits both. Both
 * are started the same way, `node <entry> …` with no npm or npx wrapper, so neither pays npm's own start-up.
 * Bounded: a round count, a wall-clock budget, and a timeout per child (killed by its pid when exceeded).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface ConformanceBenchResult {
  /** Wall seconds per round, in run order. */
  rounds: { conformance: number; trivial: number }[];
  /** Rounds whose conformance run exited 1 (some contract failed): still timed, but worth knowing. */
  failingRuns: number;
}

/**
 * Runs `command args…` (default: this Node) in the project root with `env` added to the environment; resolves with
 * the wall time, the exit code and the tail of its output (stderr, and stdout too with `keepStdout`), or rejects past
 * `timeoutMs` after stopping the child.
 */
export function timedRun({ command = process.execPath, args, timeoutMs, env = {}, keepStdout = false }: { command?: string; args: string[]; timeoutMs: number; env?: NodeJS.ProcessEnv; keepStdout?: boolean }): Promise<{ seconds: number; code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', ...env } });
    let stderr = '';
    const keep = (c: Buffer) => {
      stderr = (stderr + c.toString()).slice(-4000);
    };
    child.stderr?.on('data', keep);
    child.stdout?.on('data', keep);
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      reject(new Error(`bench: expected \`${command === process.execPath ? 'node' : command} ${args.join(' ')}\` to finish within ${timeoutMs / 1000} s; it did not and was stopped; look for a hang`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ seconds: (performance.now() - start) / 1000, code: code ?? (signal ? 128 : 1), stderr });
    });
  });
}

/** Runs both alternately up to `rounds` times or until `budgetMs` has passed (at least one round). */
export async function runConformanceBench({ rounds = 5, budgetMs = 90_000, timeoutMs = 180_000 }: { rounds?: number; budgetMs?: number; timeoutMs?: number } = {}): Promise<ConformanceBenchResult> {
  const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  const trivialArgs = [vitest, 'run', '--config', path.join(FIXTURES, 'vitest.config.ts')];
  const reports = mkdtempSync(path.join(os.tmpdir(), 'cpct-bench-'));
  // What `npm run conformance` and `npx cpct` run (bin/cpct.js: in a checkout, the sources through tsx).
  const conformanceArgs = [path.join(ROOT, 'bin/cpct.js'), '--target', 'embedded', '--reports', reports];
  const began = performance.now();
  const results: ConformanceBenchResult['rounds'] = [];
  let failingRuns = 0;
  const conformance = async () => {
    const r = await timedRun({ args: conformanceArgs, timeoutMs });
    if (r.code !== 0 && r.code !== 1) {
      throw new Error(`bench: expected the conformance run to exit 0 or 1; saw ${r.code}: ${r.stderr.trim().split('\n').slice(-5).join(' | ')}; run \`npm run conformance\` to see why`);
    }
    if (r.code === 1) failingRuns++;
    return r.seconds;
  };
  const trivial = async () => {
    const r = await timedRun({ args: trivialArgs, timeoutMs });
    if (r.code !== 0) throw new Error(`bench: expected the trivial vitest run to pass; it exited ${r.code}: ${r.stderr.trim().split('\n').slice(-5).join(' | ')}`);
    return r.seconds;
  };
  try {
    for (let r = 0; r < rounds && (r === 0 || performance.now() - began < budgetMs); r++) {
      if (r % 2 === 0) {
        const t = await trivial();
        results.push({ trivial: t, conformance: await conformance() });
      } else {
        const c = await conformance();
        results.push({ conformance: c, trivial: await trivial() });
      }
    }
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
  return { rounds: results, failingRuns };
}
