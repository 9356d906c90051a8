/**
 * Captures every raw HTTP exchange of an SDK client before the SDK parses the response, and (optionally) validates
 * it on the spot. A middleware at the innermost place of the `deserialize` step sees the response exactly as the
 * request handler returned it, whatever the handler (node, fetch, nock, a custom one), endpoint, region or
 * credentials: it reads the body fully, records it, and hands the SDK's deserializer the same bytes. Detached, it
 * costs nothing: the middleware is removed from the stack.
 */
import { HarnessError } from '../errors.ts';
import { loadOperationIndex, type OperationIndex } from '../operation-index.ts';
import { createSchemaRegistry, type SchemaRegistry } from '../schemas.ts';
import { validateExchange, type WireExchange, type WireViolation } from './validate.ts';

export const MIDDLEWARE_NAME = 'cpctWireValidation';

/**
 * Exchanges a contract session's wire keeps: its contracts read the exchange of the call they just made (a few at
 * most). Keeping every exchange of a file kept every response body alive until the file ended.
 */
export const SESSION_RETAINED_EXCHANGES = 32;

/** Request headers that carry credentials; their values never reach an exchange record. */
const SECRET_HEADERS = new Set(['authorization', 'x-amz-security-token']);

/** What the middleware needs from a client: its middleware stack (any Smithy client has one). */
export interface ClientWithStack {
  middlewareStack: {
    add(middleware: unknown, options: Record<string, unknown>): void;
    remove(toRemove: string): boolean;
  };
}

export interface WireValidation {
  /** The exchanges still kept (all of them without `retain`), in order; the first is exchange `count() - length`. */
  exchanges(): WireExchange[];
  /** How many exchanges were captured since attaching (or the last `clear`), kept or not. */
  count(): number;
  /**
   * The exchanges from number `index` on (`index` as `count()` returned it before the calls); throws when `retain`
   * has already let some of them go.
   */
  since(args: { index: number }): WireExchange[];
  /** Every violation found so far, with the number of its exchange (as `count()` counts). */
  violations(): (WireViolation & { exchange: number })[];
  /** Forgets captured exchanges and violations. */
  clear(): void;
  /** Removes the middleware; the client behaves as if it was never attached. */
  detach(): void;
}

interface HttpLikeRequest {
  method?: string;
  path?: string;
  query?: Record<string, string | string[] | null>;
  headers?: Record<string, string>;
  body?: unknown;
}

interface HttpLikeResponse {
  statusCode: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Reads a response body of any shape the Smithy handlers produce into bytes. */
export async function readBody({ body }: { body: unknown }): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (typeof (body as ReadableStream).getReader === 'function') return new Uint8Array(await new Response(body as ReadableStream).arrayBuffer());
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<unknown>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
    return new Uint8Array(Buffer.concat(chunks));
  }
  throw new HarnessError({
    component: 'wire-validation',
    expected: 'a response body that is a stream, bytes or a string',
    seen: `a ${typeof body}`,
    action: 'use a request handler that returns a Node Readable or a web ReadableStream',
  });
}

/**
 * The body handed on to the SDK's deserializer: the bytes themselves. Smithy's body collector takes a Uint8Array as
 * it is (no stream to drain a second time), and no operation of this service has a @streaming member that would
 * need a stream; a body that was already bytes or a string stays as it was.
 */
function replayBody({ original, bytes }: { original: unknown; bytes: Uint8Array }): unknown {
  if (original === undefined || original === null || original instanceof Uint8Array || typeof original === 'string') return original;
  return bytes;
}

function requestRecord(request: HttpLikeRequest): WireExchange['request'] {
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(request.query ?? {})) if (v !== null && v !== undefined) query[k] = v;
  const body = request.body;
  const sent = request.headers ?? {};
  let headers: Record<string, string> | undefined;
  return {
    method: request.method ?? 'GET',
    path: request.path ?? '/',
    query,
    // Copied (lower case, credentials redacted) when first read: neither the checks nor the coverage report read the
    // request's headers, so a dozen signed headers are not copied on every call for nothing.
    get headers() {
      if (!headers) {
        headers = {};
        for (const [k, v] of Object.entries(sent)) headers[k.toLowerCase()] = SECRET_HEADERS.has(k.toLowerCase()) ? '<redacted>' : String(v);
      }
      return headers;
    },
    body: body === undefined || body === null ? null : typeof body === 'string' ? body : body instanceof Uint8Array ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') : '<stream>',
  };
}

