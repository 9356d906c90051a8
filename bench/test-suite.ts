/**
 * Wall time of `npm test` (type check, then the unit project under V8 coverage), as CI runs it after `npm ci`: one
 * child process, bounded by a timeout (killed past it). The figure is the time over the 3-minute budget of the issue
 * that set it, so "<= 1" reads "within three minutes".
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The budget `npm test` is held to on this project's reference machine (2 cores). */
export const TEST_SUITE_BUDGET_SECONDS = 180;

export interface TestSuiteBenchResult {
  seconds: number;
  exitCode: number;
  /** The tail of its output (the summary line), for the log. */
  tail: string;
}

/** Runs `npm test` once in the project root; rejects past `timeoutMs`. */
export function runTestSuiteBench({ timeoutMs = 900_000, env = process.env }: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<TestSuiteBenchResult> {
  // Under `npm run bench`, npm says where its own entry is; run that with this Node rather than whatever `npm` is on PATH.
  const npmCli = env.npm_execpath;
  const [command, args] = npmCli ? [process.execPath, [npmCli, 'test']] : ['npm', ['test']];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args as string[], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, FORCE_COLOR: '0', CI: 'true' } });
    let tail = '';
    const keep = (c: Buffer) => {
      tail = (tail + c.toString()).slice(-2000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      reject(new Error(`bench: expected \`npm test\` to finish within ${timeoutMs / 1000} s; it did not and was stopped; run it alone to see where it hangs`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ seconds: (performance.now() - start) / 1000, exitCode: code ?? (signal ? 128 : 1), tail });
    });
  });
}
