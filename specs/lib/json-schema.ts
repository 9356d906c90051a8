/**
 * Maps Smithy 2.0 shapes to JSON Schema 2020-12 as they appear on the restJson1 wire.
 *
 * Layout and reference scheme (see specs/schemas/README.md):
 * - every named, non-prelude shape reachable from the service's operations is one entry of `shapes.json#/$defs/<Name>`;
 * - `<Operation>.input.json`, `<Operation>.output.json` and `errors/<Code>.json` render their top-level structure
 *   inline (minus HTTP-bound members) and `$ref` into shapes.json with a path relative to their own `$id`, so the
 *   references resolve the same way from the `$id` URIs and from the files on disk.
 * - structures and unions say `additionalProperties: false`; the validator reports those errors as warnings
 *   (unknown members are allowed on the wire, AWS adds members over time).
 */
import { T, UNIT, cmp, getShape, hasTrait, isPrelude, shortName, type SmithyMemberRef, type SmithyModel, type SmithyShape } from './smithy.ts';

/** Base URI of every schema `$id`. The `.invalid` TLD (RFC 2606) says it is a name, never a place to fetch. */
export const SCHEMA_BASE = 'https://cpct.invalid/schemas/';
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

export type JsonSchema = Record<string, unknown>;
/** Where a schema is written, which decides how it spells references into shapes.json. */
export type Where = 'shapes' | 'root' | 'errors';

export type BindingLocation = 'label' | 'query' | 'queryParams' | 'header' | 'prefixHeaders' | 'payload' | 'responseCode';

