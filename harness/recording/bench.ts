import { layoutOfSize } from '../../generators/scenarios/layouts.ts';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CreateDomainCommand, CreateDomainLayoutCommand, CustomerProfilesClient, GetDomainLayoutCommand } from '@aws-sdk/client-customer-profiles';
import { ManualClock } from '../clock.ts';
import { cannedHandler } from '../mock/bench.ts';
import { createMock, IN_PROCESS_ENDPOINT, MOCK_CREDENTIALS } from '../mock/index.ts';
import type { SdkHttpHandler } from '../mock/wire/sdk-handler.ts';
import { createRecorder } from './record.ts';
import { nockReplay } from './nock-replay.ts';
import { createReplayHandler } from './replay.ts';
import { CANONICAL_SCOPE } from './sanitize.ts';
import type { Tape } from './tape.ts';

/**
 * Cost of replay per call: GetDomainLayout through the real SDK client answered by (a) a canned handler that returns
 * fixed bytes and does nothing else (the floor), (b) the replay handler serving a tape, (c) nock serving the same
 * tape over the SDK's Node HTTP handler. Rounds alternate the variants so drift hits all alike; the figure is the
 * median of the rounds. Bounded by call counts and a wall-clock budget.
 */

export interface ReplayBenchResult {
  /** Median µs per call: canned handler, replay handler, nock. */
  cannedUs: number;
  replayUs: number;
  nockUs: number;
  /** replayUs / cannedUs; the goal is at most 1.5. */
  ratio: number;
  goal: number;
  met: boolean;
  rounds: { canned: number; replay: number; nock: number }[];
  /** Median µs per `handle` call of the replay handler alone (no SDK): what replay adds, free of the SDK's noise. */
  handlerOnlyUs: number;
  calls: number;
  nockCalls: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function client(requestHandler?: SdkHttpHandler, endpoint = IN_PROCESS_ENDPOINT): CustomerProfilesClient {
  return new CustomerProfilesClient({ region: 'us-east-1', endpoint, credentials: MOCK_CREDENTIALS, maxAttempts: 1, ...(requestHandler ? { requestHandler } : {}) });
}

async function timeCalls(c: CustomerProfilesClient, calls: number): Promise<number> {
  const command = new GetDomainLayoutCommand({ DomainName: 'bench', LayoutDefinitionName: 'main' });
  const start = performance.now();
  for (let i = 0; i < calls; i++) await c.send(command);
  return ((performance.now() - start) * 1000) / calls;
}

/** Runs the benchmark: `calls` per round for canned and replay, `nockCalls` for nock (it is ~30x slower). */
export async function runReplayBench({ calls = 3000, nockCalls = 200, rounds = 5, layoutChars = 2000, budgetMs = 60_000 } = {}): Promise<ReplayBenchResult> {
  const began = performance.now();
  // One GetDomainLayout recorded from the reference implementation: the tape repeats it once per call.
  const mock = createMock({ clock: new ManualClock({ startMs: Date.UTC(2025, 5, 9) }) });
  const setup = mock.client();
  await setup.send(new CreateDomainCommand({ DomainName: 'bench', DefaultExpirationDays: 7 }));
  await setup.send(new CreateDomainLayoutCommand({ DomainName: 'bench', LayoutDefinitionName: 'main', Description: 'bench', DisplayName: 'Bench', LayoutType: 'PROFILE_EXPLORER', Layout: layoutOfSize({ seed: 2, chars: layoutChars }) }));
  const recorder = createRecorder({ file: '/dev/null', inner: mock.requestHandler, meta: { seed: 0, referenceClock: '2025-06-09T00:00:00.000Z', runId: 'bench', targetKind: 'embedded', region: 'us-east-1', contractFile: 'bench.ts' } });
  await client(recorder.handler).send(new GetDomainLayoutCommand({ DomainName: 'bench', LayoutDefinitionName: 'main' }));
  const one = recorder.tape();
  const tapeOf = (n: number): Tape => ({ ...one, interactions: Array.from({ length: n }, () => one.interactions[0]) });

  const { handler: canned } = await cannedHandler({ mock });
  const cannedClient = client(canned);

  const variants = {
    canned: async () => timeCalls(cannedClient, calls),
    replay: async () => {
      const c = client(createReplayHandler({ tape: tapeOf(calls) }));
      return timeCalls(c, calls);
    },
    nock: async () => {
      const replay = nockReplay({ tape: tapeOf(nockCalls) });
      const c = client(undefined, CANONICAL_SCOPE);
      try {
        return await timeCalls(c, nockCalls);
      } finally {
        c.destroy();
        replay.restore();
      }
    },
  };
  // Warm-up: JIT and the SDK's lazy initialisation.
  await timeCalls(cannedClient, Math.min(500, calls));
  await timeCalls(client(createReplayHandler({ tape: tapeOf(Math.min(500, calls)) })), Math.min(500, calls));

  const order = ['canned', 'replay', 'nock'] as const;
  const results: ReplayBenchResult['rounds'] = [];
  for (let r = 0; r < rounds && performance.now() - began < budgetMs; r++) {
    const round = { canned: 0, replay: 0, nock: 0 };
    for (let k = 0; k < order.length; k++) {
      const name = order[(k + r) % order.length];
      round[name] = await variants[name]();
    }
    results.push(round);
  }
  const handlerOnly: number[] = [];
  const request = { method: 'GET', protocol: 'http:', hostname: 'mock.local', path: '/domains/bench/layouts/main', query: {}, headers: { 'content-type': 'application/json' } } as never;
  for (let r = 0; r < rounds; r++) {
    const handler = createReplayHandler({ tape: tapeOf(calls) });
    const start = performance.now();
    for (let i = 0; i < calls; i++) await handler.handle(request);
    handlerOnly.push(((performance.now() - start) * 1000) / calls);
  }
  const cannedUs = median(results.map((r) => r.canned));
  const replayUs = median(results.map((r) => r.replay));
  const nockUs = median(results.map((r) => r.nock));
  const ratio = replayUs / cannedUs;
  return { cannedUs, replayUs, nockUs, ratio, goal: 1.5, met: ratio <= 1.5, rounds: results, handlerOnlyUs: median(handlerOnly), calls, nockCalls };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runReplayBench();
  const f = (n: number) => n.toFixed(1);
  process.stdout.write(
    `replay per call: canned ${f(result.cannedUs)} µs, replay handler ${f(result.replayUs)} µs (${result.ratio.toFixed(2)}x, goal <= ${result.goal}x: ${result.met ? 'met' : 'NOT met'}), nock ${f(result.nockUs)} µs; replay handler alone ${result.handlerOnlyUs.toFixed(2)} µs\n` +
      `${JSON.stringify(result)}\n`,
  );
}
