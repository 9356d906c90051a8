import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ManualClock } from '../clock.ts';
import { startMockServer } from './server.ts';

/**
 * Standalone throughput: GetDomainLayout over 32 keep-alive connections against the mock server, side by side with
 * a bare node:http server that returns the same bytes (same status and headers) without doing anything. Each
 * server runs in its own child process so the load generator does not share its event loop. Bounded: a fixed
 * request count per round, a fixed number of rounds, and a wall-clock budget.
 */

export interface HttpBenchResult {
  /** Median requests per second over the rounds. */
  mockRps: number;
  bareRps: number;
  /** mockRps / bareRps. */
  ratio: number;
  rounds: { mock: number; bare: number; mockCpuUs: number; bareCpuUs: number }[];
  /** Median server-process CPU time per request (user + system, µs): what each server spends, whatever the client can drive. */
  mockCpuUs: number;
  bareCpuUs: number;
  connections: number;
  requestsPerRound: number;
  responseBytes: number;
}

const PATH = '/domains/bench/layouts/main';
const SELF = fileURLToPath(import.meta.url);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function request(agent: http.Agent, port: number, options: { method?: string; path: string; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, agent, method: options.method ?? 'GET', path: options.path, headers: options.body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Answers the parent's 'cpu' messages with this process's CPU time so far (µs). */
function reportCpu(): void {
  process.on('message', (m: unknown) => {
    if (m === 'cpu') {
      const u = process.cpuUsage();
      process.send?.({ cpu: u.user + u.system });
    }
  });
}

/** Child role: starts one server, reports its port over IPC, and stops when the parent disconnects. */
async function child(role: string): Promise<void> {
  reportCpu();
  if (role === 'mock') {
    const server = await startMockServer({ port: 0, clock: new ManualClock({ startMs: Date.UTC(2025, 5, 9) }) });
    process.send?.({ port: server.port });
    process.on('disconnect', () => void server.close().then(() => process.exit(0)));
    return;
  }
  // Bare: the parent sends the status, headers and body to replay.
  const onInit = (m: { status: number; headers: Record<string, string>; body: string } | 'cpu') => {
    if (m === 'cpu') return;
    process.off('message', onInit);
    const body = Buffer.from(m.body, 'base64');
    const server = http.createServer({ keepAlive: true }, (req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(m.status, { ...m.headers, 'content-length': body.byteLength });
        res.end(body);
      });
    });
    server.keepAliveTimeout = 5_000;
    server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as { port: number }).port }));
    process.on('disconnect', () => {
      server.close();
      server.closeAllConnections();
      process.exit(0);
    });
  };
  process.on('message', onInit);
}

function cpuOf(proc: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const on = (m: { cpu?: number }) => {
      if (typeof m?.cpu !== 'number') return;
      proc.off('message', on);
      resolve(m.cpu);
    };
    proc.on('message', on);
    proc.send('cpu');
  });
}

/** Requests per second, and the server process's CPU µs per request, for one round. */
async function round(proc: ChildProcess, port: number, total: number, connections: number): Promise<{ rps: number; cpuUs: number }> {
  const before = await cpuOf(proc);
  const rps = await load(port, total, connections);
  const after = await cpuOf(proc);
  return { rps, cpuUs: (after - before) / total };
}

function startChild(role: 'mock' | 'bare', init?: unknown): Promise<{ proc: ChildProcess; port: number }> {
  const proc = fork(SELF, ['--role', role], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`bench-http: ${role} server exited with ${code} before reporting its port`)));
    proc.once('message', (m: { port: number }) => resolve({ proc, port: m.port }));
    if (init !== undefined) proc.send(init as never);
  });
}

async function load(port: number, total: number, connections: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < total) {
        next++;
        const r = await request(agent, port, { path: PATH });
        if (r.status !== 200) throw new Error(`bench-http: expected 200 from GetDomainLayout; saw ${r.status}`);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return total / seconds;
}

