/**
 * Property: whatever personal data or AWS identifier a service hands back, in whatever written form and wherever in
 * the response, none of it reaches a tape. Each run records five calls to the standalone reference server
 * through a proxy that plants random values at random places of random responses (over loopback HTTP, with the
 * SDK's own handler), then checks the written tape, the scanner on the unsanitized exchanges, and idempotence.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CreateDomainCommand,
  CreateDomainLayoutCommand,
  CustomerProfilesClient,
  GetDomainCommand,
  GetDomainLayoutCommand,
  ListDomainLayoutsCommand,
} from '@aws-sdk/client-customer-profiles';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../harness/clock.ts';
import { startMockServer, type MockServer } from '../../harness/mock/server.ts';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { createRecorder } from '../../harness/recording/record.ts';
import { sanitizeTape } from '../../harness/recording/sanitize.ts';
import { excerptOf, scanValue } from '../../harness/recording/scan.ts';
import { loadTape, type Tape } from '../../harness/recording/tape.ts';
import { createSchemaRegistry } from '../../harness/schemas.ts';
import { anyPlant, keeperText, stringsOf, survivors, type Plant } from './pii-arbitraries.ts';
import { PLACES, startPlantingProxy, type Planting, type PlantingProxy, type RawExchange } from './planting-proxy.ts';

/** Responses per run of the scenario below (a planting aimed past the end wraps around). */
const RESPONSES = 5;
const RUNS = 20;
const KEY = 'property-key';

let server: MockServer;
let proxy: PlantingProxy;
// Loaded once: a recorder would otherwise load the schemas and the operation index for every run.
const registry = createSchemaRegistry();
const index = loadOperationIndex({ dir: registry.dir });
const dir = mkdtempSync(path.join(os.tmpdir(), 'cpct-pii-'));

beforeAll(async () => {
  server = await startMockServer({ port: 0, clock: new ManualClock({ startMs: Date.UTC(2025, 5, 9) }) });
  proxy = await startPlantingProxy({ upstream: server.url });
  const setup = new CustomerProfilesClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  await setup.send(new CreateDomainCommand({ DomainName: DOMAIN, DefaultExpirationDays: 7 }));
  for (const name of ['one', 'two']) {
    await setup.send(new CreateDomainLayoutCommand({ DomainName: DOMAIN, LayoutDefinitionName: name, LayoutType: 'PROFILE_EXPLORER', DisplayName: name, Description: 'd', Layout: '{"a":1}' }));
  }
  setup.destroy();
}, 30_000);
afterAll(async () => {
  await proxy?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The domain every run reads (made once, straight on the server, so each run stays a few calls long). */
const DOMAIN = 'cpct-pii';

/** Lists (following one NextToken, so a planted token goes back in a query string), reads, and reads a missing layout. */
async function scenario(client: CustomerProfilesClient): Promise<void> {
  // Every call may fail once values are planted (a NextToken the server never issued): the exchange is recorded anyway.
  const call = (p: Promise<unknown>) => p.catch(() => undefined);
  const page = (await call(client.send(new ListDomainLayoutsCommand({ DomainName: DOMAIN, MaxResults: 1 })))) as { NextToken?: string } | undefined;
  await call(client.send(new ListDomainLayoutsCommand({ DomainName: DOMAIN, MaxResults: 1, NextToken: page?.NextToken ?? 'none' })));
  await call(client.send(new GetDomainLayoutCommand({ DomainName: DOMAIN, LayoutDefinitionName: 'one' })));
  await call(client.send(new GetDomainCommand({ DomainName: DOMAIN })));
  await call(client.send(new GetDomainLayoutCommand({ DomainName: DOMAIN, LayoutDefinitionName: 'missing' })));
}

/** The exchanges as a tape, unsanitized: what the scanner would read if the sanitizer let everything through. */
function rawTape(exchanges: readonly RawExchange[]): Tape {
  return {
    format: 'cpct-tape/1',
    meta: { seed: 1, referenceClock: '2025-06-09T00:00:00.000Z', runId: 'raw', sdkVersion: '0', projectVersion: '0', targetKind: 'endpoint', region: 'us-east-1', recordedAt: '2025-06-09T00:00:00.000Z', contractFile: 'raw' },
    interactions: exchanges.map((e) => {
      let response: unknown = e.body;
      try {
        response = JSON.parse(e.body);
      } catch {
        // Not JSON: kept as text.
      }
      return { scope: 'http://127.0.0.1', method: e.method, path: e.path, status: e.status, response, rawHeaders: e.headers };
    }),
  };
}

const segment = fc.constantFrom('Owner', 'Detail', 'Items', 'Contact', 'Meta', '[]');
const planting: fc.Arbitrary<{ planting: Omit<Planting, 'texts'>; plants: Plant[]; keepers: string[] }> = fc.record({
  planting: fc.record({ response: fc.nat({ max: RESPONSES - 1 }), place: fc.constantFrom(...PLACES), path: fc.array(segment, { maxLength: 4 }) }),
  plants: fc.array(anyPlant, { minLength: 1, maxLength: 3 }),
  keepers: fc.array(keeperText, { maxLength: 1 }),
});

describe('createRecorder (planted personal data and AWS ids)', () => {
  it('returns tapes holding no planted value, whose unsanitized exchanges the scanner flags value by value, and which sanitize to themselves', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(planting, { minLength: 1, maxLength: 3 }), async (drawn) => {
        run += 1;
        const plantings: Planting[] = drawn.map(({ planting: p, plants, keepers }) => ({ ...p, texts: [...plants.map((x) => x.text), ...keepers] }));
        const plants = drawn.flatMap((d) => d.plants);
        const keepers = drawn.flatMap((d) => d.keepers);
        proxy.reset({ plantings, responses: RESPONSES });
        const file = path.join(dir, `run-${run}.json`);
        const recorder = createRecorder({ file, key: KEY, registry, index, meta: { seed: 1, referenceClock: '2025-06-09T00:00:00.000Z', runId: `p${run}`, targetKind: 'endpoint', region: 'us-east-1', contractFile: 'pii.ts' } });
        const client = new CustomerProfilesClient({
          region: 'us-east-1',
          endpoint: proxy.url,
          maxAttempts: 1,
          credentials: { accessKeyId: 'ASIAQ2LPROPERTYTEST7', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYPROPERTY01', sessionToken: 'IQoJb3JpZ2luX2VjEPROPERTYTESTTOKEN0000000' },
          requestHandler: recorder.handler,
        });
        try {
          await scenario(client);
        } finally {
          client.destroy();
        }
        // save() re-reads the written tape with the scanner and throws on any finding.
        await recorder.save();
        const tape = loadTape({ file });
        expect(proxy.exchanges()).toHaveLength(RESPONSES);

        for (const plant of plants) expect(survivors({ value: tape, plant }), `${plant.kind} ${plant.text}`).toEqual([]);
        const strings = stringsOf({ value: tape });
        for (const keeper of keepers) expect(strings.some((s) => s.includes(keeper)), `generated value ${keeper} kept`).toBe(true);

        const findings = scanValue({ value: rawTape(proxy.exchanges()), file: 'raw' });
        for (const plant of plants) {
          // As written, or with its quotes escaped where it sits in JSON text held by a string.
          const excerpts = [plant.value, JSON.stringify(plant.value).slice(1, -1)].map((value) => excerptOf({ value }));
          expect(findings.some((f) => f.kind === plant.kind && excerpts.includes(f.excerpt)), `scanner finds ${plant.kind} ${plant.text}`).toBe(true);
        }

        expect(sanitizeTape({ tape, options: { key: KEY } })).toEqual(tape);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
