import fc from 'fast-check';
import type { OperationIndex } from '../operation-index.ts';
import type { JsonSchema, SchemaRegistry } from '../schemas.ts';
import { errorCodeOf } from '../wire-validation/validate.ts';
import { membersOf, resolve, type Member } from './violations.ts';

/** A top-level member the cases can break, with its name on the wire (JSON key, query or header name, label). */
export type Slot = Member & { wire: string; label?: string };

/**
 * Negative testing derived from the model: for one operation, families of requests that each break exactly one
 * constraint of a top-level input member (or the body's framing), and the verdict every answer to them must meet.
 * The cases are data: a family names the members (slots) it can break, fast-check generates a `Param` per run, and
 * `applyCase` turns a valid serialised request plus a Param into the broken request. Everything here is pure, so the
 * contract file only sends, and the unit tests can check each family without a target.
 */

export type RobustKind = 'required' | 'length' | 'pattern' | 'range' | 'enum' | 'size' | 'type' | 'malformed';

/** A request as it travels (after the SDK serialised it, before it is signed). */
export interface RawRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Header names as the SDK wrote them (matched case-insensitively here). */
  headers: Record<string, string>;
  body?: string;
}

/** What fast-check generates for one case: which slot of the family, and the family's numbers (shrunk toward 0). */
export interface Param {
  slot: number;
  n: number;
  text?: string;
}

/** One family of cases: one kind of constraint broken one way (e.g. length above the maximum). */
export interface Family {
  kind: RobustKind;
  /** Stable number of the way within the kind (01 below, 02 above, ...), part of the contract id. */
  nn: string;
  /** What the family breaks, for titles. */
  what: string;
  /** The members it can break; empty for body-framing families (malformed), which have one pseudo-slot. */
  slots: Slot[];
  /** Set when the refusal is not stated by the model (the contract is `assumed`): the register entry id. */
  assumed?: string;
  /** Generated values beyond the boundary examples, for slot `i`. */
  arbitrary(i: number): fc.Arbitrary<Param>;
  /**
   * The boundary case of each slot, run first and always, whatever --fuzz says; for `type`, of the first slot of each
   * JSON type only (members of one type are read alike; the others are reached by generated cases).
   */
  examples: Param[];
}

/** Characters tried to break a pattern (no '/', '?' or '%': in a label they would change the route, not the value). */
const BREAKERS = ['!', ' ', '#', '.', '~', '*', '$', 'é', '-', '1', '_', 'a'];
/** Characters tried to lengthen a value while keeping its pattern. */
const FILLERS = ['a', 'x', '0', '_', '-'];
/** Longer maximums are not exceeded: one case would send megabytes (a 2 MB layout), dwarfing the run and its tape. */
const LARGE_MAX = 10_000;
/** Lists and maps up to this size are filled past their maximum. */
const SIZE_LIMIT = 1_000;
/** Members the cases never break: tokens are opaque (the pagination contracts cover them). */
const SKIPPED = new Set(['NextToken']);
const NOT_AN_ENUM_VALUE = 'CPCT_NOT_A_VALUE';
/** Characters of generated enum-like values (upper case, as the model's enum values are). */
const ENUM_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ_'];
/** Content types a JSON body must not be accepted with. */
export const WRONG_CONTENT_TYPES = ['text/plain', 'application/xml', 'application/x-www-form-urlencoded'] as const;

const str = (s: JsonSchema, key: string): number | undefined => (typeof s[key] === 'number' ? (s[key] as number) : undefined);
const isMap = (s: JsonSchema): boolean => s.type === 'object' && s['x-smithy-type'] !== 'union' && s.additionalProperties !== undefined && s.additionalProperties !== false;
const charLength = (v: string): number => [...v].length;

function fitsLength(value: string, s: JsonSchema): boolean {
  const n = charLength(value);
  return n >= (str(s, 'minLength') ?? 0) && n <= (str(s, 'maxLength') ?? Infinity);
}

