import { CustomerProfilesClient, type CustomerProfilesClientConfig } from '@aws-sdk/client-customer-profiles';
import { systemClock, type Clock } from '../clock.ts';
import { loadOperationIndex, type OperationIndex } from '../operation-index.ts';
import { createSchemaRegistry, type SchemaRegistry } from '../schemas.ts';
import { createMockService } from './models/service.ts';
import type { MockOptions, MockService } from './models/types.ts';
import { createWireCore, type WireCore } from './wire/core.ts';
import { fetchHandler } from './wire/fetch.ts';
import { createSdkRequestHandler, type SdkHttpHandler } from './wire/sdk-handler.ts';

/**
 * The reference implementation as one object: the pure service behind the REST-JSON core, reachable through a
 * Fetch handler, an in-process SDK request handler, or (see server.ts) a real HTTP server.
 */

export { MAX_BODY_BYTES } from './wire/core.ts';

/** Endpoint the in-process client uses; never resolved, the request handler answers before any socket. */
export const IN_PROCESS_ENDPOINT = 'http://mock.local';

/** Fixed dummy credentials: the mock does not check signatures, and these are recognisably fake in any tape. */
export const MOCK_CREDENTIALS = { accessKeyId: 'MOCKACCESSKEYID00000', secretAccessKey: 'mock-secret-access-key' } as const;

/** One running reference implementation. */
export interface Mock {
  /** Answers a Fetch request; never rejects. */
  handle(request: Request): Promise<Response>;
  /** The pure service behind the wire. */
  readonly service: MockService;
  /** In-process Smithy HttpHandler for SDK clients (`requestHandler` in the client config). */
  readonly requestHandler: SdkHttpHandler;
  /** A CustomerProfilesClient wired to this mock in-process (region us-east-1, dummy credentials, one attempt). */
  client(config?: Partial<CustomerProfilesClientConfig>): CustomerProfilesClient;
  /** The transport-neutral core (used by the HTTP server). */
  readonly core: WireCore;
}

export interface CreateMockParams {
  /** Source of "now" for timestamps; the wall clock by default. */
  clock?: Clock;
  options?: MockOptions;
  /** A registry to share between instances (compiled validators are cached in it); a fresh one by default. */
  schemas?: SchemaRegistry;
  /** The operation index; read from specs/schemas by default. */
  index?: OperationIndex;
  /** Hears about non-ServiceErrors thrown by the service (bugs); the client still receives a modelled 500. */
  onInternalError?: (error: unknown, operation: string) => void;
}

/** Creates a fresh in-memory reference implementation. */
export function createMock({ clock = systemClock, options, schemas, index, onInternalError }: CreateMockParams = {}): Mock {
  const service = createMockService({ clock, options });
  const core = createWireCore({
    service,
    index: index ?? loadOperationIndex(),
    schemas: schemas ?? createSchemaRegistry(),
    onInternalError,
  });
  const requestHandler = createSdkRequestHandler({ core });
  return {
    handle: fetchHandler({ core }),
    service,
    requestHandler,
    core,
    client(config = {}) {
      return new CustomerProfilesClient({
        region: 'us-east-1',
        endpoint: IN_PROCESS_ENDPOINT,
        credentials: MOCK_CREDENTIALS,
        requestHandler,
        maxAttempts: 1,
        ...config,
      });
    },
  };
}
