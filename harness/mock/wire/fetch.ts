import { MAX_BODY_BYTES, type WireCore, type WireRequest, type WireResponse } from './core.ts';

/**
 * The Fetch API face of the core: `(Request) => Promise<Response>`. Used by tests and by anything that speaks
 * Fetch; the SDK handler and the node:http server bypass the Fetch objects for speed but share the same core.
 */

/** Reads a stream into one buffer, stopping (and reporting) once it passes `limit` bytes. */
export async function readCapped({ stream, limit = MAX_BODY_BYTES }: {
  stream: ReadableStream<Uint8Array> | null;
  limit?: number;
}): Promise<{ bytes: Uint8Array | null; tooLarge: boolean }> {
  if (!stream) return { bytes: null, tooLarge: false };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return { bytes: null, tooLarge: true };
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  if (chunks.length === 1) return { bytes: chunks[0], tooLarge: false };
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return { bytes, tooLarge: false };
}

/** Converts a Fetch Request to the core's request, reading the body up to the cap. */
export async function fromFetchRequest({ request }: { request: Request }): Promise<WireRequest> {
  const url = new URL(request.url);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const { bytes, tooLarge } =
    declared > MAX_BODY_BYTES ? { bytes: null, tooLarge: true } : await readCapped({ stream: request.body });
  // URL normalises `%2F` nowhere, so the raw path keeps the client's encoding of each label.
  return {
    method: request.method,
    path: url.pathname,
    query: url.search.startsWith('?') ? url.search.slice(1) : url.search,
    header: (name) => request.headers.get(name) ?? undefined,
    body: bytes,
    bodyTooLarge: tooLarge,
  };
}

/** Converts the core's response to a Fetch Response. */
export function toFetchResponse({ response }: { response: WireResponse }): Response {
  return new Response(response.body, { status: response.status, headers: response.headers });
}

/** The Fetch handler over a core. */
export function fetchHandler({ core }: { core: WireCore }): (request: Request) => Promise<Response> {
  return async (request) => toFetchResponse({ response: core.respond(await fromFetchRequest({ request })) });
}
