/**
 * The recorder: wraps a target's SDK request handler (any Smithy HttpHandler: the SDK's Node handler for an endpoint
 * or AWS, the mock's in-process one) and captures each exchange as a nock-format interaction, sanitized as soon as it
 * completes. `save()` writes the tape and scans the written file; anything secret-like left makes it delete the file
 * and throw. Wrapping the handler rather than running nock's recorder keeps recording transport-agnostic (it also
 * records the in-process mock, which opens no socket nock could see) and free of nock's process-wide recorder state,
 * and it captures exactly the bytes the SDK sent and received.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { Readable } from 'node:stream';
import { CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { HarnessError } from '../errors.ts';
import { createRouter, type Router } from '../mock/wire/router.ts';
import type { SdkHttpHandler } from '../mock/wire/sdk-handler.ts';
import { loadOperationIndex, type OperationIndex } from '../operation-index.ts';
import { createSchemaRegistry, type SchemaRegistry } from '../schemas.ts';
import { readBody, validateExchange, type WireExchange } from '../wire-validation/index.ts';
import { accountIdsIn, encodeQueryPart, sanitizeInteraction, sanitizeTape, type SanitizeOptions } from './sanitize.ts';
import { formatFindings, scanFile } from './scan.ts';
import { installedProjectVersion, installedSdkVersion, TAPE_FORMAT, writeTape, type Tape, type TapeInteraction, type TapeMeta, type TapeViolation } from './tape.ts';

type SdkRequest = Parameters<SdkHttpHandler['handle']>[0];
type SdkHandlerOptions = Parameters<SdkHttpHandler['handle']>[1];
type SdkOutput = Awaited<ReturnType<SdkHttpHandler['handle']>>;

/** The Smithy HttpHandler members besides `handle` (optional on the SDK's RequestHandler type). */
interface ConfigurableHandler {
  updateHttpClientConfig?(name: string, value: unknown): void;
  httpHandlerConfigs?(): unknown;
}

/** What the caller says about the run; versions and the time of recording are filled in. */
export type RecorderMeta = Omit<TapeMeta, 'sdkVersion' | 'projectVersion' | 'recordedAt'> & Partial<Pick<TapeMeta, 'sdkVersion' | 'projectVersion' | 'recordedAt'>>;

export interface CreateRecorderParams {
  /** Where `save()` writes the tape (see tapePath). */
  file: string;
  meta: RecorderMeta;
  /** The handler that reaches the target; the SDK's default Node handler when omitted. */
  inner?: SdkHttpHandler;
  /** Values the run generated (kept even if they look personal); see SanitizeOptions.allow. */
  allow?: Iterable<string>;
  /**
   * Also keep every string the run sends that it did not first receive from the target: the run can only know a
   * value it generated or was told, so what it sends unprompted is its own (default true).
   */
  allowSent?: boolean;
  /** Real account ids to replace everywhere (e.g. from STS or CPCT_AWS_ACCOUNT). */
  accountIds?: Iterable<string>;
  /** Placeholder hash key; random per recorder by default (see SanitizeOptions.key). */
  key?: string;
  /** Validate responses against specs/schemas and flag violations on the interaction (default true). */
  validate?: boolean;
  index?: OperationIndex;
  registry?: SchemaRegistry;
}

export interface Recorder {
  /** Pass as `requestHandler` in the client config. */
  readonly handler: SdkHttpHandler;
  /** Adds values the run generated to the allow-list (before the exchanges that carry them). */
  allow(args: { values: Iterable<string> }): void;
  /** The sanitized interactions captured so far, in request order. */
  interactions(): TapeInteraction[];
  /** The tape as it would be written now. */
  tape(): Tape;
  /** Writes the tape, scans it, and deletes it again (throwing) if anything secret-like remains. */
  save(): Promise<{ file: string; interactions: number; flagged: number }>;
}

