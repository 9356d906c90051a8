import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateDomainCommand,
  CreateDomainLayoutCommand,
  CustomerProfilesClient,
  GetDomainLayoutCommand,
  ListDomainLayoutsCommand,
} from '@aws-sdk/client-customer-profiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../harness/clock.ts';
import { startMockServer, type MockServer } from '../../harness/mock/server.ts';
import { createRecorder } from '../../harness/recording/record.ts';
import { createReplayHandler } from '../../harness/recording/replay.ts';
import { CANONICAL_SCOPE } from '../../harness/recording/sanitize.ts';
import { loadTape } from '../../harness/recording/tape.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cpct-record-integ-'));
let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ port: 0, clock: new ManualClock({ startMs: Date.UTC(2025, 5, 9) }) });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('createRecorder', () => {
  it('returns a tape recorded over a socket with the SDK\'s own handler that replays offline to identical outputs', async () => {
    const file = path.join(dir, 'endpoint', 'layouts.contract.json');
    const recorder = createRecorder({ file, meta: { seed: 1, referenceClock: '2025-06-09T00:00:00.000Z', runId: 'r', targetKind: 'endpoint', region: 'eu-west-1', contractFile: 'layouts.contract.ts' } });
    const config = { region: 'eu-west-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }, maxAttempts: 1 };
    const run = async (c: CustomerProfilesClient) => {
      const out: unknown[] = [];
      out.push(await c.send(new CreateDomainCommand({ DomainName: 'd', DefaultExpirationDays: 3 })));
      out.push(await c.send(new CreateDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: 'l', LayoutType: 'PROFILE_EXPLORER', DisplayName: 'L', Description: 'x', Layout: '{}' })));
      out.push(await c.send(new ListDomainLayoutsCommand({ DomainName: 'd', MaxResults: 1 })));
      out.push(await c.send(new GetDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: 'nope' })).catch((e: Error) => ({ name: e.name, message: e.message })));
      return out;
    };
    const live = new CustomerProfilesClient({ ...config, endpoint: server.url, requestHandler: recorder.handler });
    const recorded = await run(live);
    live.destroy();
    await recorder.save();

    const tape = loadTape({ file });
    expect(tape.interactions.map((i) => [i.scope, i.method, i.path, i.status])).toEqual([
      [CANONICAL_SCOPE, 'POST', '/domains/d', 200],
      [CANONICAL_SCOPE, 'POST', '/domains/d/layouts/l', 200],
      [CANONICAL_SCOPE, 'GET', '/domains/d/layouts?max-results=1', 200],
      [CANONICAL_SCOPE, 'GET', '/domains/d/layouts/nope', 404],
    ]);
    expect(JSON.stringify(tape)).not.toContain(String(server.port));

    const replay = createReplayHandler({ tape, file });
    const replayed = await run(new CustomerProfilesClient({ ...config, endpoint: 'http://offline.invalid', requestHandler: replay }));
    expect(replayed).toEqual(recorded);
  });
});
