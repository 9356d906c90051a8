/**
 * Replay: serves a tape's interactions to an SDK client, offline. Two ways with the same matching rules (nock's):
 * method, path, query (order-insensitive) and JSON body (parsed, key-order-insensitive); headers ignored; identical
 * requests are consumed in recorded order. `createReplayHandler` is an SDK request handler (the fast path: no
 * sockets, no timers); `nockReplay` (nock-replay.ts, a separate module because importing nock patches node:http for
 * the whole process) defines the same interactions with nock itself for callers who want real HTTP.
 */
import { parse as parseQueryString } from 'node:querystring';
import { HarnessError } from '../errors.ts';
import type { SdkHttpHandler } from '../mock/wire/sdk-handler.ts';
import { headerObject, normalizeForMatch, responseBytes } from './sanitize.ts';
import { checkCompatibility, installedProjectVersion, installedSdkVersion, loadTape, tapePath, type Tape, type TapeInteraction, type TapeMeta } from './tape.ts';

type SdkRequest = Parameters<SdkHttpHandler['handle']>[0];
type SdkHandlerOptions = Parameters<SdkHttpHandler['handle']>[1];
type SdkOutput = Awaited<ReturnType<SdkHttpHandler['handle']>>;

type QueryValue = string | string[];
type Query = Record<string, QueryValue>;

/** A request reduced to what matching looks at. */
export interface RequestKey {
  method: string;
  /** Path without the query string, as sent (percent-encoded). */
  path: string;
  query: Query;
  /** Parsed JSON body, the text if not JSON, '' when none. */
  body: unknown;
}

/** An interaction nobody asked for. */
export interface UnusedInteraction {
  index: number;
  method: string;
  path: string;
  operation?: string;
}

/** An SDK request handler that answers from a tape. */
export type ReplayHandler = SdkHttpHandler & {
  /** Interactions not consumed so far, in recorded order (call at the end of a run to list what was not replayed). */
  unused(): UnusedInteraction[];
  /**
   * The recorded time (epoch ms, from the `date` header, so to the second) of the last response served; undefined
   * before the first. A replay's "now" follows it, so checks that compare server times with the time of a call hold.
   */
  recordedTime(): number | undefined;
  /**
   * Runs `call` answering only from the tape entry right after the last one served (the entries a request sent at
   * this point of the recorded run got). A waiter's repeated polls use it: a poll the live run never sent must not
   * take the answer of a later identical request.
   */
  contiguous<T>(call: () => Promise<T>): Promise<T>;
  /** How many requests were answered. */
  served(): number;
};

/** The request a replay could not answer: names it, the closest recorded request, and how they differ. */
export class ReplayMismatchError extends HarnessError {
  readonly request: RequestKey;
  readonly closest: { index: number; consumed: boolean; differences: string[] } | null;
  constructor({ file, request, closest }: { file: string; request: RequestKey; closest: ReplayMismatchError['closest'] & { key?: RequestKey } | null }) {
    const parts = {
      component: 'replay',
      expected: `a request recorded in ${file}`,
      seen: describeRequest({ request }),
      action: closest
        ? `the closest recorded request is interactions[${closest.index}] ${describeRequest({ request: closest.key! })}${closest.consumed ? ' (already used: the run sent it more often than when it was recorded)' : ''}; ` +
          `differences: ${closest.differences.join('; ') || 'none besides being used already'}. Re-record with --record if the contract or the data changed`
        : 'the tape has no interactions; re-record with --record',
    };
    super(parts);
    this.name = 'ReplayMismatchError';
    this.request = request;
    this.closest = closest ? { index: closest.index, consumed: closest.consumed, differences: closest.differences } : null;
  }
}

function excerpt(value: unknown, max = 160): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A value in a diff: JSON, so "1" and 1 differ visibly. */
function shown(value: unknown): string {
  return excerpt(JSON.stringify(value) ?? 'undefined', 60);
}

