import { Readable } from 'node:stream';
import { CustomerProfilesClient, GetDomainLayoutCommand } from '@aws-sdk/client-customer-profiles';
import { describe, expect, it } from 'vitest';
import { attachWireValidation, readBody } from '../../harness/wire-validation/index.ts';

const body = JSON.stringify({
  LayoutDefinitionName: 'main',
  Description: 'd',
  DisplayName: 'Main',
  LayoutType: 'PROFILE_EXPLORER',
  Layout: '{}',
  Version: '1',
  CreatedAt: 1,
  LastUpdatedAt: 2,
});
const bytes = () => new TextEncoder().encode(body);

/** A client whose request handler answers in-process with the given body kind; no network at all. */
function clientWith(makeBody: () => unknown) {
  const requests: unknown[] = [];
  const client = new CustomerProfilesClient({
    endpoint: 'https://profile.example.invalid',
    region: 'ap-southeast-2',
    credentials: { accessKeyId: 'AKIDEXAMPLETESTONLY', secretAccessKey: 'not-a-real-secret', sessionToken: 'token-value' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: unknown) => {
        requests.push(request);
        return { response: { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: makeBody() } };
      },
    },
  });
  return { client, requests };
}

describe('readBody', () => {
  it('returns the same bytes given a Node stream, a web stream, bytes, a string or nothing', async () => {
    const expected = Array.from(bytes());
    expect(Array.from(await readBody({ body: Readable.from([Buffer.from(body.slice(0, 5)), Buffer.from(body.slice(5))]) }))).toEqual(expected);
    expect(Array.from(await readBody({ body: new Blob([bytes()]).stream() }))).toEqual(expected);
    expect(Array.from(await readBody({ body: bytes() }))).toEqual(expected);
    expect(Array.from(await readBody({ body }))).toEqual(expected);
    expect(Array.from(await readBody({ body: undefined }))).toEqual([]);
  });
});

describe('attachWireValidation', () => {
  it.each([
    ['a Node Readable', () => Readable.from([Buffer.from(bytes())])],
    ['a web ReadableStream', () => new Blob([bytes()]).stream()],
    ['a Uint8Array', () => bytes()],
  ])('captures the body and leaves the SDK output intact given a custom handler returning %s', async (_kind, makeBody) => {
    const { client } = clientWith(makeBody);
    const wire = attachWireValidation({ client });
    const out = await client.send(new GetDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: 'main' }));
    expect(out.Version).toBe('1');
    expect(out.LastUpdatedAt).toEqual(new Date(2000));
    expect(new TextDecoder().decode(wire.exchanges()[0].response.body)).toBe(body);
    expect(wire.exchanges()[0].response.headers['content-type']).toBe('application/json');
    expect(wire.violations()).toEqual([]);
    client.destroy();
  });

  it('redacts credentials in the recorded request and calls onExchange once per exchange', async () => {
    const { client } = clientWith(() => bytes());
    const seen: string[] = [];
    const wire = attachWireValidation({ client, onExchange: ({ exchange, violations }) => seen.push(`${exchange.operation}:${violations.length}`) });
    await client.send(new GetDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: 'main' }));
    const { headers } = wire.exchanges()[0].request;
    expect(headers.authorization).toBe('<redacted>');
    expect(headers['x-amz-security-token']).toBe('<redacted>');
    expect(JSON.stringify(wire.exchanges())).not.toContain('token-value');
    expect(seen).toEqual(['GetDomainLayout:0']);
    client.destroy();
  });

  it('returns the count of every exchange and keeps only the latest given retain, numbering violations by that count', async () => {
    const { client } = clientWith(() => new TextEncoder().encode(JSON.stringify({ ...JSON.parse(body), LayoutType: 'NOT_A_TYPE' })));
    const seen: string[] = [];
    const wire = attachWireValidation({ client, retain: 2, onExchange: ({ exchange }) => seen.push(exchange.operation) });
    for (let i = 0; i < 5; i++) await client.send(new GetDomainLayoutCommand({ DomainName: 'd', LayoutDefinitionName: `l${i}` }));
    expect(wire.count()).toBe(5);
    expect(seen).toHaveLength(5);
    expect(wire.exchanges().length).toBeGreaterThanOrEqual(2);
    expect(wire.exchanges().length).toBeLessThan(5);
    expect(wire.since({ index: 4 }).map((e) => e.request.path)).toEqual(['/domains/d/layouts/l4']);
    expect(() => wire.since({ index: 0 })).toThrow(/^wire-validation: expected exchange 0 still kept; saw exchanges before \d let go \(retain 2\)/);
    // One enum warning per response, numbered 0..4 whatever was let go.
    expect(wire.violations().map((v) => v.exchange)).toEqual([0, 1, 2, 3, 4]);
    wire.clear();
    expect([wire.count(), wire.exchanges().length]).toEqual([0, 0]);
    expect(() => attachWireValidation({ client: clientWith(() => bytes()).client, retain: 0 })).toThrow(/retain must be at least 1/);
    client.destroy();
  });

  it('refuses a second attachment to the same client with a clear message', () => {
    const { client } = clientWith(() => bytes());
    const first = attachWireValidation({ client });
    expect(() => attachWireValidation({ client })).toThrow(/^wire-validation: expected a client without wire validation attached/);
    first.detach();
    expect(() => attachWireValidation({ client }).detach()).not.toThrow();
    client.destroy();
  });
});
