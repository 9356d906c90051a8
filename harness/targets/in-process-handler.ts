import type { CustomerProfilesClientConfig } from '@aws-sdk/client-customer-profiles';

/** The handler shape the client accepts as `requestHandler`, derived from the client so no transitive package is imported. */
export type SdkHttpHandler = Extract<NonNullable<CustomerProfilesClientConfig['requestHandler']>, { handle: unknown }>;
type HttpRequest = Parameters<SdkHttpHandler['handle']>[0];
type HttpOutput = Awaited<ReturnType<SdkHttpHandler['handle']>>;

/**
 * The client's SigV4 scheme with a signer that leaves the request as it is, for clients whose requests stay in this
 * process: the reference implementation checks no signature, and signing (hashing every body, deriving keys) was
 * about 0.3 s of each contract worker's CPU in a full run. The serializers still run; only the signature is left out.
 */
export function unsignedAuthSchemes(): NonNullable<CustomerProfilesClientConfig['httpAuthSchemes']> {
  return [{ schemeId: 'aws.auth#sigv4', identityProvider: (ipc) => ipc.getIdentityProvider('aws.auth#sigv4'), signer: { sign: async (request) => request } }];
}

/** The reference implementation's core, as the faults and variations wrap it: one Fetch request in, one response out. */
export type FetchHandle = (request: Request) => Promise<Response>;

/** The SDK's percent-encoding of query keys and values (RFC 3986: also !'()*), so the request matches a real socket's bytes. */
function encodeQueryPart(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Builds the full URL of an SDK request, query string included. */
export function urlOfRequest({ request }: { request: HttpRequest }): string {
  const port = request.port ? `:${request.port}` : '';
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(request.query ?? {})) {
    const values = value === null || value === undefined ? [null] : Array.isArray(value) ? value : [value];
    for (const v of values) pairs.push(v === null ? encodeQueryPart(key) : `${encodeQueryPart(key)}=${encodeQueryPart(v)}`);
  }
  const query = pairs.length > 0 ? `?${pairs.join('&')}` : '';
  return `${request.protocol}//${request.hostname}${port}${request.path}${query}`;
}

/**
 * An SDK HttpHandler that delivers requests to an in-process `handle` function instead of a socket. Targets build it
 * over the mock's core (possibly wrapped by a fault), so the SDK's whole serialisation and parsing path still runs.
 */
export function inProcessHttpHandler({ handle }: { handle: FetchHandle }): SdkHttpHandler {
  const handler = {
    async handle(request: HttpRequest): Promise<HttpOutput> {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        // The Fetch API computes these itself and refuses to be told.
        if (name.toLowerCase() === 'host' || name.toLowerCase() === 'content-length') continue;
        headers.set(name, String(value));
      }
      const hasBody = request.body !== undefined && request.body !== null && request.method !== 'GET' && request.method !== 'HEAD';
      const fetchRequest = new Request(urlOfRequest({ request }), {
        method: request.method,
        headers,
        body: hasBody ? (request.body as string | Uint8Array<ArrayBuffer>) : undefined,
      });
      const response = await handle(fetchRequest);
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        responseHeaders[name] = value;
      });
      const body = new Uint8Array(await response.arrayBuffer());
      return { response: { statusCode: response.status, reason: response.statusText, headers: responseHeaders, body } } as HttpOutput;
    },
    updateHttpClientConfig(): void {},
    httpHandlerConfigs: () => ({}),
  };
  return handler as unknown as SdkHttpHandler;
}
