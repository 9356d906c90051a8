import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../harness/mock/server-cli.ts';

/**
 * The standalone server's `main` in this process (server-cli.integ.test.ts runs it as a process): its output goes to
 * process.stdout / process.stderr, captured here, and it ends on the SIGINT / SIGTERM listener it registers, which the
 * test calls instead of signalling the test worker.
 */

afterEach(() => {
  vi.restoreAllMocks();
});

function capture() {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(((text: string) => ((out += text), true)) as typeof process.stdout.write);
  vi.spyOn(process.stderr, 'write').mockImplementation(((text: string) => ((err += text), true)) as typeof process.stderr.write);
  return { out: () => out, err: () => err };
}

/** Listeners of `signal` added since `before` was taken. */
const added = (signal: NodeJS.Signals, before: Function[]) => process.listeners(signal).filter((l) => !before.includes(l)) as (() => void)[];

describe('main', () => {
  it('returns 0 with the usage, flags and exit codes on stdout given --help, listening on nothing', async () => {
    const io = capture();
    expect(await main({ argv: ['--help'] })).toBe(0);
    expect(io.out()).toMatch(/^Usage: npm run mock -- \[--port N\] \[--host H\]\n/);
    expect(io.out()).toContain('Exit codes: 0 stopped by SIGINT');
    expect(io.err()).toBe('');
  });

  it('returns 2 with a mock: message given a port out of range', async () => {
    const io = capture();
    expect(await main({ argv: ['--port', '70000'] })).toBe(2);
    expect(io.err()).toMatch(/^mock: expected a port number 0\.\.65535; saw --port "70000"; run `npm run mock/);
    expect(io.out()).toBe('');
  });

  it('returns 2 naming the address and what to do given a port already in use', async () => {
    const busy = http.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const io = capture();
      expect(await main({ argv: ['--port', String(port)] })).toBe(2);
      expect(io.err()).toContain(`mock: expected to listen on 127.0.0.1:${port}; saw EADDRINUSE`);
      expect(io.err()).toContain('stop the process using that port or pick another with --port (0 picks a free one)');
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('returns 2 suggesting --host given an address of no interface of this machine', async () => {
    const io = capture();
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never assigned to a local interface.
    expect(await main({ argv: ['--host', '192.0.2.1'] })).toBe(2);
    expect(io.err()).toMatch(/^mock: expected to listen on 192\.0\.2\.1:0; saw EADDRNOTAVAIL: .*; pass a host name or address of this machine with --host/);
  });

  it('prints one listening line, serves requests, and returns 0 once SIGTERM is heard', async () => {
    const io = capture();
    const sigint = process.listeners('SIGINT');
    const sigterm = process.listeners('SIGTERM');
    const done = main({ argv: ['--port', '0'] });
    const deadline = Date.now() + 10_000;
    while (!io.out() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(io.out())?.[1];
    expect(url).toBeDefined();
    const answer = await fetch(`${url}/domains`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ Items: [] });
    const [onTerm] = added('SIGTERM', sigterm);
    const [onInt] = added('SIGINT', sigint);
    // Called directly, the once-listeners stay registered: remove them as the signal would have.
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
    onTerm();
    expect(await done).toBe(0);
    expect(added('SIGTERM', sigterm)).toEqual([]);
    // The server is closed: a new connection is refused.
    await expect(fetch(`${url}/domains`)).rejects.toThrow();
  });
});
