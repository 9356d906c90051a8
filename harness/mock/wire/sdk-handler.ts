import type { CustomerProfilesClientConfig } from '@aws-sdk/client-customer-profiles';
import { MAX_BODY_BYTES, type WireCore, type WireRequest, type WireResponse } from './core.ts';

/**
 * An in-process request handler for the SDK: the client serialises and signs as usual, and instead of a socket the
 * request goes straight into the mock's core. The SDK's own types are derived from the client's config so this file
 * depends only on the client package.
 */

/** The handler shape the client accepts as `requestHandler` (the Smithy HttpHandler interface). */
export type SdkHttpHandler = Extract<NonNullable<CustomerProfilesClientConfig['requestHandler']>, { handle: unknown }>;
type SdkRequest = Parameters<SdkHttpHandler['handle']>[0];
type SdkHandlerOptions = Parameters<SdkHttpHandler['handle']>[1];
type SdkOutput = Awaited<ReturnType<SdkHttpHandler['handle']>>;

function queryString(query: SdkRequest['query']): string {
  const parts: string[] = [];
  for (const key of Object.keys(query ?? {})) {
    const value = query[key];
    const k = encodeURIComponent(key);
    if (value === null || value === undefined) parts.push(k);
    else if (Array.isArray(value)) for (const v of value) parts.push(`${k}=${encodeURIComponent(v)}`);
    else parts.push(`${k}=${encodeURIComponent(value)}`);
  }
  return parts.join('&');
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array | string> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** Collects a streaming SDK body (Node Readable or any async iterable) up to the cap. */
async function collect(body: AsyncIterable<Uint8Array | string>): Promise<{ bytes: Uint8Array | null; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += buf.byteLength;
    if (size > MAX_BODY_BYTES) return { bytes: null, tooLarge: true };
    chunks.push(buf);
  }
  return { bytes: Buffer.concat(chunks), tooLarge: false };
}

/** Converts the SDK request into the core's request. */
export async function fromSdkRequest({ request }: { request: SdkRequest }): Promise<WireRequest> {
  const headers = request.headers ?? {};
  let lower: Record<string, string> | undefined;
  const header = (name: string): string | undefined => {
    if (!lower) {
      lower = {};
      for (const key of Object.keys(headers)) lower[key.toLowerCase()] = headers[key];
    }
    return lower[name];
  };
  const raw: unknown = request.body;
  let body: Uint8Array | string | null = null;
  let bodyTooLarge = false;
  if (typeof raw === 'string') {
    bodyTooLarge = raw.length > MAX_BODY_BYTES || (raw.length * 3 > MAX_BODY_BYTES && Buffer.byteLength(raw) > MAX_BODY_BYTES);
    body = bodyTooLarge ? null : raw;
  } else if (raw instanceof Uint8Array) {
    bodyTooLarge = raw.byteLength > MAX_BODY_BYTES;
    body = bodyTooLarge ? null : raw;
  } else if (ArrayBuffer.isView(raw) || raw instanceof ArrayBuffer) {
    const bytes = ArrayBuffer.isView(raw) ? new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength) : new Uint8Array(raw);
    bodyTooLarge = bytes.byteLength > MAX_BODY_BYTES;
    body = bodyTooLarge ? null : bytes;
  } else if (isAsyncIterable(raw)) {
    ({ bytes: body, tooLarge: bodyTooLarge } = await collect(raw));
  }
  return { method: request.method, path: request.path, query: queryString(request.query), header, body, bodyTooLarge };
}

/** Converts the core's response into what the SDK's deserialisers read: lower-case headers and a byte body. */
export function toSdkResponse({ response }: { response: WireResponse }): SdkOutput['response'] {
  const headers: Record<string, string> = {};
  for (const key of Object.keys(response.headers)) headers[key.toLowerCase()] = response.headers[key];
  const body = Buffer.from(response.body, 'utf8');
  headers['content-length'] = String(body.byteLength);
  return { statusCode: response.status, headers, body } as SdkOutput['response'];
}

function abortError(): Error {
  const error = new Error('Request aborted');
  error.name = 'AbortError';
  return error;
}

/** Builds the SDK request handler over a core. */
export function createSdkRequestHandler({ core }: { core: WireCore }): SdkHttpHandler {
  let config: Record<string, unknown> = {};
  const handler = {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: SdkRequest, options?: SdkHandlerOptions): Promise<SdkOutput> {
      if (options?.abortSignal?.aborted) throw abortError();
      const wire = await fromSdkRequest({ request });
      return { response: toSdkResponse({ response: core.respond(wire) }) };
    },
    updateHttpClientConfig(key: string, value: unknown): void {
      config = { ...config, [key]: value };
    },
    httpHandlerConfigs(): Record<string, unknown> {
      return config;
    },
    destroy(): void {},
  };
  return handler as unknown as SdkHttpHandler;
}
