import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, cleanEnv } from '../cli/run-cli.ts';

/** The c8 measurement of the standalone server (a separate process, which is what c8 is for), on a few contracts. */
const TIMEOUT = 120_000;
let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('harness/reporters/server-coverage.sh', () => {
  it('returns exit 0 and a c8 summary of harness/mock with covered lines given a --grep run over HTTP', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-server-cov-'));
    const child = spawn('bash', [path.join(ROOT, 'harness', 'reporters', 'server-coverage.sh'), dir, '--grep', '^LAYOUT-TAGS-01 '], { cwd: ROOT, env: cleanEnv({ CI: 'true' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT - 5_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    clearTimeout(timer);
    expect(code, out).toBe(0);
    const summary = JSON.parse(await readFile(path.join(dir, 'coverage-server', 'coverage-summary.json'), 'utf8')) as Record<string, { lines: { covered: number; total: number } }>;
    const files = Object.keys(summary).filter((k) => k !== 'total');
    expect(files.every((f) => f.includes(`${path.sep}harness${path.sep}mock${path.sep}`))).toBe(true);
    // The server answered the run: its router and the layout model ran; the fault catalogue never loads in the server.
    const covered = (suffix: string) => summary[files.find((f) => f.endsWith(suffix)) ?? '']?.lines.covered ?? 0;
    expect(covered(path.join('wire', 'router.ts'))).toBeGreaterThan(0);
    expect(covered(path.join('models', 'layouts.ts'))).toBeGreaterThan(0);
    expect(summary.total.lines.covered).toBeGreaterThan(0);
    expect(out).toContain('server-coverage: c8 report for harness/mock');
  }, TIMEOUT);
});
