import { CustomerProfilesClient, GetDomainCommand, GetDomainLayoutCommand } from '@aws-sdk/client-customer-profiles';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HarnessError } from '../../harness/errors.ts';
import { createReplayHandler, replayHandlerFor, ReplayMismatchError } from '../../harness/recording/replay.ts';
import { writeTape } from '../../harness/recording/tape.ts';
import { ia, JSON_HEADERS, serviceTape, tape } from './fixtures.ts';

/** Calls the handler as the SDK would, and returns status and parsed body. */
async function call(handler: ReturnType<typeof createReplayHandler>, request: { method: string; path: string; query?: Record<string, string | string[] | null>; body?: string; headers?: Record<string, string> }) {
  const { response } = (await handler.handle({ protocol: 'https:', hostname: 'anything.example', query: {}, headers: {}, ...request } as never)) as unknown as {
    response: { statusCode: number; headers: Record<string, string>; body: Uint8Array };
  };
  const text = Buffer.from(response.body).toString('utf8');
  return { status: response.statusCode, headers: response.headers, body: text ? JSON.parse(text) : null };
}

async function mismatch(promise: Promise<unknown>): Promise<ReplayMismatchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReplayMismatchError);
  return error as ReplayMismatchError;
}

describe('createReplayHandler', () => {
  it('returns the recorded response for a JSON body sent with its keys in another order, headers ignored', async () => {
    const handler = createReplayHandler({ tape: tape([ia({ method: 'POST', path: '/d', body: { a: 1, b: { c: [1, { x: 'y', z: null }], d: 'e' } }, response: { ok: 1 } })]) });
    const result = await call(handler, { method: 'POST', path: '/d', body: '{"b":{"d":"e","c":[1,{"z":null,"x":"y"}]},"a":1}', headers: { authorization: 'AWS4-HMAC-SHA256 whatever', 'x-amz-date': 'now' } });
    expect(result).toEqual({ status: 200, headers: { ...JSON_HEADERS, 'content-length': '8' }, body: { ok: 1 } });
  });

  it('returns the recorded response for a query given in another order, with repeated keys and encoded values', async () => {
    const handler = createReplayHandler({ tape: tape([ia({ method: 'GET', path: '/l?b=2&k=x%20y%2Fz&a=1&m=p&m=q', response: { hit: true } })]) });
    expect((await call(handler, { method: 'GET', path: '/l', query: { a: '1', m: ['p', 'q'], k: 'x y/z', b: '2' } })).body).toEqual({ hit: true });
  });

  it('returns identical requests their responses in recorded order (a waiter\'s polls), then refuses one more', async () => {
    const handler = createReplayHandler({
      tape: tape([
        ia({ method: 'GET', path: '/p', response: { State: 'PENDING' } }),
        ia({ method: 'GET', path: '/other', response: { x: 1 } }),
        ia({ method: 'GET', path: '/p', response: { State: 'PENDING' } }),
        ia({ method: 'GET', path: '/p', response: { State: 'DONE' } }),
      ]),
      file: 'polls.json',
    });
    const states = [];
    for (let i = 0; i < 3; i++) states.push((await call(handler, { method: 'GET', path: '/p' })).body.State);
    expect(states).toEqual(['PENDING', 'PENDING', 'DONE']);
    const error = await mismatch(call(handler, { method: 'GET', path: '/p' }));
    expect(error.message).toContain('closest recorded request is interactions[0] GET /p (already used: the run sent it more often than when it was recorded)');
    expect(handler.served()).toBe(3);
    expect(handler.unused()).toEqual([{ index: 1, method: 'GET', path: '/other' }]);
  });

  it('throws a mismatch naming the request, the closest recorded one and a structural diff of query and body', async () => {
    const handler = createReplayHandler({
      tape: tape([
        ia({ method: 'GET', path: '/domains/d/layouts?max-results=5', operation: 'ListDomainLayouts' }),
        ia({ method: 'POST', path: '/domains/d/layouts/main', body: { Description: 'a', DisplayName: 'Main', Layout: '{}' }, operation: 'CreateDomainLayout' }),
      ]),
      file: 'recordings/aws/layouts.contract.json',
    });
    const error = await mismatch(call(handler, { method: 'POST', path: '/domains/d/layouts/main', query: { x: '1' }, body: '{"Description":"b","DisplayName":"Main","Extra":true}' }));
    expect(error).toBeInstanceOf(HarnessError);
    expect(error.message).toBe(
      'replay: expected a request recorded in recordings/aws/layouts.contract.json; ' +
        'saw POST /domains/d/layouts/main?x=1 body {"Description":"b","DisplayName":"Main","Extra":true}; ' +
        'the closest recorded request is interactions[1] POST /domains/d/layouts/main body {"Description":"a","DisplayName":"Main","Layout":"{}"}; ' +
        'differences: query/x: not recorded, sent "1"; body/Description: recorded "a", sent "b"; body/Extra: not recorded, sent true; body/Layout: recorded "{}", not sent. ' +
        'Re-record with --record if the contract or the data changed',
    );
    expect(error.closest).toEqual({ index: 1, consumed: false, differences: ['query/x: not recorded, sent "1"', 'body/Description: recorded "a", sent "b"', 'body/Extra: not recorded, sent true', 'body/Layout: recorded "{}", not sent'] });
    const other = await mismatch(call(handler, { method: 'GET', path: '/domains/d/layouts', query: { 'max-results': '6' } }));
    expect(other.closest?.differences).toEqual(['query/max-results: recorded "5", sent "6"']);
    expect(handler.unused().map((u) => u.operation)).toEqual(['ListDomainLayouts', 'CreateDomainLayout']);
  });

  it('returns the recorded response for a live request carrying the real account id where the tape has the fake one', async () => {
    const fake = encodeURIComponent('arn:aws:profile:us-east-1:000000000000:domains/d');
    const real = encodeURIComponent('arn:aws:profile:us-east-1:123456789012:domains/d');
    const handler = createReplayHandler({ tape: tape([ia({ method: 'POST', path: `/tags/${fake}`, body: { tags: { k: 'v' } }, response: { tagged: 1 } })]) });
    expect((await call(handler, { method: 'POST', path: `/tags/${real}`, body: '{"tags":{"k":"v"}}' })).body).toEqual({ tagged: 1 });
  });

  it('throws an AbortError for an aborted request, consuming nothing', async () => {
    const handler = createReplayHandler({ tape: tape([ia({ method: 'GET', path: '/p' })]) });
    const controller = new AbortController();
    controller.abort();
    await expect(handler.handle({ method: 'GET', path: '/p', query: {}, headers: {} } as never, { abortSignal: controller.signal as never })).rejects.toMatchObject({ name: 'AbortError' });
    expect(handler.unused()).toHaveLength(1);
  });
});