function matches(value: string, s: JsonSchema): boolean {
  return typeof s.pattern !== 'string' || new RegExp(s.pattern, 'u').test(value);
}

/** A filler character that keeps `seed + filler*` within the pattern, if any. */
function fillerFor({ seed, s }: { seed: string; s: JsonSchema }): string | undefined {
  return FILLERS.find((c) => matches(`${seed}${c.repeat(3)}`, s));
}

/** A valid value of a string slot to start from: the request's own value, else fillers up to the minimum length. */
function startValue({ current, s }: { current: unknown; s: JsonSchema }): string | undefined {
  if (typeof current === 'string' && fitsLength(current, s) && matches(current, s)) return current;
  const min = Math.max(1, str(s, 'minLength') ?? 1);
  return FILLERS.map((c) => c.repeat(min)).find((v) => matches(v, s) && fitsLength(v, s));
}

/** The value of `m` in `request`, or undefined when absent. */
export function currentValue({ request, m, uri }: { request: RawRequest; m: Slot; uri: string }): unknown {
  switch (m.where) {
    case 'body':
      return bodyObject(request)?.[m.wire ?? m.member];
    case 'label': {
      const i = labelSegment({ uri, name: m.label ?? m.member });
      const seg = i === undefined ? undefined : request.path.split('/')[i];
      return seg === undefined ? undefined : decodeURIComponent(seg);
    }
    case 'query': {
      const v = request.query[m.wire ?? m.member];
      return Array.isArray(v) ? v[0] : v;
    }
    case 'header':
      return headerOf({ request, name: m.wire ?? m.member });
  }
}

