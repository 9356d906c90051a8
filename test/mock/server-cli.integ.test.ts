import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../harness/mock/server-cli.ts';

/**
 * The standalone server's CLI as a process. It is started through the tsx binary that `npm run mock` and
 * `npx tsx` run: npm's own wrapper (`sh -c`) dies of a forwarded signal and so reports 128+N whatever the
 * server does, which would hide the CLI's exit code under test.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = 'harness/mock/server-cli.ts';
const STARTUP_MS = 20_000;

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function run(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(TSX, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function listening(stdout: () => string): Promise<string> {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout());
    if (m) return m[1];
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no "listening on" line within ${STARTUP_MS} ms; stdout so far: ${JSON.stringify(stdout())}`);
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('parseCliArgs', () => {
  it('returns port 0 and host 127.0.0.1 given no flags', () => {
    expect(parseCliArgs({ argv: [] })).toEqual({ port: 0, host: '127.0.0.1' });
  });

  it('returns the given port and host', () => {
    expect(parseCliArgs({ argv: ['--port', '4566', '--host', '::1'] })).toEqual({ port: 4566, host: '::1' });
  });

  it.each([[['--prot', '1']], [['--port', 'abc']], [['--port', '70000']], [['--port', '-1']], [['extra']], [['--host', '']]])(
    'returns a mock: error message given %j',
    (argv) => {
      const r = parseCliArgs({ argv });
      expect(r).toHaveProperty('error');
      expect((r as { error: string }).error).toMatch(/^mock: expected .+; saw .+; run `npm run mock/);
    },
  );
});

describe('server-cli', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('prints the listening line, serves a request, and exits 0 on %s', async (signal) => {
    const p = run(['--port', '0']);
    const url = await listening(p.stdout);
    const r = await get(`${url}/domains`);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ Items: [] });
    p.child.kill(signal);
    expect(await p.exit).toEqual({ code: 0, signal: null });
    expect(p.stdout()).toBe(`listening on ${url}\n`);
  });

  it('exits 2 with a message given an unknown flag', async () => {
    const p = run(['--bogus']);
    expect((await p.exit).code).toBe(2);
    expect(p.stderr()).toMatch(/mock: expected only the flags --port N, --host H and --help; saw .*bogus/);
    expect(p.stdout()).toBe('');
  });

  it('exits 2 with a message given a port in use', async () => {
    const first = run(['--port', '0']);
    const url = await listening(first.stdout);
    const port = new URL(url).port;
    const second = run(['--port', port]);
    expect((await second.exit).code).toBe(2);
    expect(second.stderr()).toMatch(new RegExp(`mock: expected to listen on 127\\.0\\.0\\.1:${port}; saw EADDRINUSE`));
    first.child.kill('SIGTERM');
    expect((await first.exit).code).toBe(0);
  });
});