/** `METHOD /path?query body <excerpt>`. */
export function describeRequest({ request }: { request: RequestKey }): string {
  const q = Object.entries(request.query)
    .map(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}=${x}`).join('&') : `${k}=${v}`))
    .join('&');
  const body = request.body === '' || request.body === undefined ? '' : ` body ${excerpt(request.body)}`;
  return `${request.method} ${request.path}${q ? `?${q}` : ''}${body}`;
}

function normalizeQueryValue(v: unknown): QueryValue {
  if (Array.isArray(v)) return v.length === 1 ? String(v[0]) : v.map(String);
  return v === null || v === undefined ? '' : String(v);
}

/** Query of a tape path, decoded as nock decodes it (node:querystring; repeated keys become arrays). */
function queryOfPath(search: string): Query {
  const out: Query = {};
  for (const [k, v] of Object.entries(parseQueryString(search))) out[k] = normalizeQueryValue(v);
  return out;
}

/** Key-sorted JSON text: equal for values that are deep-equal whatever their key order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** A request body as matching compares it: parsed JSON, or the text without line endings (as nock does). */
export function parseBody({ text }: { text: string }): unknown {
  if (text === '') return '';
  try {
    return JSON.parse(text);
  } catch {
    // nock compares non-JSON bodies as text with line endings removed.
    return text.replace(/\r?\n|\r/g, '');
  }
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  return String(body);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array | string> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

async function readRequestBody(body: unknown): Promise<string> {
  if (!isAsyncIterable(body)) return bodyText(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** The matching key of a tape interaction (its request part). */
export function interactionKey({ interaction }: { interaction: TapeInteraction }): RequestKey {
  const q = interaction.path.indexOf('?');
  const body = interaction.body === undefined || interaction.body === null ? '' : typeof interaction.body === 'string' ? parseBody({ text: interaction.body }) : interaction.body;
  return {
    method: interaction.method.toUpperCase(),
    path: q < 0 ? interaction.path : interaction.path.slice(0, q),
    query: q < 0 ? {} : queryOfPath(interaction.path.slice(q + 1)),
    body,
  };
}

/** Small structural diff: `<where>: recorded X, sent Y` for each differing leaf (at most `max`). */
export function diffValues({ recorded, sent, at = '', max = 8 }: { recorded: unknown; sent: unknown; at?: string; max?: number }): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, where: string) => {
    if (out.length >= max) return;
    const objA = a !== null && typeof a === 'object';
    const objB = b !== null && typeof b === 'object';
    if (objA && objB && Array.isArray(a) === Array.isArray(b)) {
      const keys = Array.isArray(a) ? [...Array(Math.max(a.length, (b as unknown[]).length)).keys()].map(String) : [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])].sort();
      for (const k of keys) {
        const va = (a as Record<string, unknown>)[k];
        const vb = (b as Record<string, unknown>)[k];
        if (va === undefined) out.length < max && out.push(`${where}/${k}: not recorded, sent ${shown(vb)}`);
        else if (vb === undefined) out.length < max && out.push(`${where}/${k}: recorded ${shown(va)}, not sent`);
        else walk(va, vb, `${where}/${k}`);
      }
      return;
    }
    if (canonical(a) !== canonical(b)) out.push(`${where || '/'}: recorded ${shown(a)}, sent ${shown(b)}`);
  };
  walk(recorded, sent, at);
  return out;
}

function differences(recorded: RequestKey, sent: RequestKey): string[] {
  const out: string[] = [];
  if (recorded.method !== sent.method) out.push(`method: recorded ${recorded.method}, sent ${sent.method}`);
  if (recorded.path !== sent.path) out.push(`path: recorded ${recorded.path}, sent ${sent.path}`);
  out.push(...diffValues({ recorded: recorded.query, sent: sent.query, at: 'query' }));
  out.push(...diffValues({ recorded: recorded.body, sent: sent.body, at: 'body' }));
  return out;
}

/** Distance for "closest": method and path weigh most, then each differing query or body leaf. */
function distance(recorded: RequestKey, sent: RequestKey): number {
  let d = recorded.method === sent.method ? 0 : 1000;
  if (recorded.path !== sent.path) {
    const a = recorded.path.split('/');
    const b = sent.path.split('/');
    d += 100 + 10 * Math.abs(a.length - b.length);
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) d += 10;
  }
  return d + diffValues({ recorded: recorded.query, sent: sent.query, max: 50 }).length + diffValues({ recorded: recorded.body, sent: sent.body, max: 50 }).length;
}

interface Entry {
  index: number;
  key: RequestKey;
  queryCanon: string;
  /** JSON.stringify of the recorded body: the SDK usually sends exactly these bytes, so no parse is needed. */
  bodyExact: string;
  bodyCanon: string;
  consumed: boolean;
  status: number;
  headers: Record<string, string>;
  bytes: Buffer;
}

function queryCanonical(query: Query): string {
  const keys = Object.keys(query);
  if (keys.length === 0) return '';
  return canonical(query);
}

/** Cheap pre-test for `normalizeForMatch`: what none of its rules can change is left alone. */
const NORMALIZE_HINT_RE = /arn|amazonaws|AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|AGPA|ABIA|ACCA|IQoJ|FwoG|AQoD|secret|token|account|access[-_]?key|password|passwd|private|credential|api[-_]?key|AWS4|X-Amz|\d{12}/i;

function abortError(): Error {
  const error = new Error('Request aborted');
  error.name = 'AbortError';
  return error;
}

/** An SDK request handler serving `tape`; `file` names the tape in error messages. */
export function createReplayHandler({ tape, file = '(tape)' }: { tape: Tape; file?: string }): ReplayHandler {
  const entries: Entry[] = tape.interactions.map((interaction, index) => {
    const key = interactionKey({ interaction });
    const bytes = responseBytes({ interaction });
    const headers = headerObject({ headers: interaction.rawHeaders });
    if ('content-length' in headers || bytes.byteLength > 0) headers['content-length'] = String(bytes.byteLength);
    return {
      index,
      key,
      queryCanon: queryCanonical(key.query),
      bodyExact: typeof key.body === 'string' ? key.body : JSON.stringify(key.body),
      bodyCanon: canonical(key.body),
      consumed: false,
      status: interaction.status,
      headers,
      bytes,
    };
  });
  // Grouped by method and path; `next` skips the consumed head of a group, so a long run of identical requests (a
  // waiter's polls) is found in constant time.
  const groups = new Map<string, { list: Entry[]; next: number }>();
  for (const e of entries) {
    const id = `${e.key.method} ${e.key.path}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { list: [], next: 0 }));
    g.list.push(e);
  }
  let served = 0;
  let lastDate: number | undefined;
  let lastServed = -1;
  let strict = 0;
  const nextAfterLast = (): number => {
    let i = lastServed + 1;
    while (i < entries.length && entries[i].consumed) i++;
    return i;
  };
  let config: Record<string, unknown> = {};

  const find = (method: string, path: string, queryCanon: string, rawBody: string, parsed: () => unknown): Entry | undefined => {
    const g = groups.get(`${method} ${path}`);
    if (!g) return undefined;
    while (g.next < g.list.length && g.list[g.next].consumed) g.next++;
    let bodyCanon: string | undefined;
    for (let i = g.next; i < g.list.length; i++) {
      const e = g.list[i];
      if (e.consumed || e.queryCanon !== queryCanon) continue;
      if (e.bodyExact === rawBody) return e;
      bodyCanon ??= canonical(parsed());
      if (e.bodyCanon === bodyCanon) return e;
    }
    return undefined;
  };

  const handler = {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: SdkRequest, options?: SdkHandlerOptions): Promise<SdkOutput> {
      if (options?.abortSignal?.aborted) throw abortError();
      const method = request.method.toUpperCase();
      let path = request.path;
      let query: Query = {};
      let hint = path;
      for (const k of Object.keys(request.query ?? {})) {
        query[k] = normalizeQueryValue(request.query[k]);
        hint += `&${k}=${String(query[k])}`;
      }
      let raw = await readRequestBody(request.body);
      let parsedBody: unknown;
      const parsed = () => (parsedBody ??= parseBody({ text: raw }));
      // The recorder replaced real account ids and credentials in requests; do the same here before matching.
      if (NORMALIZE_HINT_RE.test(hint) || NORMALIZE_HINT_RE.test(raw)) {
        const n = normalizeForMatch({ path, query, body: parsed() });
        path = n.path;
        query = n.query;
        parsedBody = n.body;
        raw = typeof n.body === 'string' ? n.body : JSON.stringify(n.body);
      }
      const found = find(method, path, queryCanonical(query), raw, parsed);
      const entry = found && strict > 0 && found.index !== nextAfterLast() ? undefined : found;
      if (!entry) {
        const sent: RequestKey = { method, path, query, body: parsed() };
        let best: Entry | undefined;
        let bestD = Infinity;
        for (const e of entries) {
          const d = distance(e.key, sent) + (e.consumed ? 0.5 : 0);
          if (d < bestD) [best, bestD] = [e, d];
        }
        throw new ReplayMismatchError({
          file,
          request: sent,
          closest: best ? { index: best.index, consumed: best.consumed, differences: differences(best.key, sent), key: best.key } : null,
        });
      }
      entry.consumed = true;
      served++;
      lastServed = entry.index;
      const { date: dateHeader, ...headers } = entry.headers;
      const date = dateHeader === undefined ? NaN : Date.parse(dateHeader);
      if (!Number.isNaN(date)) lastDate = date;
      // The recorded Date is kept from the SDK: it would take the age of the tape for clock skew and retry every
      // error response once, asking for answers the tape does not hold.
      return { response: { statusCode: entry.status, headers, body: Buffer.from(entry.bytes) } } as unknown as SdkOutput;
    },
    updateHttpClientConfig(key: string, value: unknown): void {
      config = { ...config, [key]: value };
    },
    httpHandlerConfigs(): Record<string, unknown> {
      return config;
    },
    destroy(): void {},
    unused(): UnusedInteraction[] {
      return entries
        .filter((e) => !e.consumed)
        .map((e) => {
          const i = tape.interactions[e.index];
          return { index: e.index, method: e.key.method, path: i.path, ...(i.operation ? { operation: i.operation } : {}) };
        });
    },
    served: () => served,
    recordedTime: () => lastDate,
    async contiguous<T>(call: () => Promise<T>): Promise<T> {
      strict++;
      try {
        return await call();
      } finally {
        strict--;
      }
    },
  };
  return handler as unknown as ReplayHandler;
}