function bodyObject(request: RawRequest): Record<string, unknown> | undefined {
  if (!request.body) return undefined;
  try {
    const parsed = JSON.parse(request.body) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function headerOf({ request, name }: { request: RawRequest; name: string }): string | undefined {
  const key = Object.keys(request.headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : request.headers[key];
}

/** Index of the path segment that holds `{name}` in the URI template. */
function labelSegment({ uri, name }: { uri: string; name: string }): number | undefined {
  const i = uri.split('?')[0].split('/').findIndex((seg) => seg === `{${name}}` || seg === `{${name}+}`);
  return i < 0 ? undefined : i;
}

/** `request` with `m` set to `value` (undefined removes it). Label and query values travel as strings. */
export function withMember({ request, m, value, uri }: { request: RawRequest; m: Slot; value: unknown; uri: string }): RawRequest {
  const out: RawRequest = { ...request, query: { ...request.query }, headers: { ...request.headers } };
  const text = value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
  switch (m.where) {
    case 'body': {
      const body = { ...(bodyObject(request) ?? {}) };
      if (value === undefined) delete body[m.wire ?? m.member];
      else body[m.wire ?? m.member] = value;
      out.body = JSON.stringify(body);
      break;
    }
    case 'label': {
      const segments = request.path.split('/');
      const i = labelSegment({ uri, name: m.label ?? m.member });
      if (i !== undefined) segments[i] = text === undefined ? '' : encodeURIComponent(text);
      out.path = segments.join('/');
      break;
    }
    case 'query':
      if (text === undefined) delete out.query[m.wire ?? m.member];
      else out.query[m.wire ?? m.member] = text;
      break;
    case 'header': {
      const key = Object.keys(out.headers).find((k) => k.toLowerCase() === (m.wire ?? m.member).toLowerCase()) ?? (m.wire ?? m.member);
      if (text === undefined) delete out.headers[key];
      else out.headers[key] = text;
      break;
    }
  }
  return out;
}

/** A JSON value of another type than the schema's, picked by `n` (0 is the plainest). */
function wrongTyped({ s, where, n }: { s: JsonSchema; where: Member['where']; n: number }): unknown {
  // Off the body every value is a string on the wire: only a non-number (non-boolean) string is of the wrong type.
  if (where !== 'body') return 'cpct';
  const all: Record<string, unknown[]> = {
    string: [123, true, ['cpct'], { cpct: 'cpct' }],
    integer: ['cpct', true, [1], { cpct: 1 }],
    number: ['cpct', true, [1], { cpct: 1 }],
    boolean: ['cpct', 1, [true], { cpct: true }],
    array: [{ cpct: 'cpct' }, 'cpct', 1, true],
    object: [['cpct'], 'cpct', 1, true],
  };
  const options = all[s.type as string] ?? [];
  return options[n % Math.max(1, options.length)];
}

/** Map keys `cpct` + letters (no digits: tag keys allow none). */
function letterKey(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `cpct${s}`;
}

/** The broken value of a value-breaking family for slot `m`, or undefined when this request cannot carry it. */
function brokenValue({ family, m, current, p, defs }: { family: string; m: Slot; current: unknown; p: Param; defs: Record<string, JsonSchema> }): { value: unknown } | undefined {
  const s = m.schema;
  switch (family) {
    case 'length-01': {
      const min = str(s, 'minLength') ?? 0;
      const filler = FILLERS.find((c) => matches(c, s)) ?? 'a';
      return { value: filler.repeat(Math.min(p.n, min - 1)) };
    }
    case 'length-02': {
      const max = str(s, 'maxLength')!;
      const seed = startValue({ current, s });
      if (seed === undefined) return undefined;
      const filler = fillerFor({ seed, s });
      if (filler === undefined) return undefined;
      const target = max + Math.max(1, p.n);
      return { value: `${seed}${filler.repeat(Math.max(0, target - charLength(seed)))}` };
    }
    case 'pattern-01': {
      const seed = startValue({ current, s });
      if (seed === undefined) return undefined;
      const chars = [...seed];
      // The generated breaker and place first, then every other breaker and place: the first that breaks the pattern
      // while the length stays valid. Replacing (not inserting) keeps a value at its maximum length valid.
      const order = [...BREAKERS.slice(p.n % BREAKERS.length), ...BREAKERS.slice(0, p.n % BREAKERS.length)];
      const start = chars.length === 0 ? 0 : Number(p.text ?? 0) % chars.length;
      for (const b of order) {
        for (let k = 0; k < Math.max(1, chars.length); k++) {
          const at = (start + k) % Math.max(1, chars.length);
          for (const candidate of [[...chars.slice(0, at), b, ...chars.slice(at + 1)].join(''), [...chars.slice(0, at), b, ...chars.slice(at)].join('')]) {
            if (!matches(candidate, s) && fitsLength(candidate, s)) return { value: candidate };
          }
        }
      }
      return undefined;
    }
    case 'range-01':
      return { value: str(s, 'minimum')! - Math.max(1, p.n) };
    case 'range-02':
      return { value: str(s, 'maximum')! + Math.max(1, p.n) };
    case 'enum-01': {
      const text = p.text ?? NOT_AN_ENUM_VALUE;
      return (s.enum as unknown[]).includes(text) ? undefined : { value: text };
    }
    case 'size-01':
      return { value: s.type === 'array' ? [] : {} };
    case 'size-02': {
      if (s.type === 'array') {
        if (!Array.isArray(current) || current.length === 0) return undefined;
        return { value: Array.from({ length: str(s, 'maxItems')! + Math.max(1, p.n) }, (_, i) => current[i % current.length]) };
      }
      const keySchema = resolve({ schema: (s.propertyNames ?? {}) as JsonSchema, defs });
      const valueSchema = resolve({ schema: (s.additionalProperties ?? {}) as JsonSchema, defs });
      const existing = current && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
      const sample = Object.values(existing)[0] ?? (valueSchema.type === 'string' ? startValue({ current: undefined, s: valueSchema }) : undefined);
      if (sample === undefined) return undefined;
      const value: Record<string, unknown> = { ...existing };
      for (let i = 0; Object.keys(value).length < str(s, 'maxProperties')! + Math.max(1, p.n); i++) {
        const key = letterKey(i);
        if (!matches(key, keySchema) || !fitsLength(key, keySchema)) return undefined;
        value[key] = sample;
      }
      return { value };
    }
    case 'type-01':
      return { value: wrongTyped({ s, where: m.where, n: p.n }) };
  }
  return undefined;
}

/** The request of one case, or undefined when this request cannot carry it (the case is then not sent). */
export function applyCase({ family, request, p, uri, defs }: { family: Family; request: RawRequest; p: Param; uri: string; defs: Record<string, JsonSchema> }): RawRequest | undefined {
  const id = `${family.kind}-${family.nn}`;
  if (family.kind === 'malformed') {
    const body = request.body ?? '{}';
    if (id === 'malformed-01') {
      // Any strict prefix of a serialised object misses at least its closing brace.
      const cut = 1 + (Math.max(0, p.n) % Math.max(1, body.length - 1));
      return { ...request, body: body.slice(0, cut) };
    }
    if (id === 'malformed-02') return { ...request, body: p.n % 2 === 0 ? '[]' : `[${body}]` };
    const key = Object.keys(request.headers).find((k) => k.toLowerCase() === 'content-type') ?? 'content-type';
    return { ...request, headers: { ...request.headers, [key]: WRONG_CONTENT_TYPES[p.n % WRONG_CONTENT_TYPES.length] } };
  }
  const m = family.slots[p.slot];
  if (!m) return undefined;
  if (family.kind === 'required') return withMember({ request, m, value: undefined, uri });
  const broken = brokenValue({ family: id, m, current: currentValue({ request, m, uri }), p, defs });
  return broken === undefined ? undefined : withMember({ request, m, value: broken.value, uri });
}

interface FamilySpec {
  kind: RobustKind;
  nn: string;
  what: string;
  assumed?: string;
  /** Whether the family can break member `m` (`required`: the operation's required members). */
  applies?(m: Slot, required: ReadonlySet<string>, uri: string): boolean;
  /** Generated params for slot `m` (the slot index is added). */
  arb(m: Slot | undefined): fc.Arbitrary<Omit<Param, 'slot'>>;
  /** The boundary param of slot `m`. */
  boundary(m: Slot | undefined): Omit<Param, 'slot'>;
}

const isString = (m: Slot): boolean => m.schema.type === 'string';
const one = fc.constant({ n: 0 });

/**
 * Every family, in the order of the ids. A label is broken only in the middle of the path (`/templates/` with an
 * empty last label could be another route), and only to be empty (required) or too long or off-pattern.
 */
const FAMILIES: readonly FamilySpec[] = [
  { kind: 'required', nn: '01', what: 'a missing required body member', applies: (m, r) => m.where === 'body' && r.has(m.member), arb: () => one, boundary: () => ({ n: 0 }) },
  {
    kind: 'required', nn: '02', what: 'an empty required label (an empty path segment)', assumed: 'A-ROBUST-EMPTY-LABEL',
    applies: (m, r, uri) => m.where === 'label' && uri.includes(`{${m.label ?? m.member}}/`), arb: () => one, boundary: () => ({ n: 0 }),
  },
  { kind: 'required', nn: '03', what: 'a missing required query member', applies: (m, r) => m.where === 'query' && r.has(m.member), arb: () => one, boundary: () => ({ n: 0 }) },
  { kind: 'required', nn: '04', what: 'a missing required header', applies: (m, r) => m.where === 'header' && r.has(m.member), arb: () => one, boundary: () => ({ n: 0 }) },
  {
    kind: 'length', nn: '01', what: 'a value shorter than its minimum length',
    applies: (m) => m.where === 'body' && isString(m) && (str(m.schema, 'minLength') ?? 0) >= 1,
    arb: (m) => fc.record({ n: fc.integer({ min: 0, max: (str(m!.schema, 'minLength') ?? 1) - 1 }) }),
    boundary: (m) => ({ n: (str(m!.schema, 'minLength') ?? 1) - 1 }),
  },
  {
    kind: 'length', nn: '02', what: 'a value longer than its maximum length',
    applies: (m) => isString(m) && (str(m.schema, 'maxLength') ?? Infinity) <= LARGE_MAX,
    arb: () => fc.record({ n: fc.integer({ min: 1, max: 64 }) }),
    boundary: () => ({ n: 1 }),
  },
  {
    kind: 'pattern', nn: '01', what: 'a value that does not match its pattern',
    applies: (m) => isString(m) && typeof m.schema.pattern === 'string',
    arb: () => fc.record({ n: fc.nat({ max: BREAKERS.length - 1 }), text: fc.nat({ max: 64 }).map(String) }),
    boundary: () => ({ n: 0, text: '0' }),
  },
  {
    kind: 'range', nn: '01', what: 'a number below its minimum',
    applies: (m) => (m.schema.type === 'integer' || m.schema.type === 'number') && str(m.schema, 'minimum') !== undefined,
    arb: () => fc.record({ n: fc.integer({ min: 1, max: 1_000_000 }) }),
    boundary: () => ({ n: 1 }),
  },
  {
    kind: 'range', nn: '02', what: 'a number above its maximum',
    applies: (m) => (m.schema.type === 'integer' || m.schema.type === 'number') && str(m.schema, 'maximum') !== undefined,
    arb: () => fc.record({ n: fc.integer({ min: 1, max: 1_000_000 }) }),
    boundary: () => ({ n: 1 }),
  },
  {
    kind: 'enum', nn: '01', what: 'a value its enum does not list',
    applies: (m) => Array.isArray(m.schema.enum),
    arb: (m) => fc.record({ n: fc.constant(0), text: fc.string({ unit: fc.constantFrom(...ENUM_CHARS), minLength: 2, maxLength: 24 }).map((t) => `X${t}`).filter((t) => !(m!.schema.enum as unknown[]).includes(t)) }),
    boundary: () => ({ n: 0, text: NOT_AN_ENUM_VALUE }),
  },
  {
    kind: 'size', nn: '01', what: 'a list or map smaller than its minimum size',
    applies: (m) => m.where === 'body' && ((m.schema.type === 'array' && (str(m.schema, 'minItems') ?? 0) >= 1) || (isMap(m.schema) && (str(m.schema, 'minProperties') ?? 0) >= 1)),
    arb: () => one,
    boundary: () => ({ n: 0 }),
  },
  {
    kind: 'size', nn: '02', what: 'a list or map larger than its maximum size',
    applies: (m) => m.where === 'body' && ((m.schema.type === 'array' && (str(m.schema, 'maxItems') ?? Infinity) <= SIZE_LIMIT) || (isMap(m.schema) && (str(m.schema, 'maxProperties') ?? Infinity) <= SIZE_LIMIT)),
    arb: () => fc.record({ n: fc.integer({ min: 1, max: 8 }) }),
    boundary: () => ({ n: 1 }),
  },
  {
    kind: 'type', nn: '01', what: 'a value of the wrong JSON type', assumed: 'A-ROBUST-WRONG-TYPE',
    applies: (m) =>
      (m.where === 'body' && ['string', 'integer', 'number', 'boolean', 'array', 'object'].includes(m.schema.type as string) && m.schema['x-smithy-type'] !== 'document') ||
      (m.where === 'query' && (m.schema.type === 'integer' || m.schema.type === 'number' || m.schema.type === 'boolean')),
    arb: () => fc.record({ n: fc.nat({ max: 3 }) }),
    boundary: () => ({ n: 0 }),
  },
  { kind: 'malformed', nn: '01', what: 'a truncated JSON body', assumed: 'A-ROBUST-MALFORMED', arb: () => fc.record({ n: fc.nat({ max: 100_000 }) }), boundary: () => ({ n: 0 }) },
  { kind: 'malformed', nn: '02', what: 'a JSON array where the body object belongs', assumed: 'A-ROBUST-MALFORMED', arb: () => fc.record({ n: fc.nat({ max: 1 }) }), boundary: () => ({ n: 1 }) },
  { kind: 'malformed', nn: '03', what: 'a JSON body sent with another content type', assumed: 'A-ROBUST-CONTENT-TYPE', arb: () => fc.record({ n: fc.nat({ max: WRONG_CONTENT_TYPES.length - 1 }) }), boundary: () => ({ n: 0 }) },
];

/** Whether the operation sends a JSON body (the malformed families apply). */
export function hasJsonBody({ index, operation }: { index: OperationIndex; operation: string }): boolean {
  const entry = index.operations[operation];
  return Object.keys(entry.input.body).length > 0 && entry.input.payload === null;
}

/**
 * The families of `operation`: every family one of its top-level members (or its body) can carry, with the slots in
 * member order. Derived from specs/schemas and operations.json only.
 */
export function robustnessFamilies({ registry, index, operation }: { registry: SchemaRegistry; index: OperationIndex; operation: string }): Family[] {
  const { members, required } = membersOf({ registry, index, operation });
  const entry = index.operations[operation];
  const uri = entry.http.uri;
  const usable = members
    .filter((m) => !SKIPPED.has(m.member))
    .map((m) => ({ ...m, wire: wireName({ entry, m }), label: m.where === 'label' ? entry.input.labels[m.member] ?? m.member : undefined }));
  const out: Family[] = [];
  for (const spec of FAMILIES) {
    const slots = spec.kind === 'malformed' ? [] : usable.filter((m) => spec.applies!(m, required, uri));
    if (spec.kind === 'malformed' ? !hasJsonBody({ index, operation }) : slots.length === 0) continue;
    const list = spec.kind === 'malformed' ? [undefined] : slots;
    out.push({
      kind: spec.kind,
      nn: spec.nn,
      what: spec.what,
      slots,
      ...(spec.assumed ? { assumed: spec.assumed } : {}),
      arbitrary: (i) => spec.arb(list[i]).map((p) => ({ ...p, slot: i })),
      examples: list.flatMap((m, i) => (spec.kind === 'type' && list.findIndex((o) => o?.schema.type === m?.schema.type) !== i ? [] : [{ ...spec.boundary(m), slot: i }])),
    });
  }
  return out;
}

function wireName({ entry, m }: { entry: OperationIndex['operations'][string]; m: Member }): string {
  if (m.where === 'body') return entry.input.body[m.member] ?? m.member;
  if (m.where === 'query') return entry.input.query[m.member] ?? m.member;
  if (m.where === 'header') return entry.input.headers[m.member] ?? m.member;
  return entry.input.labels[m.member] ?? m.member;
}

/** The shapes' definitions, for map keys and values. */
export function shapeDefs({ registry }: { registry: SchemaRegistry }): Record<string, JsonSchema> {
  return (registry.rawSchema({ file: 'shapes.json' }).$defs ?? {}) as Record<string, JsonSchema>;
}

/** The arbitrary of a family's generated cases: a slot, then that slot's params. */
export function familyArbitrary({ family }: { family: Family }): fc.Arbitrary<Param> {
  const count = Math.max(1, family.slots.length);
  return fc.nat({ max: count - 1 }).chain((i) => family.arbitrary(i));
}

/**
 * How many generated cases each family of an operation runs: `fuzz` per operation, spread evenly (the first
 * families take the remainder). The boundary examples come on top.
 */
export function generatedRuns({ fuzz, families }: { fuzz: number; families: number }): number[] {
  const base = Math.floor(fuzz / Math.max(1, families));
  const extra = fuzz % Math.max(1, families);
  return Array.from({ length: families }, (_, i) => base + (i < extra ? 1 : 0));
}

/** What came back for one case: an HTTP answer, or no answer at all (reset, timeout). */
export type Answer = { status: number; headers: Record<string, string>; body: string } | { error: string };

/** The verdict on one answer. */
export type Verdict = { ok: true; code: string; message: string } | { ok: false; seen: string };

/**
 * Judges an answer to a request that breaks a constraint: a 4xx whose error type (x-amzn-ErrorType, else the body's
 * __type) is one the operation declares with that status, and whose JSON body carries a message. Anything else (an
 * acceptance, a 5xx, no answer, a non-JSON body) fails.
 */
export function judgeAnswer({ answer, operation, index }: { answer: Answer; operation: string; index: OperationIndex }): Verdict {
  if ('error' in answer) return { ok: false, seen: `no answer: ${answer.error}` };
  const { status, headers, body } = answer;
  const shown = body.length > 200 ? `${body.slice(0, 200)}…` : body;
  if (status >= 200 && status < 300) return { ok: false, seen: `HTTP ${status}: the request was accepted (${shown || 'empty body'})` };
  if (status < 400 || status >= 500) return { ok: false, seen: `HTTP ${status} ${shown || '(empty body)'}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, seen: `HTTP ${status} with a body that is not JSON: ${JSON.stringify(shown)}` };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, seen: `HTTP ${status} with a JSON body that is not an object: ${shown}` };
  const found = errorCodeOf({ headers, body: parsed });
  const declared = index.operations[operation].errors;
  if (!found) return { ok: false, seen: `HTTP ${status} without an error type (no x-amzn-ErrorType header, no __type): ${shown}` };
  if (!declared.includes(found.code)) return { ok: false, seen: `HTTP ${status} ${found.code} (${found.source}), which ${operation} does not declare (it declares ${declared.join(', ')})` };
  const modelled = index.errors[found.code]?.status;
  if (modelled !== status) return { ok: false, seen: `${found.code} with HTTP ${status}; the model gives it HTTP ${modelled}` };
  const record = parsed as Record<string, unknown>;
  const message = [record.Message, record.message].find((v): v is string => typeof v === 'string' && v.trim().length > 0);
  if (message === undefined) return { ok: false, seen: `HTTP ${status} ${found.code} without a message: ${shown}` };
  return { ok: true, code: found.code, message };
}

/** Longest string shown whole in a printed request; longer ones are shown by their start and length. */
const SHOWN_STRING = 96;

/** A request as one line a person can send again (method, path and query, headers, body); long strings abbreviated. */
export function describeRequest({ request }: { request: { method: string; path: string; query: Record<string, string | string[]>; headers: Record<string, string>; body?: string | null } }): string {
  const query = Object.entries(request.query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`));
  const headers = Object.entries(request.headers)
    .filter(([k]) => ['content-type', 'x-amz-target'].includes(k.toLowerCase()))
    .map(([k, v]) => `${k.toLowerCase()}: ${v}`);
  const abbreviate = (text: string): string => {
    try {
      return JSON.stringify(JSON.parse(text), (_k, v: unknown) => (typeof v === 'string' && v.length > SHOWN_STRING ? `${v.slice(0, 24)}… (${charLength(v)} characters: ${JSON.stringify(v.slice(-8))} at the end)` : v));
    } catch {
      return text.length > 400 ? `${JSON.stringify(text.slice(0, 400))}… (${text.length} characters)` : JSON.stringify(text);
    }
  };
  const body = request.body ? ` body ${abbreviate(request.body)}` : '';
  return `${request.method} ${request.path}${query.length > 0 ? `?${query.join('&')}` : ''} [${headers.join('; ')}]${body}`;
}

/** The contract id of a family. */
export function robustnessId({ operation, family }: { operation: string; family: Pick<Family, 'kind' | 'nn'> }): string {
  return `ROBUST-${operation}-${family.kind}-${family.nn}`;
}