describe('replayHandlerFor', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cpct-replay-for-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

  it('returns a handler for the contract file\'s tape and the meta to reproduce the run; a mismatch fails the call once, unretried', async () => {
    writeTape({ file: path.join(dir, 'aws', 'layouts.contract.json'), tape: serviceTape() });
    const found = replayHandlerFor({ dir, targetKind: 'aws', contractFile: 'specs/contracts/layouts.contract.ts', sdkVersion: '3.1019.0', projectVersion: '0.1.0' });
    expect(found.error).toBeUndefined();
    expect(found.meta?.runId).toBe('r');
    const c = new CustomerProfilesClient({ region: 'us-east-1', endpoint: 'http://x.invalid', credentials, requestHandler: found.handler, maxAttempts: 3 });
    const error = await c.send(new GetDomainLayoutCommand({ DomainName: 'other', LayoutDefinitionName: 'x' })).catch((e: Error) => e);
    expect(error).toBeInstanceOf(ReplayMismatchError);
    expect((error as ReplayMismatchError).message).toContain('saw GET /domains/other/layouts/x');
    expect((error as { $metadata?: { attempts?: number } }).$metadata?.attempts).toBe(1);
    expect(found.handler.unused()).toHaveLength(5);
  });

  it('returns a handler that fails every call naming the missing tape, and one naming the version for an incompatible tape', async () => {
    const missing = replayHandlerFor({ dir, targetKind: 'aws', contractFile: 'wire.contract.ts' });
    expect(missing.error?.message).toBe(`replay: expected a tape for wire.contract.ts at ${path.join(dir, 'aws', 'wire.contract.json')}; saw no such file; record it with --record against the aws target, or pass --recordings DIR`);
    const c = new CustomerProfilesClient({ region: 'us-east-1', endpoint: 'http://x.invalid', credentials, requestHandler: missing.handler, maxAttempts: 1 });
    await expect(c.send(new GetDomainCommand({ DomainName: 'd' }))).rejects.toBe(missing.error);

    const old = replayHandlerFor({ dir, targetKind: 'aws', contractFile: 'layouts.contract.ts', sdkVersion: '4.0.0', projectVersion: '0.1.0' });
    expect(old.error?.message).toContain('another major line');
    expect(old.meta?.sdkVersion).toBe('3.1019.0');
  });
});
