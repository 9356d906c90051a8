import fc from 'fast-check';
import type { JsonSchema } from '../../../harness/schemas.ts';

/**
 * fast-check arbitraries drawn from the committed JSON Schemas, so fuzzing reaches the service with inputs that pass
 * the wire's validation as well as with ones that do not. Strings are biased towards `names` (resources that exist
 * in the fuzzed mock) so calls get past "not found" often enough to exercise deeper logic.
 */

type Defs = Record<string, JsonSchema>;

/** Values worth trying for a member or property name (e.g. DomainName -> the domain that exists). */
export type Hints = Readonly<Record<string, readonly string[]>>;

const MAX_DEPTH = 5;

function resolve(schema: JsonSchema, defs: Defs): JsonSchema {
  let s = schema;
  for (let i = 0; i < 20 && typeof s.$ref === 'string'; i++) {
    const ref = s.$ref as string;
    const next = defs[ref.slice(ref.lastIndexOf('/') + 1)];
    if (!next) break;
    s = next;
  }
  return s;
}

function stringArb(schema: JsonSchema, names: readonly string[]): fc.Arbitrary<string> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as string[]));
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 40, 40);
  let base: fc.Arbitrary<string>;
  if (typeof schema.pattern === 'string') {
    const re = new RegExp(schema.pattern as string, 'u');
    try {
      base = fc.stringMatching(re).filter((s) => s.length >= min && s.length <= Math.max(max, min));
    } catch {
      base = fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1) }).filter((s) => re.test(s));
    }
  } else {
    base = fc.string({ minLength: min, maxLength: Math.max(max, min) });
  }
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern as string, 'u') : undefined;
  const sized = names.filter((n) => n.length >= min && (typeof schema.maxLength !== 'number' || n.length <= schema.maxLength));
  // Hints that break the pattern are still used when none fits it: the model's TagArn pattern matches no real ARN.
  const matching = sized.filter((n) => !pattern || pattern.test(n));
  const fitting = matching.length > 0 ? matching : sized;
  return fitting.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...fitting), weight: 3 }, { arbitrary: base, weight: 1 }) : base;
}

/**
 * An arbitrary of values that `schema` (with `$defs`) accepts, most of the time. `key` is the member or property
 * being generated; `hints[key]` are preferred values for strings under it (list items inherit their list's key).
 */
export function arbitraryFor({ schema, defs, hints = {}, key = '', depth = 0 }: {
  schema: JsonSchema;
  defs: Defs;
  hints?: Hints;
  key?: string;
  depth?: number;
}): fc.Arbitrary<unknown> {
  const s = resolve(schema, defs);
  const names = hints[key] ?? [];
  const next = (child: JsonSchema, childKey = key) => arbitraryFor({ schema: child, defs, hints, key: childKey, depth: depth + 1 });
  if (depth > MAX_DEPTH) return fc.constant(undefined);
  const smithy = s['x-smithy-type'];
  if (smithy === 'double' || smithy === 'float') return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.constantFrom('NaN', 'Infinity'));
  if (smithy === 'timestamp') return fc.integer({ min: 0, max: 2_000_000_000 });
  const type = s.type;
  if (type === 'string') return stringArb(s, names);
  if (type === 'integer') {
    const min = typeof s.minimum === 'number' ? s.minimum : -1000;
    const max = typeof s.maximum === 'number' ? s.maximum : 1000;
    return fc.oneof(fc.integer({ min, max: Math.min(max, min + 1000) }), fc.constantFrom(min, max));
  }
  if (type === 'number') return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
  if (type === 'boolean') return fc.boolean();
  if (type === 'array') {
    const minLength = typeof s.minItems === 'number' ? s.minItems : 0;
    const maxLength = Math.min(typeof s.maxItems === 'number' ? s.maxItems : 3, minLength + 3);
    return fc.array(next((s.items ?? {}) as JsonSchema), { minLength, maxLength });
  }
  if (type === 'object') {
    const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
    if (smithy === 'union') {
      const keys = Object.keys(properties);
      if (keys.length === 0) return fc.constant({});
      return fc.constantFrom(...keys).chain((k) => next(properties[k], k).map((v) => ({ [k]: v })));
    }
    if (s.additionalProperties && typeof s.additionalProperties === 'object' && Object.keys(properties).length === 0) {
      const minKeys = typeof s.minProperties === 'number' ? s.minProperties : 0;
      const maxKeys = Math.min(typeof s.maxProperties === 'number' ? s.maxProperties : 3, minKeys + 2);
      const keyArb = s.propertyNames ? (next(s.propertyNames as JsonSchema, `${key}{}`) as fc.Arbitrary<string>) : fc.string({ minLength: 1, maxLength: 10 });
      return fc.dictionary(keyArb.filter((k) => typeof k === 'string' && k !== '__proto__'), next(s.additionalProperties as JsonSchema), { minKeys, maxKeys });
    }
    const required = new Set((s.required ?? []) as string[]);
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, v] of Object.entries(properties)) record[k] = next(v, k);
    const requiredKeys = Object.keys(record).filter((k) => required.has(k));
    return fc.record(record, { requiredKeys });
  }
  return fc.jsonValue();
}