/** The handler the SDK would use on its own (its Node HTTP handler), taken from a throwaway client's resolved config. */
export function defaultRequestHandler(): SdkHttpHandler {
  return new CustomerProfilesClient({ region: 'us-east-1' }).config.requestHandler as unknown as SdkHttpHandler;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array | string> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function requestBodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  return String(body);
}

/** Parsed JSON when the text is JSON (as nock's recorder stores it), else the text; '' for none. */
function jsonOrText(text: string): unknown {
  if (text === '') return '';
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The request path with its query string, encoded as the SDK puts it on the wire. */
function pathWithQuery(request: SdkRequest): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(request.query ?? {})) {
    const values = value === null || value === undefined ? [null] : Array.isArray(value) ? value : [value];
    for (const v of values) pairs.push(v === null ? encodeQueryPart({ value: key }) : `${encodeQueryPart({ value: key })}=${encodeQueryPart({ value: v })}`);
  }
  return pairs.length > 0 ? `${request.path}?${pairs.join('&')}` : request.path;
}

function scopeOf(request: SdkRequest): string {
  const protocol = (request.protocol ?? 'https:').replace(/:$/, '');
  return `${protocol}://${request.hostname}${request.port ? `:${request.port}` : ''}`;
}

/**
 * Adds every string of a JSON value to `into`: values and member names, and those of JSON written inside strings
 * (what a request "sent", for the sanitizer's allow-list).
 */
export function collectStrings({ value, into }: { value: unknown; into: Set<string> }): void {
  if (typeof value === 'string') {
    into.add(value);
    const t = value.trimStart();
    if (t.startsWith('{') || t.startsWith('[')) {
      try {
        collectStrings({ value: JSON.parse(value), into });
      } catch {
        // Text that only looks like JSON.
      }
    }
  } else if (Array.isArray(value)) {
    for (const v of value) collectStrings({ value: v, into });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      collectStrings({ value: v, into });
    }
  }
}

