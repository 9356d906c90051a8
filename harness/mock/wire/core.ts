import type { OperationEntry, OperationIndex } from '../../operation-index.ts';
import type { HttpBindingSpec, JsonSchema, SchemaRegistry, Violation } from '../../schemas.ts';
import {
  AccessDeniedException,
  BadRequestException,
  InternalServerException,
  ResourceNotFoundException,
  isServiceError,
  type ServiceError,
} from '../models/errors.ts';
import type { MockService, OperationOutput } from '../models/types.ts';
import { createRequestIds, type RequestIds } from './request-id.ts';
import { createRouter, type Router } from './router.ts';

/**
 * The REST-JSON core of the reference implementation: one transport-neutral request in, one response out.
 * The Fetch `handle`, the in-process SDK request handler and the node:http server are thin adapters around it,
 * so all three behave byte for byte the same. Routing, labels, query names and body keys all come from the
 * operation index; constraints come from the schema registry.
 */

/** Largest request body accepted: a 2,000,000-character Layout at up to 3 UTF-8 bytes a character plus overhead. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** A request as the core sees it, whatever transport carried it. */
export interface WireRequest {
  method: string;
  /** Raw path, still percent-encoded, without the query string. */
  path: string;
  /** Raw query string without the leading `?` ('' when none). */
  query: string;
  /** Header lookup by lower-case name. */
  header(name: string): string | undefined;
  /** The body: bytes, text, or null when there is none. */
  body: Uint8Array | string | null;
  /** Set by a transport that stopped reading because the body passed MAX_BODY_BYTES. */
  bodyTooLarge?: boolean;
}

/** A response as the core produces it; header names in their canonical wire case. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The core for one mock instance. */
export interface WireCore {
  /** Answers one request; never throws. */
  respond(request: WireRequest): WireResponse;
  /** The router, exposed for tests of route decisions. */
  readonly router: Router;
}

type ScalarType = 'string' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'other';

interface BindingPlan {
  member: string;
  in: 'label' | 'query' | 'header';
  name: string;
  list: boolean;
  required: boolean;
  type: ScalarType;
  /** Constraint keywords the wire does not enforce for this member (see UNENFORCED). */
  skip: ReadonlySet<string>;
}

interface OperationPlan {
  entry: OperationEntry;
  bindings: BindingPlan[];
  /** wire JSON key -> member name. */
  bodyKeys: Map<string, string>;
  hasBody: boolean;
  outputBody: [string, string][];
  outputHeaders: [string, string][];
}

/**
 * Constraints of the model that the wire does not enforce, by shape name. Each is a model defect that would make
 * every real request fail; the real service evidently does not enforce it either.
 */
export const UNENFORCED: readonly { shape: string; keyword: string; why: string }[] = [
  {
    shape: 'TagArn',
    keyword: 'pattern',
    why: 'the model pattern ^arn:[a-z0-9]{1,10}:profile$ matches no resource ARN (arn:aws:profile:REGION:ACCOUNT:domains/NAME)',
  },
];

const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const SEEN_MAX = 80;

function refName(schema: JsonSchema): string | undefined {
  const ref = schema.$ref;
  return typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
}

function scalarType(schema: JsonSchema): ScalarType {
  const smithy = schema['x-smithy-type'];
  if (smithy === 'timestamp') return 'timestamp';
  if (smithy === 'double' || smithy === 'float') return 'number';
  const t = schema.type;
  if (t === 'integer' || t === 'number' || t === 'boolean' || t === 'string') return t;
  return 'other';
}

function violationText(v: Violation, where: string): string {
  const seen = v.seen.length > SEEN_MAX ? `${v.seen.slice(0, SEEN_MAX)}…` : v.seen;
  return `Value at '${where}' failed to satisfy constraint ${v.keyword}: expected ${v.expected}; saw ${seen}`;
}

function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function bindingProblem(b: BindingPlan, keyword: string, expected: string, seen: string): string {
  return `Value at '${b.member}' (${b.in} ${b.name}) failed to satisfy constraint ${keyword}: expected ${expected}; saw ${seen}`;
}

function validationError(messages: string[]): BadRequestException {
  const n = messages.length;
  return new BadRequestException(`${n} validation error${n === 1 ? '' : 's'} detected: ${messages.join('; ')}`);
}

function mediaType(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const semi = value.indexOf(';');
  return (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
}

/** Converts an output value to its JSON form: Dates to epoch seconds, undefined members dropped. */
function toWire(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = toWire(v);
  }
  return out;
}

