/**
 * Wire validation, per response: GetDomainLayout through the real SDK client answered by the replay handler from a
 * one-call tape recorded off the reference implementation, with `attachWireValidation` on the client, against an
 * identical client without it. Both clients are built the same way, as a contract session builds its client; only the
 * middleware differs. Rounds rotate which goes first, and each variant starts on a collected heap. Bounded by a call
 * count per round, a round count and a wall-clock budget.
 */
import { performance } from 'node:perf_hooks';
import { CreateDomainCommand, CreateDomainLayoutCommand, CustomerProfilesClient, GetDomainLayoutCommand } from '@aws-sdk/client-customer-profiles';
import { ManualClock } from '../harness/clock.ts';
import { createMock, IN_PROCESS_ENDPOINT, MOCK_CREDENTIALS } from '../harness/mock/index.ts';
import type { SdkHttpHandler } from '../harness/mock/wire/sdk-handler.ts';
import { loadOperationIndex } from '../harness/operation-index.ts';
import { createRecorder } from '../harness/recording/record.ts';
import { createReplayHandler } from '../harness/recording/replay.ts';
import type { Tape } from '../harness/recording/tape.ts';
import { createSchemaRegistry } from '../harness/schemas.ts';
import { attachWireValidation, SESSION_RETAINED_EXCHANGES } from '../harness/wire-validation/index.ts';

export interface WireBenchResult {
  /** µs per call, per round, in run order: no middleware, capture only (`validate: false`), capture and validation. */
  rounds: { plain: number; captured: number; validated: number }[];
  calls: number;
  responseBytes: number;
  /** Violations the validator found over the whole run (a valid tape should give 0). */
  violations: number;
}

/** A Profile Explorer layout document of about `chars` characters. */
function layoutOf(chars: number): string {
  const items: unknown[] = [];
  for (let i = 0; JSON.stringify(items).length < chars; i++) items.push({ Type: 'KeyValuePair', Id: `kv-${i}`, Props: { label: `Field ${i}` } });
  return JSON.stringify({ Type: 'BoardItem', Id: 'root', Children: items });
}

/**
 * A client built as a contract session builds its own: the resolved middleware kept per command class
 * (`cacheMiddleware`), so each call pays for the middleware it runs, not for sorting the stack again.
 */
function client(requestHandler: SdkHttpHandler): CustomerProfilesClient {
  return new CustomerProfilesClient({ region: 'us-east-1', endpoint: IN_PROCESS_ENDPOINT, credentials: MOCK_CREDENTIALS, maxAttempts: 1, requestHandler, cacheMiddleware: true });
}

/** Runs the comparison: `calls` per variant per round, up to `rounds` rounds or `budgetMs`. */
export async function runWireBench({ calls = 2000, rounds = 9, layoutChars = 2000, budgetMs = 30_000 }: { calls?: number; rounds?: number; layoutChars?: number; budgetMs?: number } = {}): Promise<WireBenchResult> {
  const began = performance.now();
  const mock = createMock({ clock: new ManualClock({ startMs: Date.UTC(2025, 5, 9) }) });
  const setup = mock.client();
  await setup.send(new CreateDomainCommand({ DomainName: 'bench', DefaultExpirationDays: 7 }));
  await setup.send(
    new CreateDomainLayoutCommand({ DomainName: 'bench', LayoutDefinitionName: 'main', Description: 'bench', DisplayName: 'Bench', LayoutType: 'PROFILE_EXPLORER', Layout: layoutOf(layoutChars) }),
  );
  const recorder = createRecorder({
    file: '/dev/null',
    inner: mock.requestHandler,
    meta: { seed: 0, referenceClock: '2025-06-09T00:00:00.000Z', runId: 'bench', targetKind: 'embedded', region: 'us-east-1', contractFile: 'bench/wire.ts' },
  });
  await client(recorder.handler).send(new GetDomainLayoutCommand({ DomainName: 'bench', LayoutDefinitionName: 'main' }));
  const one = recorder.tape();
  const tapeOf = (n: number): Tape => ({ ...one, interactions: Array.from({ length: n }, () => one.interactions[0]) });

  // Schemas compiled once up front, as a conformance run does, so the rounds time validation rather than compilation.
  const registry = createSchemaRegistry();
  const index = loadOperationIndex({ dir: registry.dir });
  let violations = 0;
  let responseBytes = 0;

  const time = async (variant: 'plain' | 'captured' | 'validated', n: number): Promise<number> => {
    const c = client(createReplayHandler({ tape: tapeOf(n) }));
    const wire =
      variant !== 'plain'
      ? attachWireValidation({
          client: c,
          registry,
          index,
          validate: variant === 'validated',
          // Kept as a contract session keeps them: the latest few, not every exchange of the run.
          retain: SESSION_RETAINED_EXCHANGES,
          onExchange: ({ exchange, violations: v }) => {
            violations += v.length;
            responseBytes = exchange.response.body.byteLength;
          },
        })
      : undefined;
    const command = new GetDomainLayoutCommand({ DomainName: 'bench', LayoutDefinitionName: 'main' });
    // Each variant starts on a collected heap (when node runs with --expose-gc, as `npm run bench` does): otherwise
    // one variant's garbage is collected during the next one's timing, and the order decides more than the variant.
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      await c.send(command);
    }
    const us = ((performance.now() - start) * 1000) / n;
    wire?.detach();
    c.destroy();
    return us;
  };

  const warm = Math.min(500, calls);
  await time('plain', warm);
  await time('captured', warm);
  await time('validated', warm);
  const results: WireBenchResult['rounds'] = [];
  for (let r = 0; r < rounds && (r === 0 || performance.now() - began < budgetMs); r++) {
    const round = { plain: 0, captured: 0, validated: 0 };
    // Rotate the order each round so neither variant always runs first (or right after a collection).
    const order = (['plain', 'validated', 'captured'] as const).map((_, k, all) => all[(k + r) % all.length]);
    for (const v of order) round[v] = await time(v, calls);
    results.push(round);
  }
  return { rounds: results, calls, responseBytes, violations };
}
