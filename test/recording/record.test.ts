import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  CreateDomainCommand,
  CreateDomainLayoutCommand,
  CreateProfileCommand,
  CustomerProfilesClient,
  GetDomainCommand,
  GetDomainLayoutCommand,
  ListDomainLayoutsCommand,
  ListTagsForResourceCommand,
  SearchProfilesCommand,
  TagResourceCommand,
} from '@aws-sdk/client-customer-profiles';
import { afterAll, describe, expect, it } from 'vitest';
import { generateProfileBundle } from '../../generators/generate.ts';
import { ManualClock } from '../../harness/clock.ts';
import { createMock, IN_PROCESS_ENDPOINT, MOCK_CREDENTIALS } from '../../harness/mock/index.ts';
import type { SdkHttpHandler } from '../../harness/mock/wire/sdk-handler.ts';
import { createRecorder, type RecorderMeta } from '../../harness/recording/record.ts';
import { createReplayHandler } from '../../harness/recording/replay.ts';
import { scanFile } from '../../harness/recording/scan.ts';
import { loadTape } from '../../harness/recording/tape.ts';
import { ACCESS_KEY_ID, ACCOUNT, REAL_EMAIL } from './planted.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cpct-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLOCK_MS = Date.UTC(2025, 5, 9);
const META: RecorderMeta = { seed: 7, referenceClock: new Date(CLOCK_MS).toISOString(), runId: 'run1', targetKind: 'embedded', region: 'us-east-1', contractFile: 'layouts.contract.ts' };

function client(requestHandler: SdkHttpHandler): CustomerProfilesClient {
  return new CustomerProfilesClient({ region: 'us-east-1', endpoint: IN_PROCESS_ENDPOINT, credentials: MOCK_CREDENTIALS, requestHandler, maxAttempts: 1 });
}

/** What the SDK made of each call: the output, or the error's name, message and metadata. */
async function outcomes(calls: (() => Promise<unknown>)[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const c of calls) {
    try {
      out.push(await c());
    } catch (error) {
      const e = error as Error & { $metadata: unknown };
      out.push({ error: e.name, message: e.message, metadata: e.$metadata });
    }
  }
  return out;
}

