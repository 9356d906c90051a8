import { readFileSync } from 'node:fs';
import { CreateDomainCommand, CustomerProfilesClient, GetDomainCommand, type CustomerProfilesClientConfig } from '@aws-sdk/client-customer-profiles';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { setupServer } from 'msw/node';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMock } from '../../harness/mock/index.ts';
import { customerProfilesHandlers, endpointPatterns } from '../../harness/msw/index.ts';
import { ROOT } from '../cli/run-cli.ts';
import type { Tape } from '../../harness/recording/tape.ts';

const CREDENTIALS = { accessKeyId: 'MOCKACCESSKEYID00000', secretAccessKey: 'mock-secret-access-key' };

// Unhandled requests fail instead of going to the network: every request of these tests must be answered by msw.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function client(config: Partial<CustomerProfilesClientConfig> = {}): CustomerProfilesClient {
  return new CustomerProfilesClient({ region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1, ...config });
}

/** A tape of two exchanges, as the recorder writes them. */
function smallTape(): Tape {
  const headers = { 'content-type': 'application/json', 'x-amzn-requestid': '00000000-0000-4000-8000-000000000001', date: 'Mon, 07 Dec 2026 17:49:07 GMT' };
  return {
    format: 'cpct-tape/1',
    meta: { seed: 1, referenceClock: '2026-12-07T17:49:02.001Z', runId: 'r1', sdkVersion: '3.1019.0', projectVersion: '0.1.0', targetKind: 'endpoint', region: 'us-east-1', recordedAt: '2026-12-07T17:49:09.049Z', contractFile: 'x.contract.ts' },
    interactions: [
      { scope: 'https://customer-profiles.cpct.invalid', method: 'POST', path: '/domains/taped', body: { DefaultExpirationDays: 7 }, status: 200, response: { DomainName: 'taped', DefaultExpirationDays: 7, CreatedAt: 1796665747.961, LastUpdatedAt: 1796665747.961, Tags: {} }, rawHeaders: headers },
      { scope: 'https://customer-profiles.cpct.invalid', method: 'GET', path: '/domains/taped', body: '', status: 404, response: { message: 'recorded: no such domain' }, rawHeaders: { ...headers, 'x-amzn-errortype': 'ResourceNotFoundException' } },
    ],
  };
}