function headerValue(value: unknown): string {
  if (value instanceof Date) return value.toUTCString();
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

/** Builds the core for `service`: router and per-operation plans from `index`, constraints from `schemas`. */
export function createWireCore({
  service,
  index,
  schemas,
  requestIds = createRequestIds(),
  onInternalError,
}: {
  service: MockService;
  index: OperationIndex;
  schemas: SchemaRegistry;
  requestIds?: RequestIds;
  /** Called with any non-ServiceError the service throws (a bug); the client still gets a modelled 500. */
  onInternalError?: (error: unknown, operation: string) => void;
}): WireCore {
  const router = createRouter({ index, implemented: service.operations.filter((op) => op in index.operations) });
  const plans = new Map<string, OperationPlan>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let shapeDefs: Record<string, JsonSchema> | undefined;

  const resolve = (schema: JsonSchema): JsonSchema => {
    const name = refName(schema);
    if (!name) return schema;
    shapeDefs ??= (schemas.rawSchema({ file: 'shapes.json' }).$defs ?? {}) as Record<string, JsonSchema>;
    return shapeDefs[name] ? resolve(shapeDefs[name]) : schema;
  };

  const planFor = (operation: string, entry: OperationEntry): OperationPlan => {
    let plan = plans.get(operation);
    if (plan) return plan;
    const specs: Record<string, HttpBindingSpec> = schemas.bindingSchemas({ operation, direction: 'input' });
    const bindings: BindingPlan[] = [];
    for (const [member, spec] of Object.entries(specs)) {
      if (spec.in !== 'label' && spec.in !== 'query' && spec.in !== 'header') continue;
      const shape = refName(spec.schema);
      const skip = new Set(UNENFORCED.filter((u) => u.shape === shape).map((u) => u.keyword));
      const resolved = resolve(spec.schema);
      const list = resolved.type === 'array';
      const type = scalarType(list ? resolve((resolved.items ?? {}) as JsonSchema) : resolved);
      bindings.push({ member, in: spec.in, name: spec.name, list, required: spec.required, type, skip });
    }
    const bodyKeys = new Map<string, string>();
    for (const [member, key] of Object.entries(entry.input.body)) bodyKeys.set(key, member);
    plan = {
      entry,
      bindings,
      bodyKeys,
      hasBody: bodyKeys.size > 0 || entry.input.payload !== null,
      outputBody: Object.entries(entry.output.body),
      outputHeaders: Object.entries(entry.output.headers),
    };
    plans.set(operation, plan);
    return plan;
  };

  /** Converts one wire string to the member's type; a value that does not parse is a named BadRequest. */
  const parseScalar = (b: BindingPlan, text: string, problems: string[]): unknown => {
    const expectation =
      b.type === 'integer'
        ? INTEGER_TEXT.test(text) ? null : 'an integer'
        : b.type === 'number'
          ? NUMBER_TEXT.test(text) ? null : 'a number'
          : b.type === 'boolean'
            ? text === 'true' || text === 'false' ? null : 'true or false'
            : null;
    if (expectation !== null) {
      problems.push(bindingProblem(b, 'type', expectation, JSON.stringify(text.slice(0, SEEN_MAX))));
      return undefined;
    }
    if (b.type === 'integer' || b.type === 'number') return Number(text);
    if (b.type === 'boolean') return text === 'true';
    return text;
  };

  const decode = (
    operation: string,
    plan: OperationPlan,
    rawLabels: Record<string, string>,
    query: URLSearchParams | undefined,
    request: WireRequest,
  ): Record<string, unknown> => {
    const input: Record<string, unknown> = {};
    const problems: string[] = [];

    for (const b of plan.bindings) {
      let value: unknown;
      if (b.in === 'label') {
        const raw = rawLabels[b.member];
        if (raw === undefined) continue;
        let text: string;
        try {
          text = decodeURIComponent(raw);
        } catch {
          problems.push(bindingProblem(b, 'encoding', 'valid percent-encoding', JSON.stringify(raw.slice(0, SEEN_MAX))));
          continue;
        }
        if (text === '') {
          problems.push(bindingProblem(b, 'required', 'a non-empty label', 'an empty path segment'));
          continue;
        }
        value = parseScalar(b, text, problems);
      } else if (b.in === 'query') {
        const values = query ? query.getAll(b.name) : [];
        if (values.length === 0) {
          if (b.required) problems.push(bindingProblem(b, 'required', 'required member present', 'absent'));
          continue;
        }
        if (b.list) {
          value = values.map((t) => parseScalar(b, t, problems));
        } else if (values.length > 1) {
          problems.push(bindingProblem(b, 'cardinality', 'a single value', `${values.length} values`));
          continue;
        } else {
          value = parseScalar(b, values[0], problems);
        }
      } else {
        const text = request.header(b.name);
        if (text === undefined) {
          if (b.required) problems.push(bindingProblem(b, 'required', 'required member present', 'absent'));
          continue;
        }
        value = b.list ? text.split(',').map((t) => parseScalar(b, t.trim(), problems)) : parseScalar(b, text, problems);
      }
      if (value === undefined || (Array.isArray(value) && value.includes(undefined))) continue;
      const { violations } = schemas.validateBinding({ operation, member: b.member, value });
      for (const v of violations) {
        if (v.severity !== 'error' || b.skip.has(v.keyword)) continue;
        problems.push(violationText(v, b.member + pointerToPath(v.pointer).replace(/^(?=.)/, '.')));
      }
      input[b.member] = value;
    }

    if (plan.hasBody) {
      const body = readJsonBody(request);
      if (plan.entry.input.payload !== null) {
        if (body !== undefined) input[plan.entry.input.payload] = body;
      } else {
        const json = body ?? {};
        const violations = schemas.validateInput({ operation, value: json });
        for (const v of violations) if (v.severity === 'error') problems.push(violationText(v, pointerToPath(v.pointer)));
        for (const key of Object.keys(json)) {
          const member = plan.bodyKeys.get(key);
          if (member !== undefined) input[member] = json[key];
        }
      }
    }
    if (problems.length > 0) throw validationError(problems);
    return input;
  };

  const readJsonBody = (request: WireRequest): Record<string, unknown> | undefined => {
    const type = mediaType(request.header('content-type'));
    if (type !== undefined && type !== 'application/json') {
      throw new BadRequestException(`Content-Type must be application/json for this operation; saw ${JSON.stringify(type.slice(0, SEEN_MAX))}`);
    }
    let text: string;
    if (request.body === null) return undefined;
    if (typeof request.body === 'string') text = request.body;
    else {
      try {
        text = decoder.decode(request.body);
      } catch {
        throw new BadRequestException('The request body is not valid UTF-8');
      }
    }
    if (text.trim() === '') return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new BadRequestException(`The request body is not valid JSON: ${(error as Error).message.slice(0, 200)}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new BadRequestException(`The request body must be a JSON object; saw ${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : typeof parsed}`);
    }
    return parsed as Record<string, unknown>;
  };

  const encode = (plan: OperationPlan, output: OperationOutput, requestId: string): WireResponse => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'x-amzn-RequestId': requestId };
    let status = plan.entry.http.code;
    const { payload, responseCode } = plan.entry.output;
    if (responseCode !== null && typeof output[responseCode] === 'number') status = output[responseCode] as number;
    for (const [member, name] of plan.outputHeaders) {
      const v = output[member];
      if (v !== undefined && v !== null) headers[name] = headerValue(v);
    }
    let body: string;
    if (payload !== null) {
      const v = output[payload];
      body = v === undefined ? '{}' : typeof v === 'string' ? v : JSON.stringify(toWire(v));
    } else {
      const json: Record<string, unknown> = {};
      for (const [member, key] of plan.outputBody) {
        const v = output[member];
        if (v !== undefined) json[key] = toWire(v);
      }
      body = JSON.stringify(json);
    }
    return { status, headers, body };
  };

  const errorResponse = (error: ServiceError, requestId: string): WireResponse => ({
    status: index.errors[error.code]?.status ?? error.status,
    headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': error.code },
    body: JSON.stringify({ Message: error.message }),
  });

  return {
    router,
    respond(request) {
      const requestId = requestIds.next();
      let operation = '(routing)';
      try {
        if (request.bodyTooLarge) {
          throw new BadRequestException(`The request body exceeds the reference implementation's limit of ${MAX_BODY_BYTES} bytes`);
        }
        const query = request.query ? new URLSearchParams(request.query) : undefined;
        const match = router.match({ method: request.method, path: request.path, query });
        if (match.kind === 'unknown') {
          throw new ResourceNotFoundException(`No operation of the Customer Profiles API matches ${request.method} ${request.path.slice(0, 200)}`);
        }
        if (match.kind === 'not-implemented') {
          throw new AccessDeniedException(`${match.operation} is not implemented by the reference implementation`);
        }
        operation = match.operation;
        const plan = planFor(operation, match.entry);
        const input = decode(operation, plan, match.rawLabels, query, request);
        const output = service.call(operation, input);
        return encode(plan, output, requestId);
      } catch (error) {
        if (isServiceError(error)) return errorResponse(error, requestId);
        onInternalError?.(error, operation);
        const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        return errorResponse(new InternalServerException(`Internal error in the reference implementation (${operation}): ${detail.slice(0, 500)}`), requestId);
      }
    },
  };
}