/** A handler for a contract file that has no usable tape: every request fails with `error` (nothing is sent anywhere). */
export function createFailingHandler({ error }: { error: HarnessError }): ReplayHandler {
  const handler = {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(): Promise<SdkOutput> {
      throw error;
    },
    updateHttpClientConfig(): void {},
    httpHandlerConfigs: () => ({}),
    destroy(): void {},
    unused: () => [],
    recordedTime: () => undefined,
    contiguous: <T>(call: () => Promise<T>): Promise<T> => call(),
    served: () => 0,
  };
  return handler as unknown as ReplayHandler;
}

/** What a replay target needs for one contract file. */
export interface ReplayFor {
  file: string;
  handler: ReplayHandler;
  /** The tape's meta (seed, reference clock, run id to reproduce the run), absent when the tape is missing or unusable. */
  meta?: TapeMeta;
  /** Version notes to show the user (checkCompatibility). */
  notes: string[];
  /** Set when the tape is missing, malformed or from an incompatible version: every request fails with it. */
  error?: HarnessError;
}

/**
 * The replay handler for one contract file: loads `<dir>/<targetKind>/<contract>.json` and checks its versions. A
 * missing, malformed or incompatible tape gives a handler whose every request fails with the reason, so the file's
 * contracts fail with a clear message while other files still replay.
 */