/** Runs the throughput comparison. */
export async function runHttpBench({ requests = 10_000, rounds = 5, connections = 32, layoutChars = 4000, budgetMs = 90_000 } = {}): Promise<HttpBenchResult> {
  const mock = await startChild('mock');
  const setupAgent = new http.Agent({ keepAlive: true });
  const bareChildren: ChildProcess[] = [mock.proc];
  try {
    const create = await request(setupAgent, mock.port, { method: 'POST', path: '/domains/bench', body: JSON.stringify({ DefaultExpirationDays: 30 }) });
    if (create.status !== 200) throw new Error(`bench-http: CreateDomain answered ${create.status}: ${create.body.toString()}`);
    const layout = JSON.stringify({ Type: 'BoardItem', Id: 'root', Props: {}, Children: [], DataSource: {}, Pad: 'x'.repeat(layoutChars) });
    const made = await request(setupAgent, mock.port, {
      method: 'POST',
      path: PATH,
      body: JSON.stringify({ Description: 'bench layout', DisplayName: 'Bench', LayoutType: 'PROFILE_EXPLORER', Layout: layout }),
    });
    if (made.status !== 200) throw new Error(`bench-http: CreateDomainLayout answered ${made.status}: ${made.body.toString()}`);
    const sample = await request(setupAgent, mock.port, { path: PATH });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(sample.headers)) {
      if (typeof v === 'string' && !['date', 'connection', 'keep-alive', 'content-length'].includes(k)) headers[k] = v;
    }
    const bare = await startChild('bare', { status: sample.status, headers, body: sample.body.toString('base64') });
    bareChildren.push(bare.proc);

    await load(mock.port, Math.min(2000, requests), connections);
    await load(bare.port, Math.min(2000, requests), connections);
    const started = performance.now();
    const results: HttpBenchResult['rounds'] = [];
    for (let r = 0; r < rounds && performance.now() - started < budgetMs; r++) {
      // Alternate which server goes first, so a burst of load elsewhere on the machine does not always hit the same one.
      const first = r % 2 === 0 ? 'bare' : 'mock';
      const b1 = first === 'bare' ? await round(bare.proc, bare.port, requests, connections) : undefined;
      const m = await round(mock.proc, mock.port, requests, connections);
      const b = b1 ?? (await round(bare.proc, bare.port, requests, connections));
      results.push({ mock: m.rps, bare: b.rps, mockCpuUs: m.cpuUs, bareCpuUs: b.cpuUs });
    }
    const mockRps = median(results.map((x) => x.mock));
    const bareRps = median(results.map((x) => x.bare));
    return {
      mockRps,
      bareRps,
      ratio: mockRps / bareRps,
      mockCpuUs: median(results.map((x) => x.mockCpuUs)),
      bareCpuUs: median(results.map((x) => x.bareCpuUs)),
      rounds: results,
      connections,
      requestsPerRound: requests,
      responseBytes: sample.body.byteLength,
    };
  } finally {
    setupAgent.destroy();
    for (const p of bareChildren) {
      if (p.connected) p.disconnect();
      const timer = setTimeout(() => p.kill('SIGKILL'), 5_000);
      await new Promise<void>((resolve) => (p.exitCode !== null ? resolve() : p.once('exit', () => resolve())));
      clearTimeout(timer);
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const roleAt = process.argv.indexOf('--role');
  if (roleAt >= 0) {
    await child(process.argv[roleAt + 1]);
  } else {
    const r = await runHttpBench();
    process.stdout.write(
      `GetDomainLayout over HTTP/1.1 keep-alive, ${r.connections} connections, ${r.requestsPerRound} requests a round, ${r.responseBytes}-byte body (median of ${r.rounds.length} rounds):\n` +
        `  bare node:http  ${r.bareRps.toFixed(0)} req/s   server CPU ${r.bareCpuUs.toFixed(1)} µs/request\n` +
        `  mock server     ${r.mockRps.toFixed(0)} req/s   server CPU ${r.mockCpuUs.toFixed(1)} µs/request   throughput ratio ${r.ratio.toFixed(2)}x (goal >= 0.5x)\n`,
    );
  }
}
