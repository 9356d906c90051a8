import { loadOperationIndex, type OperationIndex } from '../../operation-index.ts';
import { createRouter, type Router } from '../wire/router.ts';
import type { FetchHandle } from '../../targets/in-process-handler.ts';

/**
 * Helpers for faults and variations that act on the wire, around the reference implementation's Fetch handle: they
 * name the operation of each request (with the mock's own router over the operation index), parse JSON bodies, and
 * let a wrapper rewrite the request, the response, or both. The mock itself is never touched.
 */

export type Json = Record<string, unknown>;

/** A response as a wrapper sees it: status, headers (lower-case names) and the parsed JSON body. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Json | undefined;
}

/** A request as a wrapper sees it. */
export interface Call {
  operation: string;
  method: string;
  url: URL;
  headers: Headers;
  body: Json | undefined;
}

/** Sends a (possibly changed) call on to the wrapped handle. */
export type Send = (call: Call) => Promise<Reply>;

/** A wrapper around the calls of some operations. */
export type Around = (call: Call, send: Send) => Promise<Reply>;

/** The operations of the index whose input has a MaxResults query member (the paginated List operations). */
export function listOperations({ index }: { index: OperationIndex }): Set<string> {
  return new Set(Object.entries(index.operations).filter(([, e]) => 'MaxResults' in e.input.query).map(([op]) => op));
}

/** Shared per wrapper instance: the router and the operation index. */
export interface WireTools {
  index: OperationIndex;
  router: Router;
}

/** Loads the operation index and builds a router over it (once per target). */
export function wireTools(): WireTools {
  const index = loadOperationIndex();
  return { index, router: createRouter({ index, implemented: Object.keys(index.operations) }) };
}

async function readReply(response: Response): Promise<Reply> {
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => {
    headers[k] = v;
  });
  const text = await response.text();
  let body: Json | undefined;
  if (text.length > 0) {
    try {
      body = JSON.parse(text) as Json;
    } catch {
      body = undefined;
    }
  }
  return { status: response.status, headers, body };
}

function toResponse(reply: Reply): Response {
  const headers = new Headers(reply.headers);
  headers.delete('content-length');
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  return new Response(text, { status: reply.status, headers });
}

/**
 * Wraps `handle` so that calls of `operations` (all operations when omitted) go through `around`. Other requests,
 * and requests that match no operation, pass untouched.
 */
export function aroundCalls({ tools, operations, around }: { tools: WireTools; operations?: ReadonlySet<string>; around: Around }): (handle: FetchHandle) => FetchHandle {
  return (handle) => async (request) => {
    const url = new URL(request.url);
    const match = tools.router.match({ method: request.method, path: url.pathname, query: url.searchParams });
    if (match.kind !== 'operation' || (operations && !operations.has(match.operation))) return handle(request);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    let body: Json | undefined;
    try {
      body = text ? (JSON.parse(text) as Json) : undefined;
    } catch {
      // Not JSON: let the implementation answer it as it is.
      return handle(new Request(request.url, { method: request.method, headers: request.headers, body: text }));
    }
    const call: Call = { operation: match.operation, method: request.method, url, headers: request.headers, body };
    const send: Send = async (c) => {
      const payload = c.body === undefined ? undefined : JSON.stringify(c.body);
      const headers = new Headers(c.headers);
      headers.delete('content-length');
      return readReply(await handle(new Request(c.url, { method: c.method, headers, body: payload })));
    };
    return toResponse(await around(call, send));
  };
}

/** Wraps every response of `handle` (any operation, errors included) with `rewrite`. */
export function aroundReplies({ rewrite }: { rewrite: (reply: Reply, request: { url: URL; method: string }) => Reply | Promise<Reply> }): (handle: FetchHandle) => FetchHandle {
  return (handle) => async (request) => {
    const url = new URL(request.url);
    const reply = await readReply(await handle(request));
    return toResponse(await rewrite(reply, { url, method: request.method }));
  };
}

/** A modelled error reply, as the REST-JSON protocol sends it. */
export function errorReply({ code, status, message }: { code: string; status: number; message: string }): Reply {
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-errortype': code }, body: { Message: message } };
}

/** True for a 2xx reply. */
export function isSuccess({ reply }: { reply: Reply }): boolean {
  return reply.status >= 200 && reply.status < 300;
}