export function replayHandlerFor({ dir, targetKind, contractFile, sdkVersion = installedSdkVersion(), projectVersion = installedProjectVersion() }: {
  dir: string;
  targetKind: string;
  contractFile: string;
  sdkVersion?: string;
  projectVersion?: string;
}): ReplayFor {
  const file = tapePath({ dir, targetKind, contractFile });
  let tape: Tape;
  try {
    tape = loadTape({ file });
  } catch (error) {
    const e = error instanceof HarnessError ? error : new HarnessError({ component: 'replay', expected: `a tape at ${file}`, seen: String(error), action: 'record it with --record' });
    const missing = /saw ENOENT/.test(e.message)
      ? new HarnessError({ component: 'replay', expected: `a tape for ${contractFile} at ${file}`, seen: 'no such file', action: `record it with --record against the ${targetKind} target, or pass --recordings DIR` })
      : e;
    return { file, handler: createFailingHandler({ error: missing }), notes: [], error: missing };
  }
  const { ok, notes } = checkCompatibility({ meta: tape.meta, sdkVersion, projectVersion, format: tape.format });
  if (!ok) {
    const error = new HarnessError({ component: 'replay', expected: `a tape this version can replay at ${file}`, seen: notes.join('; '), action: 're-record it with --record' });
    return { file, handler: createFailingHandler({ error }), meta: tape.meta, notes, error };
  }
  return { file, handler: createReplayHandler({ tape, file }), meta: tape.meta, notes };
}
