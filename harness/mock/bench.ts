import { layoutOfSize } from '../../generators/scenarios/layouts.ts';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  CreateDomainCommand,
  CreateDomainLayoutCommand,
  CustomerProfilesClient,
  GetDomainLayoutCommand,
} from '@aws-sdk/client-customer-profiles';
import { ManualClock } from '../clock.ts';
import { createMock, IN_PROCESS_ENDPOINT, MOCK_CREDENTIALS, type Mock } from './index.ts';
import type { SdkHttpHandler } from './wire/sdk-handler.ts';

/**
 * In-process cost of the mock: GetDomainLayout through the real SDK client with the mock's request handler,
 * against the same client with a canned handler that returns the mock's response bytes without doing anything.
 * The ratio is what the mock adds on top of the SDK's own serialisation, signing and parsing. Bounded: a fixed
 * number of calls per round and a wall-clock budget.
 */

export interface InProcessBenchResult {
  /** Median microseconds per call, mock request handler. */
  mockUs: number;
  /** Median microseconds per call, canned request handler. */
  cannedUs: number;
  /** Median microseconds per call, mock via the Fetch `handle` (Request/Response objects). */
  fetchUs: number;
  /** mockUs / cannedUs. */
  ratio: number;
  /** Per-round figures (µs per call), in run order. */
  rounds: { mock: number; canned: number; fetch: number }[];
  /** Size of the GetDomainLayout response body in bytes. */
  responseBytes: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function client(requestHandler: SdkHttpHandler): CustomerProfilesClient {
  return new CustomerProfilesClient({ region: 'us-east-1', endpoint: IN_PROCESS_ENDPOINT, credentials: MOCK_CREDENTIALS, requestHandler, maxAttempts: 1 });
}

/**
 * The floor of the per-call benchmarks: an SDK request handler that answers every request with the bytes `mock` gives
 * for GetDomainLayout bench/main (the domain and layout must exist), so the SDK's own cost is all that remains.
 */
export async function cannedHandler({ mock }: { mock: Mock }): Promise<{ handler: SdkHttpHandler; responseBytes: number }> {
  const sample = (await mock.requestHandler.handle({
    method: 'GET', protocol: 'http:', hostname: 'mock.local', path: '/domains/bench/layouts/main', query: {}, headers: {},
  } as never)).response as unknown as { statusCode: number; headers: Record<string, string>; body: Uint8Array };
  const bytes = Buffer.from(sample.body);
  const handler = {
    metadata: { handlerProtocol: 'http/1.1' },
    handle: async () => ({ response: { statusCode: sample.statusCode, headers: { ...sample.headers }, body: Buffer.from(bytes) } }),
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  } as unknown as SdkHttpHandler;
  return { handler, responseBytes: bytes.length };
}

/** Runs the in-process benchmark; `calls` per round per variant, `rounds` alternating rounds, stops early after `budgetMs`. */
export async function runInProcessBench({ calls = 3000, rounds = 5, layoutChars = 4000, budgetMs = 60_000 } = {}): Promise<InProcessBenchResult> {
  const mock = createMock({ clock: new ManualClock({ startMs: Date.UTC(2025, 5, 9) }) });
  const viaMock = mock.client();
  await viaMock.send(new CreateDomainCommand({ DomainName: 'bench', DefaultExpirationDays: 30 }));
  await viaMock.send(new CreateDomainLayoutCommand({
    DomainName: 'bench',
    LayoutDefinitionName: 'main',
    Description: 'bench layout',
    DisplayName: 'Bench',
    LayoutType: 'PROFILE_EXPLORER',
    Layout: layoutOfSize({ seed: 1, chars: layoutChars }),
  }));
  const command = () => new GetDomainLayoutCommand({ DomainName: 'bench', LayoutDefinitionName: 'main' });

  // The canned handler answers with the very bytes the mock produced, so both parse the same response.
  const { handler: canned, responseBytes } = await cannedHandler({ mock });
  const viaCanned = client(canned);
  const viaFetch = client({
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: { method: string; path: string; headers: Record<string, string>; body?: unknown }) {
      const response = await mock.handle(new Request(`${IN_PROCESS_ENDPOINT}${request.path}`, { method: request.method, headers: request.headers, body: request.body as string | undefined }));
      const headers: Record<string, string> = {};
      response.headers.forEach((v, k) => (headers[k] = v));
      return { response: { statusCode: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  } as unknown as SdkHttpHandler);

  const time = async (c: CustomerProfilesClient, n: number): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < n; i++) await c.send(command());
    return ((performance.now() - start) * 1000) / n;
  };
  // Warm up JIT and the registry's compiled validators.
  for (const c of [viaMock, viaCanned, viaFetch]) await time(c, Math.min(1000, calls));

  const started = performance.now();
  const results: InProcessBenchResult['rounds'] = [];
  for (let r = 0; r < rounds && performance.now() - started < budgetMs; r++) {
    const canned = await time(viaCanned, calls);
    const mockUs = await time(viaMock, calls);
    const fetch = await time(viaFetch, calls);
    results.push({ mock: mockUs, canned, fetch });
  }
  const mockUs = median(results.map((x) => x.mock));
  const cannedUs = median(results.map((x) => x.canned));
  return { mockUs, cannedUs, fetchUs: median(results.map((x) => x.fetch)), ratio: mockUs / cannedUs, rounds: results, responseBytes };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runInProcessBench();
  const f = (n: number) => n.toFixed(1);
  process.stdout.write(
    `GetDomainLayout in-process (${result.responseBytes}-byte response, median of ${result.rounds.length} rounds):\n` +
      `  canned handler  ${f(result.cannedUs)} µs/call\n` +
      `  mock handler    ${f(result.mockUs)} µs/call   ratio ${result.ratio.toFixed(2)}x (goal <= 2x)\n` +
      `  mock via Fetch  ${f(result.fetchUs)} µs/call   ratio ${(result.fetchUs / result.cannedUs).toFixed(2)}x\n`,
  );
}