describe('customerProfilesHandlers', () => {
  it('returns handlers that answer the SDK (node-http handler) from one stateful reference implementation', async () => {
    server.use(...customerProfilesHandlers({ service: createMock() }));
    const c = client({ region: 'eu-west-2', requestHandler: new NodeHttpHandler() });
    await c.send(new CreateDomainCommand({ DomainName: 'msw-node', DefaultExpirationDays: 3 }));
    const got = await c.send(new GetDomainCommand({ DomainName: 'msw-node' }));
    expect(got.DefaultExpirationDays).toBe(3);
  });

  it('returns handlers that answer the SDK over fetch, and modelled errors for unknown ids', async () => {
    server.use(...customerProfilesHandlers());
    const c = client({ requestHandler: new FetchHttpHandler() });
    await expect(c.send(new GetDomainCommand({ DomainName: 'missing' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
    await c.send(new CreateDomainCommand({ DomainName: 'msw-fetch', DefaultExpirationDays: 5 }));
    expect((await c.send(new GetDomainCommand({ DomainName: 'msw-fetch' }))).DomainName).toBe('msw-fetch');
  });

  it('returns handlers that answer plain fetch, FIPS and dual-stack hosts included', async () => {
    const mock = createMock();
    server.use(...customerProfilesHandlers({ service: mock }));
    const created = await fetch('https://profile-fips.us-west-2.amazonaws.com/domains/plain', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ DefaultExpirationDays: 9 }),
    });
    expect(created.status).toBe(200);
    const read = await fetch('https://profile.us-west-2.api.aws/domains/plain');
    expect(((await read.json()) as { DefaultExpirationDays: number }).DefaultExpirationDays).toBe(9);
  });

  it('returns handlers for one region only given region, leaving other regions unhandled', async () => {
    server.use(...customerProfilesHandlers({ region: 'ap-southeast-2' }));
    expect((await fetch('https://profile.ap-southeast-2.amazonaws.com/domains/nope')).status).toBe(404);
    await expect(fetch('https://profile.us-east-1.amazonaws.com/domains/nope')).rejects.toThrow();
  });

  it('returns handlers for a custom endpoint with a base path, which the service does not see', async () => {
    server.use(...customerProfilesHandlers({ endpoint: 'http://profiles.test:4566/base' }));
    const c = client({ endpoint: 'http://profiles.test:4566/base', requestHandler: new NodeHttpHandler() });
    await c.send(new CreateDomainCommand({ DomainName: 'custom', DefaultExpirationDays: 4 }));
    expect((await c.send(new GetDomainCommand({ DomainName: 'custom' }))).DefaultExpirationDays).toBe(4);
  });

  it('returns handlers that replay a tape: recorded answers in order, errors included', async () => {
    server.use(...customerProfilesHandlers({ tapes: smallTape() }));
    const c = client({ requestHandler: new NodeHttpHandler() });
    const created = await c.send(new CreateDomainCommand({ DomainName: 'taped', DefaultExpirationDays: 7 }));
    expect(created.CreatedAt?.getTime()).toBe(1796665747961);
    await expect(c.send(new GetDomainCommand({ DomainName: 'taped' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'recorded: no such domain' });
  });

  it('returns a ReplayMismatchException naming the closest recorded request given a request no tape holds', async () => {
    server.use(...customerProfilesHandlers({ tapes: [smallTape()] }));
    const c = client({ requestHandler: new FetchHttpHandler() });
    const error = await c.send(new CreateDomainCommand({ DomainName: 'taped', DefaultExpirationDays: 8 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ReplayMismatchException', $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toContain('interactions[0] POST /domains/taped');
    expect((error as Error).message).toContain('body/DefaultExpirationDays: recorded 7, sent 8');
  });

  it('returns handlers replaying the committed recordings given their folder', async () => {
    server.use(...customerProfilesHandlers({ tapes: path.join(ROOT, 'recordings') }));
    const c = client({ requestHandler: new NodeHttpHandler() });
    // The first interaction of the layouts tape creates the file's domain, named after the recorded run id.
    const tape = JSON.parse(readFileSync(path.join(ROOT, 'recordings', 'mock', 'layouts.contract.json'), 'utf8')) as { meta: { runId: string } };
    const domain = `cpct-${tape.meta.runId}-layouts`;
    const created = await c.send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 7 }));
    expect(created.DomainName).toBe(domain);
  });

  it('throws a usage error given both service and tapes, or a bad endpoint', () => {
    expect(() => customerProfilesHandlers({ service: createMock(), tapes: smallTape() })).toThrow(/^msw: expected either service or tapes; saw both/);
    expect(() => customerProfilesHandlers({ endpoint: 'not a url' })).toThrow(/^msw: expected endpoint to be an absolute URL/);
    expect(() => customerProfilesHandlers({ tapes: path.join(ROOT, 'no-such-recordings') })).toThrow(/^msw: expected a tape file or a folder of tapes/);
  });
});

describe('endpointPatterns', () => {
  it('returns patterns matching every partition and FIPS host of the service, and nothing else', () => {
    const [aws] = endpointPatterns({});
    for (const url of ['https://profile.us-east-1.amazonaws.com/domains', 'https://profile.cn-north-1.amazonaws.com.cn/x', 'https://profile-fips.us-gov-west-1.amazonaws.com/x', 'https://profile.eu-west-1.api.aws/x']) {
      expect(aws.test(url), url).toBe(true);
    }
    for (const url of ['https://sts.us-east-1.amazonaws.com/', 'http://profile.us-east-1.amazonaws.com/x', 'https://profiles.us-east-1.amazonaws.com/x']) {
      expect(aws.test(url), url).toBe(false);
    }
  });

  it('throws a usage error given a region that is not a region name', () => {
    expect(() => endpointPatterns({ region: 'us-east-1.evil' })).toThrow(/^msw: expected a region name/);
  });
});
