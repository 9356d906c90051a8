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

  it('refuses a second attachment to the same client with a clear message', () => {
    const { client } = clientWith(() => bytes());
    const first = attachWireValidation({ client });
    expect(() => attachWireValidation({ client })).toThrow(/^wire-validation: expected a client without wire validation attached/);
    first.detach();
    expect(() => attachWireValidation({ client }).detach()).not.toThrow();
    client.destroy();
  });
});
