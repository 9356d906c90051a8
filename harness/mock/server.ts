import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../clock.ts';
import type { SchemaRegistry } from '../schemas.ts';
import { createMock, type Mock } from './index.ts';
import type { MockOptions } from './models/types.ts';
import { MAX_BODY_BYTES, type WireRequest, type WireResponse } from './wire/core.ts';

/**
 * The reference implementation as a standalone HTTP/1.1 server on node:http, for targets that talk over a socket
 * (`npm run mock`, `--endpoint`). It shares the core with the in-process path; only byte transport differs.
 */

/** A running server. */
export interface MockServer {
  /** Base URL, e.g. http://127.0.0.1:4566. */
  readonly url: string;
  readonly port: number;
  /** The mock behind the server (service state, core). */
  readonly mock: Mock;
  /** Stops listening, destroys idle keep-alive sockets, and resolves once the server is closed. */
  close(): Promise<void>;
}

export interface StartMockServerParams {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Interface to bind; 127.0.0.1 by default (loopback only). */
  host?: string;
  clock?: Clock;
  options?: MockOptions;
  schemas?: SchemaRegistry;
}

/** How long close() lets in-flight requests finish before destroying their sockets. */
const CLOSE_GRACE_MS = 2_000;

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function send(res: http.ServerResponse, response: WireResponse, close: boolean): void {
  // A flat header list and a string body spare node a header object walk and an extra copy of the body.
  const headers: string[] = [];
  for (const key of Object.keys(response.headers)) headers.push(key, response.headers[key]);
  headers.push('Content-Length', String(Buffer.byteLength(response.body, 'utf8')));
  if (close) headers.push('Connection', 'close');
  res.writeHead(response.status, headers);
  res.end(response.body, 'utf8');
}

/** Reads the request, hands it to the core, writes the answer; never throws. */
function serve(mock: Mock, req: http.IncomingMessage, res: http.ServerResponse): void {
  const target = req.url ?? '/';
  // Absolute-form targets (proxies) carry scheme and host; keep only the path and query.
  const pathAndQuery = /^[a-z][a-z0-9+.-]*:\/\//i.test(target) ? target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') || '/' : target;
  const q = pathAndQuery.indexOf('?');
  const base = {
    method: req.method ?? 'GET',
    path: q < 0 ? pathAndQuery : pathAndQuery.slice(0, q),
    query: q < 0 ? '' : pathAndQuery.slice(q + 1),
    header: (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v.join(', ') : v;
    },
  };
  const answer = (request: WireRequest, close = false) => send(res, mock.core.respond(request), close);

  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > MAX_BODY_BYTES) {
    // Answer without reading the body and close the connection: its remaining bytes cannot be framed.
    answer({ ...base, body: null, bodyTooLarge: true }, true);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    if (tooLarge) return;
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) {
      tooLarge = true;
      chunks.length = 0;
      answer({ ...base, body: null, bodyTooLarge: true }, true);
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (tooLarge) return;
    const body = chunks.length === 0 ? null : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
    answer({ ...base, body });
  });
  req.on('error', () => {
    // The client went away mid-request; there is nobody to answer.
    res.destroy();
  });
}

/** Starts a standalone reference server; rejects (e.g. EADDRINUSE) if it cannot listen. */
export async function startMockServer({ port = 0, host = '127.0.0.1', clock, options, schemas }: StartMockServerParams = {}): Promise<MockServer> {
  const mock = createMock({ clock, options, schemas });
  const server = http.createServer({ keepAlive: true }, (req, res) => serve(mock, req, res));
  // Idle keep-alive sockets stay open a while so benchmark and test clients can reuse them.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${bound}`,
    port: bound,
    mock,
    close() {
      closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
