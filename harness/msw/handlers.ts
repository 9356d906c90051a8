/**
 * msw request handlers for the Customer Profiles API: code under test keeps its real SDK client (or plain fetch), and
 * msw's interception answers its requests from the reference implementation or from recorded tapes. msw does what it
 * is good at (intercepting node:http and fetch); this module only routes a matched request to one of two backends.
 */
import { http, type HttpHandler } from 'msw';
import path from 'node:path';
import { statSync } from 'node:fs';
import { HarnessError, UsageError } from '../errors.ts';
import { createMock, type Mock } from '../mock/index.ts';
import { createReplayHandler, ReplayMismatchError, type ReplayHandler } from '../recording/replay.ts';
import { resolveReplaySet } from '../recording/replay-set.ts';
import { checkCompatibility, installedProjectVersion, installedSdkVersion, loadTape, TAPE_FORMAT, type Tape } from '../recording/tape.ts';

const COMPONENT = 'msw';

export interface CustomerProfilesHandlersParams {
  /** The reference implementation to answer from (stateful: share one, or make one per test); a fresh one by default. */
  service?: Mock;
  /**
   * Answer from recorded tapes instead, with the matching rules of `--replay`: a tape file, a folder of tapes (as
   * `--recordings` takes), or tapes already loaded. Identical requests are answered in recorded order.
   */
  tapes?: string | Tape | readonly Tape[];
  /** Only this region's endpoints (e.g. `eu-west-2`); every region's by default. */
  region?: string;
  /** A custom endpoint the client is configured with (e.g. `http://localhost:4566`), matched besides AWS's hosts. */
  endpoint?: string;
}

/** What answers a matched request. */
type Backend = (request: Request) => Promise<Response>;

const REGION_RE = /^[a-z0-9-]+$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * URL patterns of the service's endpoints: `https://profile[-fips].<region>.<dns suffix>/…` as the SDK's endpoint
 * rules build them (standard, FIPS, dual-stack, every partition), and the custom endpoint if one is given.
 */
export function endpointPatterns({ region, endpoint }: { region?: string; endpoint?: string }): RegExp[] {
  if (region !== undefined && !REGION_RE.test(region)) {
    throw new UsageError({ component: COMPONENT, expected: 'a region name such as us-east-1', seen: JSON.stringify(region), action: 'pass region in lower-case letters, digits and "-", or leave it out for every region' });
  }
  const regionPart = region === undefined ? '[a-z0-9-]+' : escapeRegExp(region);
  const patterns = [new RegExp(`^https://profile(?:-fips)?\\.${regionPart}\\.[a-z0-9.-]+(?::\\d+)?/`)];
  if (endpoint !== undefined) patterns.push(new RegExp(`^${escapeRegExp(endpointBase({ endpoint }).href)}`));
  return patterns;
}

/** The custom endpoint as a URL whose path ends with "/", so `http://h:1/base` matches `/base/…` but not `/basement`. */
function endpointBase({ endpoint }: { endpoint: string }): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new UsageError({ component: COMPONENT, expected: 'endpoint to be an absolute URL such as http://localhost:4566', seen: JSON.stringify(endpoint), action: 'pass the same URL the client is configured with' });
  }
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  url.search = '';
  url.hash = '';
  return url;
}

/** A request as the backend sees it: the custom endpoint's base path removed, as the service would see it. */
async function withoutBasePath({ request, base }: { request: Request; base: URL | undefined }): Promise<Request> {
  if (!base || base.pathname === '/') return request;
  const url = new URL(request.url);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return request;
  url.pathname = url.pathname.slice(base.pathname.length - 1);
  // The body is read first: a Request built from a streaming body would need `duplex`, which not every runtime takes.
  const body = request.body ? await request.arrayBuffer() : null;
  return new Request(url, { method: request.method, headers: request.headers, body });
}

