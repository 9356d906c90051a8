/**
 * Validates one raw HTTP exchange against the operation index and the schemas: status, error type, content type
 * and body. Bodies are checked under the response policy (docs/response-checks.md): the protocol (status, content
 * type, JSON, declared error type) and the types and required members are errors; values that only break a
 * constraint of the model are warnings. Pure: no I/O beyond what the registry loads lazily.
 */
import type { OperationIndex } from '../operation-index.ts';
import { describeValue, type SchemaRegistry, type Violation } from '../schemas.ts';

/** One raw HTTP exchange as the SDK sent and received it, before the SDK parsed the response. */
export interface WireExchange {
  /** Operation name, e.g. `GetDomainLayout`. */
  operation: string;
  request: {
    method: string;
    path: string;
    query: Record<string, string | string[]>;
    /** Header names lower case; credentials replaced by `<redacted>`. */
    headers: Record<string, string>;
    body: string | null;
  };
  response: {
    status: number;
    /** Header names lower case. */
    headers: Record<string, string>;
    body: Uint8Array;
  };
}

/** A violation found on the wire: which operation, which part of the response, and the usual pointer / expected / seen. */
export interface WireViolation extends Violation {
  operation: string;
  part: 'status' | 'headers' | 'body';
}

/**
 * A body's text as the SDK reads it (Node's UTF-8 decoding, which keeps a byte order mark: the SDK's JSON.parse then
 * fails on it, and so does this check). About four times faster than TextDecoder on a few kilobytes.
 */
function utf8({ bytes }: { bytes: Uint8Array }): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Body keys the restJson1 protocol itself puts in error bodies; not members of the error shape. */
const PROTOCOL_ERROR_KEYS = ['__type', 'code'];

/** A header value by case-insensitive name. */
export function headerValue({ headers, name }: { headers: Record<string, string | undefined>; name: string }): string | undefined {
  const lower = name.toLowerCase();
  // Captured headers are lower case already: one lookup, and the scan only for headers written otherwise.
  const direct = headers[lower];
  if (direct !== undefined) return direct;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/**
 * The error code an error response names: the x-amzn-ErrorType header, else body `__type`, else body `code`; with
 * anything after ':' and any namespace before '#' removed (e.g. `com.amazonaws.customerprofiles#BadRequestException`).
 */
export function errorCodeOf({ headers, body }: { headers: Record<string, string>; body: unknown }): { code: string; source: string } | null {
  const sanitize = (raw: string) => {
    let code = raw.split(':')[0].trim();
    if (code.includes('#')) code = code.slice(code.lastIndexOf('#') + 1);
    return code;
  };
  const header = headerValue({ headers, name: 'x-amzn-errortype' });
  if (header) return { code: sanitize(header), source: 'x-amzn-ErrorType header' };
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const key of ['__type', 'code']) {
      const v = (body as Record<string, unknown>)[key];
      if (typeof v === 'string' && v) return { code: sanitize(v), source: `body ${key}` };
    }
  }
  return null;
}

/** Checks one exchange: success status and body against `<Operation>.output.json`, or error status, type and body (response policy). */
export function validateExchange({ index, registry, exchange }: { index: OperationIndex; registry: SchemaRegistry; exchange: WireExchange }): WireViolation[] {
  const { operation, response } = exchange;
  const out: WireViolation[] = [];
  const add = (part: WireViolation['part'], v: Violation) => out.push({ operation, part, ...v });
  const entry = index.operations[operation];
  if (!entry) {
    add('status', { pointer: '', expected: 'an operation of the service', seen: `operation "${operation}"`, severity: 'error', keyword: 'operation' });
    return out;
  }
  const text = utf8({ bytes: response.body });
  const hasBody = text.trim().length > 0;
  const isSuccess = response.status >= 200 && response.status < 300;
  const rawPayload = isSuccess && registry.rawSchema({ file: `${operation}.output.json` })['x-raw-payload'] === true;

  let body: unknown = {};
  if (hasBody && !rawPayload) {
    const contentType = headerValue({ headers: response.headers, name: 'content-type' });
    if (!contentType || !/json/i.test(contentType)) {
      add('headers', { pointer: '/content-type', expected: 'a JSON content type (application/json)', seen: contentType ? `"${contentType}"` : 'absent', severity: 'error', keyword: 'contentType' });
    }
    try {
      body = JSON.parse(text);
    } catch {
      add('body', { pointer: '', expected: 'a JSON body', seen: describeValue({ value: text }), severity: 'error', keyword: 'json' });
      return out;
    }
  }

  if (isSuccess) {
    if (entry.output.responseCode === null && response.status !== entry.http.code) {
      add('status', { pointer: '', expected: `status ${entry.http.code}`, seen: `status ${response.status}`, severity: 'error', keyword: 'status' });
    }
    if (!rawPayload) for (const v of registry.validateOutput({ operation, value: body, policy: 'response' })) add('body', v);
    return out;
  }

  const named = errorCodeOf({ headers: response.headers, body });
  if (!named) {
    add('headers', { pointer: '/x-amzn-errortype', expected: 'an error type (x-amzn-ErrorType header, or __type / code in the body)', seen: 'none', severity: 'error', keyword: 'errorType' });
    return out;
  }
  const pointer = named.source.startsWith('body') ? `/${named.source.slice(5)}` : '/x-amzn-errortype';
  const part = named.source.startsWith('body') ? 'body' : 'headers';
  const known = index.errors[named.code];
  if (!entry.errors.includes(named.code)) {
    add(part, {
      pointer,
      expected: `an error ${operation} declares (${entry.errors.join(', ')})`,
      seen: `"${named.code}" from the ${named.source}${known ? '' : ', not an error of the service'}`,
      severity: 'error',
      keyword: 'errorType',
    });
  }
  if (!known) return out;
  if (response.status !== known.status) {
    add('status', { pointer: '', expected: `status ${known.status} for ${named.code}`, seen: `status ${response.status}`, severity: 'error', keyword: 'status' });
  }
  let value = body;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const declared = (registry.rawSchema({ file: `errors/${named.code}.json` }).properties ?? {}) as Record<string, unknown>;
    value = Object.fromEntries(Object.entries(body).filter(([k]) => !PROTOCOL_ERROR_KEYS.includes(k) || k in declared));
  }
  for (const v of registry.validateError({ code: named.code, value, policy: 'response' })) add('body', v);
  return out;
}
