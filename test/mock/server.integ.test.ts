import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../harness/clock.ts';
import { MAX_BODY_BYTES } from '../../harness/mock/index.ts';
import { startMockServer, type MockServer } from '../../harness/mock/server.ts';
import { createSchemaRegistry } from '../../harness/schemas.ts';

const schemas = createSchemaRegistry();

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  json: Record<string, unknown>;
  reused: boolean;
}

function call(agent: http.Agent, port: number, o: { method?: string; path: string; body?: string | Buffer; headers?: Record<string, string> }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, agent, method: o.method ?? 'GET', path: o.path, headers: o.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, reused: req.reusedSocket });
      });
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

describe('startMockServer', () => {
  let server: MockServer;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const json = { 'content-type': 'application/json' };

  beforeAll(async () => {
    server = await startMockServer({ port: 0, clock: new ManualClock({ startMs: Date.UTC(2025, 5, 9) }), schemas });
  });
  afterAll(async () => {
    agent.destroy();
    await server?.close();
  });

  it('returns a loopback URL with the bound port given port 0', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('returns responses on one reused keep-alive connection, with request ids and epoch-second timestamps', async () => {
    const created = await call(agent, server.port, { method: 'POST', path: '/domains/srv', body: JSON.stringify({ DefaultExpirationDays: 7 }), headers: json });
    expect(created.status).toBe(200);
    // ManualClock at 2025-06-09T00:00:00Z: 1749427200 seconds after the epoch.
    expect(created.json.CreatedAt).toBe(1_749_427_200);
    const read = await call(agent, server.port, { path: '/domains/srv' });
    expect(read.status).toBe(200);
    expect(read.reused).toBe(true);
    expect(read.headers['x-amzn-requestid']).toBe('00000000-0000-4000-8000-000000000002');
    expect(read.headers['content-type']).toBe('application/json');
  });

  it('returns modelled 4xx errors for malformed JSON, a wrong content type and an unknown route, and keeps serving', async () => {
    const bad = await call(agent, server.port, { method: 'POST', path: '/domains/srv2', body: '{"DefaultExpirationDays":', headers: json });
    expect([bad.status, bad.headers['x-amzn-errortype']]).toEqual([400, 'BadRequestException']);
    expect(String(bad.json.Message)).toMatch(/not valid JSON/);
    const type = await call(agent, server.port, { method: 'POST', path: '/domains/srv2', body: '{}', headers: { 'content-type': 'text/xml' } });
    expect([type.status, type.headers['x-amzn-errortype']]).toEqual([400, 'BadRequestException']);
    const unknown = await call(agent, server.port, { path: '/nowhere' });
    expect([unknown.status, unknown.headers['x-amzn-errortype']]).toEqual([404, 'ResourceNotFoundException']);
    const ok = await call(agent, server.port, { path: '/domains/srv' });
    expect(ok.status).toBe(200);
  });

  it('returns BadRequestException for a body over the cap, by Content-Length or chunked, and serves the next connection', async () => {
    const fresh = () => new http.Agent({ keepAlive: false });
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const declared = await call(fresh(), server.port, { method: 'POST', path: '/domains/huge', body: big, headers: { ...json, 'content-length': String(big.length) } });
    expect([declared.status, declared.headers['x-amzn-errortype']]).toEqual([400, 'BadRequestException']);
    expect(declared.headers.connection).toBe('close');
    const chunked = await new Promise<Answer>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/domains/huge', headers: json, agent: fresh() }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(Buffer.concat(chunks).toString()), reused: false }));
      });
      req.on('error', reject);
      // Write in 1 MiB chunks until the server has answered or 9 MiB went out.
      let sent = 0;
      const piece = Buffer.alloc(1024 * 1024, 0x20);
      const pump = () => {
        while (sent < 9 * 1024 * 1024) {
          sent += piece.length;
          if (!req.write(piece)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    }).catch((error: NodeJS.ErrnoException) => {
      // The server may close before the client finished writing; then the client sees EPIPE or ECONNRESET.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return null;
      throw error;
    });
    if (chunked) expect([chunked.status, chunked.headers['x-amzn-errortype']]).toEqual([400, 'BadRequestException']);
    const after = await call(fresh(), server.port, { path: '/domains/srv' });
    expect(after.status).toBe(200);
  });

  it('rejects with EADDRINUSE given a port that is taken', async () => {
    await expect(startMockServer({ port: server.port, schemas })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('closes promptly with an idle keep-alive connection open', async () => {
    const other = await startMockServer({ port: 0, schemas });
    const keep = new http.Agent({ keepAlive: true });
    expect((await call(keep, other.port, { path: '/domains' })).status).toBe(200);
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    keep.destroy();
    // Nothing listens any more.
    await expect(
      new Promise<void>((resolve, reject) => {
        const socket = net.connect(other.port, '127.0.0.1', () => {
          socket.destroy();
          resolve();
        });
        socket.on('error', reject);
      }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