/** Loads what `tapes` names; a folder is read as `--replay --recordings DIR` reads it. */
function loadTapeSet({ tapes }: { tapes: NonNullable<CustomerProfilesHandlersParams['tapes']> }): { label: string; list: Tape[] } {
  if (typeof tapes !== 'string') return { label: '(tapes passed in)', list: Array.isArray(tapes) ? [...(tapes as Tape[])] : [tapes as Tape] };
  let isDir: boolean;
  try {
    isDir = statSync(tapes).isDirectory();
  } catch (error) {
    throw new UsageError({ component: COMPONENT, expected: `a tape file or a folder of tapes at ${tapes}`, seen: (error as NodeJS.ErrnoException).code ?? String(error), action: 'pass the path of a tape (*.json) or of a recordings folder' });
  }
  if (!isDir) return { label: tapes, list: [loadTape({ file: tapes })] };
  const set = resolveReplaySet({ dir: tapes });
  if (set.errors.length > 0) throw set.errors[0].error;
  return { label: path.join(set.root, set.kind), list: set.tapes.map((t) => t.tape) };
}

/** One tape made of several: their interactions in order, so identical requests are answered tape by tape. */
function combine({ list, label }: { list: Tape[]; label: string }): Tape {
  if (list.length === 0) {
    throw new UsageError({ component: COMPONENT, expected: `at least one tape in ${label}`, seen: 'none', action: 'record tapes with `cpct --record`, or pass another folder' });
  }
  const sdkVersion = installedSdkVersion();
  const projectVersion = installedProjectVersion();
  for (const tape of list) {
    const { ok, notes } = checkCompatibility({ meta: tape.meta, sdkVersion, projectVersion, format: tape.format ?? TAPE_FORMAT });
    if (!ok) throw new HarnessError({ component: COMPONENT, expected: `tapes this version can replay in ${label}`, seen: notes.join('; '), action: 're-record them with `cpct --record`' });
  }
  return { format: TAPE_FORMAT, meta: list[0].meta, interactions: list.flatMap((t) => t.interactions) };
}

/** The answer to a request no tape holds: a modelled-looking error naming the closest recorded request (never retried). */
function mismatchResponse({ error }: { error: ReplayMismatchError }): Response {
  // 400 rather than 5xx: the SDK retries 5xx, and a retry can never match either.
  return new Response(JSON.stringify({ message: error.message }), {
    status: 400,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ReplayMismatchException' },
  });
}

/** A backend answering from a replay handler (the one `--replay` uses), fed from a Fetch request. */
function tapeBackend({ replay }: { replay: ReplayHandler }): Backend {
  return async (request) => {
    const url = new URL(request.url);
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of url.searchParams) {
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    const body = request.body ? await request.text() : '';
    try {
      const { response } = (await replay.handle({ method: request.method, path: url.pathname, query, body, headers: {}, protocol: url.protocol, hostname: url.hostname } as never)) as unknown as {
        response: { statusCode: number; headers: Record<string, string>; body: Buffer };
      };
      const { 'content-length': _length, ...headers } = response.headers;
      const empty = response.body.byteLength === 0 || response.statusCode === 204 || response.statusCode === 304;
      return new Response(empty ? null : new Uint8Array(response.body), { status: response.statusCode, headers });
    } catch (error) {
      if (error instanceof ReplayMismatchError) return mismatchResponse({ error });
      throw error;
    }
  };
}

/**
 * msw request handlers for the Customer Profiles endpoints of every region (or `region`) and `endpoint`, answered by
 * the reference implementation `service` (a fresh one by default) or by `tapes`. Pass them to `setupServer(...)`.
 */
export function customerProfilesHandlers({ service, tapes, region, endpoint }: CustomerProfilesHandlersParams = {}): HttpHandler[] {
  if (service !== undefined && tapes !== undefined) {
    throw new UsageError({ component: COMPONENT, expected: 'either service or tapes', seen: 'both', action: 'pass service to answer from the reference implementation, or tapes to replay recordings' });
  }
  const base = endpoint === undefined ? undefined : endpointBase({ endpoint });
  let backend: Backend;
  if (tapes !== undefined) {
    const { label, list } = loadTapeSet({ tapes });
    backend = tapeBackend({ replay: createReplayHandler({ tape: combine({ list, label }), file: label }) });
  } else {
    const mock = service ?? createMock();
    backend = (request) => mock.handle(request);
  }
  return endpointPatterns({ region, endpoint }).map((pattern) => http.all(pattern, async ({ request }) => backend(await withoutBasePath({ request, base }))));
}