/** Creates a recorder around `inner` (see Recorder). */
export function createRecorder({
  file,
  meta,
  inner = defaultRequestHandler(),
  allow = [],
  allowSent = true,
  accountIds = [],
  key = randomBytes(16).toString('hex'),
  validate = true,
  index,
  registry,
}: CreateRecorderParams): Recorder {
  const allowed = new Set(allow);
  const accounts = new Set(accountIds);
  /** Strings the target has sent us: a request that repeats one is echoing, not generating. */
  const received = new Set<string>();
  const slots: (TapeInteraction | null | undefined)[] = [];
  let router: Router | undefined;
  let idx = index;
  let reg = registry;
  const options = (): SanitizeOptions => ({ allow: allowed, accountIds: accounts, key });

  const operationOf = (method: string, path: string, query: string): string | undefined => {
    idx ??= loadOperationIndex();
    router ??= createRouter({ index: idx, implemented: Object.keys(idx.operations) });
    const match = router.match({ method, path, query: new URLSearchParams(query) });
    return match.kind === 'unknown' ? undefined : match.operation;
  };

  const handler = {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: SdkRequest, handleOptions?: SdkHandlerOptions): Promise<SdkOutput> {
      // A streamed request body is read once here and handed on as bytes.
      if (isAsyncIterable(request.body)) {
        const chunks: Buffer[] = [];
        for await (const chunk of request.body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
        request.body = Buffer.concat(chunks);
      }
      const bodyText = requestBodyText(request.body);
      const body = jsonOrText(bodyText);
      const path = pathWithQuery(request);
      if (allowSent) {
        const sent = new Set<string>();
        collectStrings({ value: body, into: sent });
        for (const v of Object.values(request.query ?? {})) for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string') sent.add(x);
        for (const v of sent) if (!received.has(v)) allowed.add(v);
      }
      // The slot is taken when the request starts, so concurrent identical requests replay in the order they were sent.
      const slot = slots.length;
      slots.push(undefined);
      let output: SdkOutput;
      try {
        output = await inner.handle(request, handleOptions);
      } catch (error) {
        slots[slot] = null;
        throw error;
      }
      const response = output.response as unknown as { statusCode: number; headers?: Record<string, string>; body?: unknown };
      const bytes = await readBody({ body: response.body });
      // The SDK reads the same bytes the recorder saw, in the kind of body it was given.
      const original = response.body;
      response.body = original instanceof Uint8Array || typeof original === 'string' || original == null ? original : Readable.from(bytes.length > 0 ? [Buffer.from(bytes)] : []);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(response.headers ?? {})) headers[k.toLowerCase()] = String(v);
      const text = Buffer.from(bytes).toString('utf8');
      const binary = !Buffer.from(text, 'utf8').equals(Buffer.from(bytes));
      const responseValue = binary ? Buffer.from(bytes).toString('hex') : jsonOrText(text);

      const q = path.indexOf('?');
      const operation = operationOf(request.method, q < 0 ? path : path.slice(0, q), q < 0 ? '' : path.slice(q + 1));
      let violations: TapeViolation[] = [];
      if (validate && operation) {
        reg ??= createSchemaRegistry();
        idx ??= loadOperationIndex({ dir: reg.dir });
        const exchange: WireExchange = {
          operation,
          request: { method: request.method, path: request.path, query: {}, headers: {}, body: bodyText || null },
          response: { status: response.statusCode, headers, body: bytes },
        };
        violations = validateExchange({ index: idx, registry: reg, exchange }).map(({ part, pointer, expected, seen, severity, keyword }) => ({ part, pointer, expected, seen, severity, keyword }));
      }
      if (!binary) collectStrings({ value: responseValue, into: received });
      const raw: TapeInteraction = {
        scope: scopeOf(request),
        method: request.method.toUpperCase(),
        path,
        body,
        status: response.statusCode,
        response: responseValue,
        rawHeaders: headers,
        responseIsBinary: binary,
        ...(operation ? { operation } : {}),
        ...(violations.length > 0 ? { violations } : {}),
      };
      for (const id of accountIdsIn({ text: JSON.stringify(raw) })) accounts.add(id);
      slots[slot] = sanitizeInteraction({ interaction: raw, options: options() });
      return output;
    },
    updateHttpClientConfig(name: string, value: unknown): void {
      (inner as unknown as ConfigurableHandler).updateHttpClientConfig?.(name, value);
    },
    httpHandlerConfigs(): unknown {
      return (inner as unknown as ConfigurableHandler).httpHandlerConfigs?.() ?? {};
    },
    destroy(): void {
      (inner as { destroy?: () => void }).destroy?.();
    },
  };

  const interactions = () => slots.filter((s): s is TapeInteraction => !!s);
  const tape = (): Tape =>
    sanitizeTape({
      tape: {
        format: TAPE_FORMAT,
        meta: {
          seed: meta.seed,
          referenceClock: meta.referenceClock,
          runId: meta.runId,
          sdkVersion: meta.sdkVersion ?? installedSdkVersion(),
          projectVersion: meta.projectVersion ?? installedProjectVersion(),
          targetKind: meta.targetKind,
          region: meta.region,
          recordedAt: meta.recordedAt ?? new Date().toISOString(),
          contractFile: meta.contractFile,
        },
        interactions: interactions(),
      },
      options: options(),
    });

  return {
    handler: handler as unknown as SdkHttpHandler,
    allow({ values }) {
      for (const v of values) allowed.add(v);
    },
    interactions,
    tape,
    async save() {
      const t = tape();
      writeTape({ file, tape: t });
      const findings = scanFile({ file });
      if (findings.length > 0) {
        unlinkSync(file);
        throw new HarnessError({
          component: 'record',
          expected: `no secret or personal data in the tape ${file}`,
          seen: `${findings.length} finding(s) after sanitizing:\n${formatFindings({ findings })}\n`,
          action: 'the tape was deleted; extend harness/recording/sanitize.ts to cover this case (or pass the value in `allow` if the run generated it) and record again',
        });
      }
      return { file, interactions: t.interactions.length, flagged: t.interactions.filter((i) => i.violations && i.violations.length > 0).length };
    },
  };
}