/** The operation a command runs: the command name without `Command`, or the operation schema's name. */
function operationName(context: Record<string, unknown>): string {
  if (typeof context.commandName === 'string') return context.commandName.replace(/Command$/, '');
  const smithy = context.__smithy_context as { operationSchema?: unknown[] } | undefined;
  return String(smithy?.operationSchema?.[2] ?? 'unknown');
}

/**
 * Attaches wire capture (and validation, unless `validate` is false) to an SDK client. `onExchange` sees each
 * exchange with its violations as it completes.
 */
export function attachWireValidation({
  client,
  registry,
  index,
  onExchange,
  validate = true,
  retain = Number.POSITIVE_INFINITY,
}: {
  client: ClientWithStack;
  registry?: SchemaRegistry;
  index?: OperationIndex;
  onExchange?: (args: { exchange: WireExchange; violations: WireViolation[] }) => void;
  validate?: boolean;
  /**
   * How many of the latest exchanges to keep (default: all; at least 1). A long session keeps only what its checks
   * look back at: every exchange kept outlives young-generation collections and is copied into the old generation.
   */
  retain?: number;
}): WireValidation {
  if (!(retain >= 1)) throw new TypeError(`attachWireValidation: retain must be at least 1; saw ${retain}`);
  let captured: WireExchange[] = [];
  /** Number of the first exchange still in `captured`. */
  let dropped = 0;
  let found: (WireViolation & { exchange: number })[] = [];
  let reg = registry;
  let idx = index;

  const middleware =
    (next: (args: { request: unknown }) => Promise<{ response: unknown }>, context: Record<string, unknown>) =>
    async (args: { request: unknown }) => {
      const result = await next(args);
      const response = result.response as HttpLikeResponse;
      if (!response || typeof response.statusCode !== 'number') return result;
      const bytes = await readBody({ body: response.body });
      response.body = replayBody({ original: response.body, bytes });
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(response.headers ?? {})) headers[k.toLowerCase()] = String(v);
      const exchange: WireExchange = {
        operation: operationName(context),
        request: requestRecord(args.request as HttpLikeRequest),
        response: { status: response.statusCode, headers, body: bytes },
      };
      captured.push(exchange);
      // Dropped in chunks, so the array is not shifted on every call.
      if (captured.length >= 2 * retain) {
        const cut = captured.length - retain;
        captured = captured.slice(cut);
        dropped += cut;
      }
      let violations: WireViolation[] = [];
      if (validate) {
        reg ??= createSchemaRegistry();
        idx ??= loadOperationIndex({ dir: reg.dir });
        violations = validateExchange({ index: idx, registry: reg, exchange });
        const n = dropped + captured.length - 1;
        for (const v of violations) found.push({ ...v, exchange: n });
      }
      onExchange?.({ exchange, violations });
      return result;
    };

  try {
    // Innermost in `deserialize`: after the deserializer (priority normal) hands the request down, before it parses.
    client.middlewareStack.add(middleware, { step: 'deserialize', priority: 'low', name: MIDDLEWARE_NAME, tags: ['CPCT_WIRE'] });
  } catch (e) {
    throw new HarnessError({
      component: 'wire-validation',
      expected: 'a client without wire validation attached',
      seen: (e as Error).message,
      action: 'detach the previous attachment first',
    });
  }

  return {
    exchanges: () => [...captured],
    count: () => dropped + captured.length,
    since: ({ index }) => {
      if (index < dropped) {
        throw new HarnessError({
          component: 'wire-validation',
          expected: `exchange ${index} still kept`,
          seen: `exchanges before ${dropped} let go (retain ${retain})`,
          action: 'read the exchanges right after the calls, or attach with a larger retain',
        });
      }
      return captured.slice(index - dropped);
    },
    violations: () => [...found],
    clear: () => {
      captured = [];
      found = [];
      dropped = 0;
    },
    detach: () => {
      client.middlewareStack.remove(MIDDLEWARE_NAME);
    },
  };
}