/** A wrapper around a handler that rewrites response bodies (JSON) and hands them on as streams, as a socket would. */
function rewriting(inner: SdkHttpHandler, rewrite: (path: string, body: Record<string, any>) => Record<string, any>): SdkHttpHandler {
  return {
    async handle(request: any, options: any) {
      const { response } = (await inner.handle(request, options)) as any;
      const text = Buffer.from(response.body).toString('utf8');
      const body = Buffer.from(text ? JSON.stringify(rewrite(request.path, JSON.parse(text))) : '');
      return { response: { ...response, headers: { ...response.headers, 'content-length': String(body.byteLength) }, body: Readable.from([body]) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  } as unknown as SdkHttpHandler;
}

describe('createRecorder', () => {
  it('returns a tape that replays through the real client to identical outputs (success, error, generated profile)', async () => {
    const mock = createMock({ clock: new ManualClock({ startMs: CLOCK_MS }) });
    const file = path.join(dir, 'embedded', 'layouts.contract.json');
    const recorder = createRecorder({ file, meta: META, inner: mock.requestHandler });
    const profile = generateProfileBundle({ seed: 7, clockMs: CLOCK_MS, index: 0, families: [] })[0].object as Record<string, any>;
    const run = (c: CustomerProfilesClient) =>
      outcomes([
        () => c.send(new CreateDomainCommand({ DomainName: 'cpct-run1-layouts', DefaultExpirationDays: 7 })),
        () => c.send(new CreateDomainLayoutCommand({ DomainName: 'cpct-run1-layouts', LayoutDefinitionName: 'main', LayoutType: 'PROFILE_EXPLORER', DisplayName: 'Main', Description: 'd', Layout: '{"a":1}' })),
        () => c.send(new ListDomainLayoutsCommand({ DomainName: 'cpct-run1-layouts', MaxResults: 5 })),
        () => c.send(new GetDomainLayoutCommand({ DomainName: 'cpct-run1-layouts', LayoutDefinitionName: 'main' })),
        () => c.send(new GetDomainLayoutCommand({ DomainName: 'cpct-run1-layouts', LayoutDefinitionName: 'missing' })),
        () => c.send(new CreateProfileCommand({ DomainName: 'cpct-run1-layouts', ...profile })),
        () => c.send(new SearchProfilesCommand({ DomainName: 'cpct-run1-layouts', KeyName: '_email', Values: [profile.EmailAddress] })),
      ]);
    const recorded = await run(client(recorder.handler));
    const saved = await recorder.save();
    expect(saved).toEqual({ file, interactions: 7, flagged: 0 });
    expect(scanFile({ file })).toEqual([]);

    const tape = loadTape({ file });
    expect(tape.meta).toMatchObject({ ...META, sdkVersion: expect.stringMatching(/^3\./), projectVersion: '0.1.0' });
    expect(tape.interactions.map((i) => i.operation)).toEqual(['CreateDomain', 'CreateDomainLayout', 'ListDomainLayouts', 'GetDomainLayout', 'GetDomainLayout', 'CreateProfile', 'SearchProfiles']);
    expect(tape.interactions[2].path).toBe('/domains/cpct-run1-layouts/layouts?max-results=5');
    // The generated profile (faker names, reserved e-mail, fiction phone) is kept as it was sent and returned.
    expect((tape.interactions[6].response as any).Items[0]).toMatchObject({ FirstName: profile.FirstName, LastName: profile.LastName, EmailAddress: profile.EmailAddress, Address: profile.Address });

    const replay = createReplayHandler({ tape, file });
    const replayed = await run(client(replay));
    expect(replayed).toEqual(recorded);
    expect(replay.unused()).toEqual([]);
  });

  it('returns a tape without the account id, access key or real e-mail a target answered with, which still replays', async () => {
    const mock = createMock({ clock: new ManualClock({ startMs: CLOCK_MS }), options: { accountId: ACCOUNT } });
    // Data that was in the account before the run: the search answers with a real person's address.
    const inner = rewriting(mock.requestHandler, (p, body) => {
      if (p.endsWith('/profiles/search')) for (const item of body.Items ?? []) item.EmailAddress = REAL_EMAIL;
      return body;
    });
    const file = path.join(dir, 'aws', 'planted.contract.json');
    const recorder = createRecorder({ file, meta: { ...META, targetKind: 'aws' }, inner });
    const arn = `arn:aws:profile:us-east-1:${ACCOUNT}:domains/d1`;
    const run = (c: CustomerProfilesClient) =>
      outcomes([
        () => c.send(new CreateDomainCommand({ DomainName: 'd1', DefaultExpirationDays: 7, DefaultEncryptionKey: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1`, Tags: { owner: ACCESS_KEY_ID } })),
        () => c.send(new GetDomainCommand({ DomainName: 'd1' })),
        () => c.send(new TagResourceCommand({ resourceArn: arn, tags: { team: 'a' } })),
        () => c.send(new ListTagsForResourceCommand({ resourceArn: arn })),
        () => c.send(new CreateProfileCommand({ DomainName: 'd1', FirstName: 'Genny', EmailAddress: 'genny@example.com' })),
        () => c.send(new SearchProfilesCommand({ DomainName: 'd1', KeyName: '_email', Values: ['genny@example.com'] })),
      ]);
    const recorded = await run(client(recorder.handler));
    expect(JSON.stringify(recorded)).toContain(ACCOUNT);
    await recorder.save();

    const text = readFileSync(file, 'utf8');
    for (const secret of [ACCOUNT, ACCESS_KEY_ID, REAL_EMAIL]) expect(text).not.toContain(secret);
    expect(scanFile({ file })).toEqual([]);
    const tape = loadTape({ file });
    expect(tape.interactions[2].path).toBe(`/tags/${encodeURIComponent('arn:aws:profile:us-east-1:000000000000:domains/d1')}`);
    const placeholder = (tape.interactions[5].response as any).Items[0].EmailAddress as string;
    expect(placeholder).toMatch(/^redacted-email-[0-9a-f]{8}@example\.invalid$/);

    // The replayed run sends the real ARN and key again (they are in its inputs) and still matches; it sees the
    // placeholders where the recording saw the secrets.
    const replay = createReplayHandler({ tape, file });
    const replayed = await run(client(replay));
    const expected = JSON.parse(JSON.stringify(recorded).replaceAll(ACCOUNT, '000000000000').replaceAll(ACCESS_KEY_ID, 'REDACTED_ACCESS_KEY_ID').replaceAll(REAL_EMAIL, placeholder));
    expect(JSON.parse(JSON.stringify(replayed))).toEqual(expected);
    expect(replay.unused()).toEqual([]);
  });

  it('returns interactions flagged with the schema violations of their responses, recorded all the same', async () => {
    const mock = createMock({ clock: new ManualClock({ startMs: CLOCK_MS }) });
    const inner = rewriting(mock.requestHandler, (_p, body) => ({ ...body, DefaultExpirationDays: 'seven' }));
    const recorder = createRecorder({ file: path.join(dir, 'flagged.json'), meta: META, inner });
    await client(recorder.handler).send(new CreateDomainCommand({ DomainName: 'd1', DefaultExpirationDays: 7 })).catch(() => undefined);
    const [interaction] = recorder.interactions();
    expect(interaction.violations).toEqual([expect.objectContaining({ part: 'body', pointer: '/DefaultExpirationDays', severity: 'error' })]);
    expect((await recorder.save()).flagged).toBe(1);
  });

  it('throws naming the file and the location, and deletes the tape, when the scan still finds something', async () => {
    const mock = createMock({ clock: new ManualClock({ startMs: CLOCK_MS }) });
    const file = path.join(dir, 'leaky.json');
    // A caller that allow-lists a real address overrides the sanitizer; the scan is the last line of defence.
    const recorder = createRecorder({ file, meta: META, inner: mock.requestHandler, allow: [REAL_EMAIL] });
    const c = client(recorder.handler);
    await c.send(new CreateDomainCommand({ DomainName: 'd1', DefaultExpirationDays: 7 }));
    await c.send(new CreateProfileCommand({ DomainName: 'd1', EmailAddress: REAL_EMAIL }));
    await expect(recorder.save()).rejects.toThrow(`record: expected no secret or personal data in the tape ${file}; saw 1 finding(s) after sanitizing:\n${file} at /interactions/1/body/EmailAddress: email`);
    expect(existsSync(file)).toBe(false);
  });

  it('returns concurrent requests in the order they were sent, whatever order they finish in', async () => {
    let n = 0;
    const slowFirst = {
      async handle() {
        const mine = ++n;
        await new Promise((r) => setTimeout(r, mine === 1 ? 30 : 1));
        return { response: { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ DomainName: `answer-${mine}` })) } };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    } as unknown as SdkHttpHandler;
    const recorder = createRecorder({ file: path.join(dir, 'order.json'), meta: META, inner: slowFirst, validate: false });
    const c = client(recorder.handler);
    await Promise.all([c.send(new GetDomainCommand({ DomainName: 'd' })), c.send(new GetDomainCommand({ DomainName: 'd' }))]);
    expect(recorder.interactions().map((i) => (i.response as { DomainName: string }).DomainName)).toEqual(['answer-1', 'answer-2']);
  });
});
