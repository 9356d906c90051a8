import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMock } from '../../harness/mock/index.ts';
import { applyFault } from '../../harness/mock/faults/apply.ts';

/** A running loopback server: the reference implementation with one fault of the catalogue in front of it. */
export interface FaultyServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the reference implementation over HTTP on 127.0.0.1 with `fault` applied, as a proxy in front of a correct
 * server would be: the fault's wrapper sees each request and answer as Fetch objects.
 */
export async function startFaultyServer({ fault }: { fault: string }): Promise<FaultyServer> {
  const plan = applyFault({ fault });
  const mock = createMock({ options: plan.mockOptions });
  const handle = plan.wrapHandle ? plan.wrapHandle((request) => mock.handle(request)) : (request: Request) => mock.handle(request);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, { method: req.method, headers, body: body && req.method !== 'GET' && req.method !== 'HEAD' ? body : undefined });
      void handle(request).then(async (response) => {
        const text = Buffer.from(await response.arrayBuffer());
        res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
        res.end(text);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