export interface HttpBinding {
  in: BindingLocation;
  /** Wire name: label name, query parameter, header name (lower case) or header prefix; member name for payload. */
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** Closed restJson1 values a double or float may take besides JSON numbers. */
const NON_FINITE_PATTERN = '^(NaN|-?Infinity)$';

const INT_BOUNDS: Record<string, [number, number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
};

/** State of one mapping run: the model and the `$defs` name of every shared shape. */
export interface MappingContext {
  model: SmithyModel;
  defNames: Map<string, string>;
}

/** The JSON Schema `type` of a shape type on the restJson1 wire (body position), or undefined for documents. */
export function jsonTypeOf({ type, timestampFormat }: { type: string; timestampFormat?: string }): string | string[] | undefined {
  switch (type) {
    case 'string':
    case 'enum':
    case 'blob':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'byte':
    case 'short':
    case 'integer':
    case 'long':
    case 'bigInteger':
    case 'intEnum':
      return 'integer';
    case 'float':
    case 'double':
      return ['number', 'string'];
    case 'bigDecimal':
      return 'number';
    case 'timestamp':
      return timestampFormat === undefined || timestampFormat === 'epoch-seconds' ? 'number' : 'string';
    case 'list':
    case 'set':
      return 'array';
    case 'map':
    case 'structure':
    case 'union':
      return 'object';
    default:
      return undefined;
  }
}

/** Constraint keywords for the length, pattern and range traits, by the type they constrain. */
export function constraintKeywords({ type, traits }: { type: string; traits: Record<string, unknown> | undefined }): JsonSchema {
  const out: JsonSchema = {};
  if (!traits) return out;
  const length = traits[T.length] as { min?: number; max?: number } | undefined;
  if (length) {
    const [minKey, maxKey] =
      type === 'list' || type === 'set'
        ? ['minItems', 'maxItems']
        : type === 'map'
          ? ['minProperties', 'maxProperties']
          : type === 'string' || type === 'enum'
            ? ['minLength', 'maxLength']
            : [undefined, undefined];
    if (minKey && maxKey) {
      if (length.min !== undefined) out[minKey] = length.min;
      if (length.max !== undefined) out[maxKey] = length.max;
    } else if (type === 'blob') {
      // @length on a blob counts decoded bytes; base64 text length cannot express that, so it stays an annotation.
      out['x-byte-length'] = { ...length };
    }
  }
  const pattern = traits[T.pattern];
  if (typeof pattern === 'string' && (type === 'string' || type === 'enum')) out.pattern = pattern;
  const range = traits[T.range] as { min?: number | string; max?: number | string } | undefined;
  if (range) {
    if (range.min !== undefined) out.minimum = Number(range.min);
    if (range.max !== undefined) out.maximum = Number(range.max);
  }
  return out;
}

/** Values of an enum, intEnum or legacy @enum string shape, in model order. */
export function enumValues({ shape }: { shape: SmithyShape }): (string | number)[] | undefined {
  if (shape.type === 'enum' || shape.type === 'intEnum') {
    return Object.entries(shape.members ?? {}).map(([name, m]) => {
      const v = m.traits?.[T.enumValue];
      return v === undefined ? name : (v as string | number);
    });
  }
  const legacy = shape.traits?.[T.legacyEnum] as { value: string }[] | undefined;
  return legacy ? legacy.map((e) => e.value) : undefined;
}

/** The timestamp schema for a format; epoch seconds (the restJson1 body default) is a JSON number. */
function timestampSchema({ format }: { format: string | undefined }): JsonSchema {
  if (format === undefined || format === 'epoch-seconds') return { type: 'number', 'x-smithy-type': 'timestamp' };
  if (format === 'date-time') return { type: 'string', format: 'date-time', 'x-smithy-type': 'timestamp', 'x-timestamp-format': format };
  return { type: 'string', 'x-smithy-type': 'timestamp', 'x-timestamp-format': format };
}

/** The `$ref` from a file at `where` to a shared definition. */
export function refTo({ defName, where }: { defName: string; where: Where }): string {
  const pointer = `#/$defs/${defName.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  if (where === 'shapes') return pointer;
  return `${where === 'errors' ? '../' : ''}shapes.json${pointer}`;
}

/** The schema of a shape itself (what its `$defs` entry holds, or what is inlined for a prelude shape). */
export function shapeSchema({ ctx, id, where }: { ctx: MappingContext; id: string; where: Where }): JsonSchema {
  const shape = getShape({ model: ctx.model, id });
  const traits = shape.traits ?? {};
  let schema: JsonSchema;
  switch (shape.type) {
    case 'structure':
    case 'union':
      schema = structureSchema({ ctx, shape, where, exclude: new Set() });
      if (id === UNIT) schema['x-smithy-type'] = 'unit';
      break;
    case 'list':
    case 'set': {
      let items = memberSchema({ ctx, member: shape.member!, where });
      if (hasTrait({ traits, trait: T.sparse })) items = { anyOf: [items, { type: 'null' }] };
      schema = { type: 'array', items };
      if (shape.type === 'set' || hasTrait({ traits, trait: T.uniqueItems })) schema.uniqueItems = true;
      break;
    }
    case 'map': {
      let values = memberSchema({ ctx, member: shape.value!, where });
      if (hasTrait({ traits, trait: T.sparse })) values = { anyOf: [values, { type: 'null' }] };
      schema = { type: 'object', propertyNames: memberSchema({ ctx, member: shape.key!, where }), additionalProperties: values };
      break;
    }
    case 'timestamp':
      schema = timestampSchema({ format: traits[T.timestampFormat] as string | undefined });
      break;
    case 'document':
      schema = { 'x-smithy-type': 'document' };
      break;
    case 'blob':
      schema = { type: 'string', contentEncoding: 'base64', 'x-smithy-type': 'blob' };
      break;
    case 'float':
    case 'double':
      // restJson1 sends NaN and the infinities as strings; range keywords only apply to the number branch.
      schema = { type: ['number', 'string'], pattern: NON_FINITE_PATTERN, 'x-smithy-type': shape.type };
      break;
    default: {
      const type = jsonTypeOf({ type: shape.type });
      if (type === undefined) throw new Error(`specs/build-schemas: expected a known shape type; saw ${shape.type} on ${id}; extend specs/lib/json-schema.ts`);
      schema = { type, 'x-smithy-type': shape.type };
      const values = enumValues({ shape });
      if (values) schema.enum = values;
      const bounds = INT_BOUNDS[shape.type];
      if (bounds) {
        schema.minimum = bounds[0];
        schema.maximum = bounds[1];
      }
    }
  }
  Object.assign(schema, tightenRange(schema, constraintKeywords({ type: shape.type, traits })));
  const dflt = traits[T.default];
  if (dflt !== undefined && dflt !== null) schema.default = dflt;
  if (hasTrait({ traits, trait: T.sensitive })) schema['x-sensitive'] = true;
  const mediaType = traits[T.mediaType];
  if (typeof mediaType === 'string') schema.contentMediaType = mediaType;
  return schema;
}

/** Range keywords narrowed to the intersection of the type's bounds and the @range trait. */
function tightenRange(base: JsonSchema, extra: JsonSchema): JsonSchema {
  const out = { ...extra };
  if (typeof base.minimum === 'number' && typeof out.minimum === 'number') out.minimum = Math.max(base.minimum, out.minimum);
  if (typeof base.maximum === 'number' && typeof out.maximum === 'number') out.maximum = Math.min(base.maximum, out.maximum);
  return out;
}

/** The schema of a reference to a shape: a `$ref` to its shared definition, or the inline schema of a prelude shape. */
export function targetSchema({ ctx, id, where }: { ctx: MappingContext; id: string; where: Where }): JsonSchema {
  if (isPrelude({ id })) return shapeSchema({ ctx, id, where });
  const defName = ctx.defNames.get(id);
  if (defName === undefined) throw new Error(`specs/build-schemas: expected ${id} among the shared definitions; saw it missing; this is a bug in the closure walk`);
  return { $ref: refTo({ defName, where }) };
}

/** The schema of a member: its target plus member-level constraints, timestamp format and default. */
export function memberSchema({ ctx, member, where }: { ctx: MappingContext; member: SmithyMemberRef; where: Where }): JsonSchema {
  const target = getShape({ model: ctx.model, id: member.target });
  const traits = member.traits ?? {};
  const memberFormat = traits[T.timestampFormat] as string | undefined;
  const base: JsonSchema =
    target.type === 'timestamp' && memberFormat !== undefined
      ? { ...timestampSchema({ format: memberFormat }), ...(hasTrait({ traits: target.traits, trait: T.sensitive }) ? { 'x-sensitive': true } : {}) }
      : targetSchema({ ctx, id: member.target, where });
  const extra = constraintKeywords({ type: target.type, traits });
  if (Object.keys(extra).length > 0 && base.type === undefined) {
    // ajv's strictTypes wants the type next to type-specific keywords.
    const type = jsonTypeOf({ type: target.type, timestampFormat: memberFormat });
    if (type !== undefined) extra.type = type;
  }
  const out: JsonSchema = { ...base, ...tightenRange(base, extra) };
  const dflt = traits[T.default];
  if (dflt !== undefined && dflt !== null) out.default = dflt;
  else if (dflt === null) delete out.default;
  if (hasTrait({ traits, trait: T.sensitive })) out['x-sensitive'] = true;
  return out;
}

/** The JSON key of a member in a restJson1 body. */
export function wireName({ name, member }: { name: string; member: SmithyMemberRef }): string {
  const jsonName = member.traits?.[T.jsonName];
  return typeof jsonName === 'string' ? jsonName : name;
}

/**
 * A structure or union as a JSON object. Required: members with @required only. A member with @default but no
 * @required is optional on the wire: the receiver fills the default in when it is absent (Smithy 2.0 lets
 * senders omit default values), so its absence is no violation.
 */
export function structureSchema({ ctx, shape, where, exclude }: { ctx: MappingContext; shape: SmithyShape; where: Where; exclude: Set<string> }): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    if (exclude.has(name)) continue;
    const key = wireName({ name, member });
    properties[key] = memberSchema({ ctx, member, where });
    if (shape.type === 'structure' && hasTrait({ traits: member.traits, trait: T.required })) required.push(key);
  }
  const schema: JsonSchema = { type: 'object', properties, additionalProperties: false };
  if (required.length > 0) schema.required = required.sort(cmp);
  if (shape.type === 'union') {
    schema.minProperties = 1;
    schema.maxProperties = 1;
    schema['x-smithy-type'] = 'union';
  }
  return schema;
}

/** The HTTP binding of a member, or null when it travels in the body. */
export function bindingOf({ name, member }: { name: string; member: SmithyMemberRef }): { in: BindingLocation; name: string } | null {
  const t = member.traits ?? {};
  if (hasTrait({ traits: t, trait: T.httpLabel })) return { in: 'label', name };
  if (hasTrait({ traits: t, trait: T.httpQuery })) return { in: 'query', name: t[T.httpQuery] as string };
  if (hasTrait({ traits: t, trait: T.httpQueryParams })) return { in: 'queryParams', name: '' };
  if (hasTrait({ traits: t, trait: T.httpHeader })) return { in: 'header', name: (t[T.httpHeader] as string).toLowerCase() };
  if (hasTrait({ traits: t, trait: T.httpPrefixHeaders })) return { in: 'prefixHeaders', name: (t[T.httpPrefixHeaders] as string).toLowerCase() };
  if (hasTrait({ traits: t, trait: T.httpPayload })) return { in: 'payload', name };
  if (hasTrait({ traits: t, trait: T.httpResponseCode })) return { in: 'responseCode', name };
  return null;
}

/** Timestamp format a bound member uses by default in its location (RFC 7231 for headers, RFC 3339 elsewhere). */
function bindingSchema({ ctx, member, location, where }: { ctx: MappingContext; member: SmithyMemberRef; location: BindingLocation; where: Where }): JsonSchema {
  const target = getShape({ model: ctx.model, id: member.target });
  if (target.type === 'timestamp' && member.traits?.[T.timestampFormat] === undefined && target.traits?.[T.timestampFormat] === undefined) {
    const format = location === 'header' || location === 'prefixHeaders' ? 'http-date' : 'date-time';
    return memberSchema({ ctx, member: { ...member, traits: { ...member.traits, [T.timestampFormat]: format } }, where });
  }
  return memberSchema({ ctx, member, where });
}

/**
 * A top-level schema file for an operation input or output, or an error: the body members inline, and the
 * HTTP-bound members described under `x-http-bindings` with the same constraints.
 */
export function topLevelSchema({ ctx, id, where, fileId, title }: { ctx: MappingContext; id: string; where: Where; fileId: string; title: string }): JsonSchema {
  const shape = getShape({ model: ctx.model, id });
  const bindings: Record<string, HttpBinding> = {};
  let payload: { name: string; member: SmithyMemberRef } | null = null;
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    const binding = bindingOf({ name, member });
    if (!binding) continue;
    if (binding.in === 'payload') payload = { name, member };
    bindings[name] = {
      in: binding.in,
      name: binding.name,
      required: hasTrait({ traits: member.traits, trait: T.required }),
      schema: bindingSchema({ ctx, member, location: binding.in, where }),
    };
  }
  let body: JsonSchema;
  if (payload) {
    const target = getShape({ model: ctx.model, id: payload.member.target });
    body = ['structure', 'union', 'document'].includes(target.type)
      ? targetSchema({ ctx, id: payload.member.target, where })
      : { 'x-raw-payload': true, 'x-smithy-type': target.type };
    body['x-http-payload'] = payload.name;
  } else {
    body = structureSchema({ ctx, shape, where, exclude: new Set(Object.keys(bindings)) });
  }
  const schema: JsonSchema = { $schema: JSON_SCHEMA_DIALECT, $id: fileId, title, 'x-smithy-id': id, ...body };
  if (Object.keys(bindings).length > 0) schema['x-http-bindings'] = bindings;
  return schema;
}

/** Every shape reachable from the given roots, and which of them are reached as member targets. */
export function closure({ model, roots }: { model: SmithyModel; roots: string[] }): { all: Set<string>; asMember: Set<string> } {
  const all = new Set<string>();
  const asMember = new Set<string>();
  const stack: string[] = [...roots];
  const push = (ref: SmithyMemberRef | undefined): void => {
    if (!ref) return;
    asMember.add(ref.target);
    stack.push(ref.target);
  };
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (all.has(id)) continue;
    all.add(id);
    const shape = getShape({ model, id });
    if (shape.type === 'enum' || shape.type === 'intEnum') continue;
    for (const member of Object.values(shape.members ?? {})) push(member);
    push(shape.member);
    push(shape.key);
    push(shape.value);
  }
  return { all, asMember };
}

/** `$defs` names for the shared shapes: the short name, or the full id with `#` as `.` where short names collide. */
export function assignDefNames({ ids }: { ids: string[] }): Map<string, string> {
  const byShort = new Map<string, string[]>();
  for (const id of ids) {
    const s = shortName({ id });
    byShort.set(s, [...(byShort.get(s) ?? []), id]);
  }
  const names = new Map<string, string>();
  for (const [s, group] of byShort) for (const id of group) names.set(id, group.length === 1 ? s : id.replace('#', '.'));
  return names;
}
