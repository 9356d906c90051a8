import { CreateDomainCommand, CustomerProfilesClient, GetDomainLayoutCommand, ListDomainLayoutsCommand } from '@aws-sdk/client-customer-profiles';
import { describe, expect, it } from 'vitest';
import { createMock } from '../../harness/mock/index.ts';
import { inProcessHttpHandler, urlOfRequest } from '../../harness/targets/in-process-handler.ts';
import { openTarget } from '../../harness/targets/index.ts';

describe('urlOfRequest', () => {
  it('returns the URL with query keys and values percent-encoded as RFC 3986 requires', () => {
    const url = urlOfRequest({
      request: { protocol: 'http:', hostname: 'h.test', port: 8080, path: '/domains/d%20x/layouts', query: { 'next-token': "a b!'()*", 'max-results': '2', flag: null, multi: ['1', '2'] }, headers: {}, method: 'GET' } as never,
    });
    expect(url).toBe("http://h.test:8080/domains/d%20x/layouts?next-token=a%20b%21%27%28%29%2A&max-results=2&flag&multi=1&multi=2");
  });
});

describe('inProcessHttpHandler', () => {
  it('carries SDK requests to a Fetch handle and its responses back, success and error', async () => {
    const mock = createMock();
    const seen: string[] = [];
    const handle = async (request: Request) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`);
      return mock.handle(request);
    };
    const client = new CustomerProfilesClient({ region: 'us-east-1', endpoint: 'http://mock.local', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, requestHandler: inProcessHttpHandler({ handle }), maxAttempts: 1 });
    await client.send(new CreateDomainCommand({ DomainName: 'dom', DefaultExpirationDays: 3 }));
    const list = await client.send(new ListDomainLayoutsCommand({ DomainName: 'dom', MaxResults: 5 }));
    expect(list.Items).toEqual([]);
    const error = (await client.send(new GetDomainLayoutCommand({ DomainName: 'dom', LayoutDefinitionName: 'missing' })).catch((e: unknown) => e)) as Error & { $metadata: { httpStatusCode: number } };
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(seen).toEqual(['POST /domains/dom', 'GET /domains/dom/layouts?max-results=5', 'GET /domains/dom/layouts/missing']);
  });
});

describe('openTarget', () => {
  it('returns an embedded target whose client reaches a fresh reference implementation, wrapped when a fault is named', async () => {
    for (const spec of [{ kind: 'embedded' as const }, { kind: 'embedded' as const, fault: 'not-found-as-500' }]) {
      const target = openTarget({ spec, optional: [] });
      const client = new CustomerProfilesClient(target.clientConfig());
      const error = (await client.send(new GetDomainLayoutCommand({ DomainName: 'nope', LayoutDefinitionName: 'x' })).catch((e: unknown) => e)) as Error;
      expect(error.name).toBe(spec.fault ? 'InternalServerException' : 'ResourceNotFoundException');
      expect(target.waiter.maxWaitTime).toBeLessThan(1);
      await target.close();
    }
  });

  it('returns an endpoint target that signs for the given region with the given credentials', async () => {
    const target = openTarget({ spec: { kind: 'endpoint', url: 'http://127.0.0.1:1', region: 'eu-west-1', credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' } }, optional: ['ListDomainLayouts'] });
    expect(target.clientConfig()).toMatchObject({ endpoint: 'http://127.0.0.1:1', region: 'eu-west-1', credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' } });
    expect([...target.optional]).toEqual(['ListDomainLayouts']);
    expect(target.label).toBe('endpoint http://127.0.0.1:1');
  });
});
