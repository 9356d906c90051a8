import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../harness/mock/wire/core.ts';
import { createSdkRequestHandler, fromSdkRequest } from '../../../harness/mock/wire/sdk-handler.ts';
import { createMock } from '../../../harness/mock/index.ts';

type SdkRequest = Parameters<typeof fromSdkRequest>[0]['request'];

const request = (body: unknown, extra: Partial<SdkRequest> = {}): SdkRequest =>
  ({ method: 'POST', protocol: 'http:', hostname: 'mock.local', path: '/domains/d', query: {}, headers: { 'Content-Type': 'application/json' }, body, ...extra }) as SdkRequest;

const text = (body: Uint8Array | string | null) => (body === null ? null : typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));

async function* chunks(...parts: (string | Uint8Array)[]) {
  for (const p of parts) yield p;
}

describe('fromSdkRequest', () => {
  it('returns the body whatever form the SDK gives it in: string, bytes, ArrayBuffer, a view, a stream of chunks', async () => {
    const json = '{"DefaultExpirationDays":3}';
    const bytes = new TextEncoder().encode(json);
    const forms: unknown[] = [json, bytes, bytes.buffer.slice(0), new DataView(bytes.buffer.slice(0)), chunks('{"DefaultExpiration', new TextEncoder().encode('Days":3}'))];
    for (const form of forms) {
      const wire = await fromSdkRequest({ request: request(form) });
      expect(text(wire.body)).toBe(json);
      expect(wire.bodyTooLarge).toBe(false);
    }
  });

  it('returns no body given none, and lower-cased headers and the query string', async () => {
    const wire = await fromSdkRequest({ request: request(undefined, { method: 'GET', headers: { 'X-Amz-Target': 'T' }, query: { 'max-results': '5', tag: ['a b', 'c'], flag: null } as SdkRequest['query'] }) });
    expect(wire.body).toBeNull();
    expect(wire.header('x-amz-target')).toBe('T');
    expect(wire.header('content-type')).toBeUndefined();
    expect(wire.query).toBe('max-results=5&tag=a%20b&tag=c&flag');
  });

  it('returns bodyTooLarge without the bytes given a body over MAX_BODY_BYTES as a string or as a stream', async () => {
    const big = 'x'.repeat(MAX_BODY_BYTES + 1);
    const asString = await fromSdkRequest({ request: request(big) });
    expect(asString).toMatchObject({ body: null, bodyTooLarge: true });
    // Multi-byte characters: few enough code units, too many bytes.
    const wide = await fromSdkRequest({ request: request('é'.repeat(MAX_BODY_BYTES / 2 + 1)) });
    expect(wide).toMatchObject({ body: null, bodyTooLarge: true });
    const half = new Uint8Array(MAX_BODY_BYTES / 2 + 1);
    const streamed = await fromSdkRequest({ request: request(chunks(half, half)) });
    expect(streamed).toMatchObject({ body: null, bodyTooLarge: true });
    const asView = await fromSdkRequest({ request: request(new DataView(new ArrayBuffer(MAX_BODY_BYTES + 1))) });
    expect(asView).toMatchObject({ body: null, bodyTooLarge: true });
  });
});

describe('createSdkRequestHandler', () => {
  it('keeps the client configuration it is given (the SDK sets timeouts through it)', () => {
    const handler = createSdkRequestHandler({ core: createMock().core }) as unknown as { updateHttpClientConfig(k: string, v: unknown): void; httpHandlerConfigs(): Record<string, unknown> };
    expect(handler.httpHandlerConfigs()).toEqual({});
    handler.updateHttpClientConfig('requestTimeout', 1000);
    handler.updateHttpClientConfig('connectionTimeout', 50);
    expect(handler.httpHandlerConfigs()).toEqual({ requestTimeout: 1000, connectionTimeout: 50 });
  });
});
