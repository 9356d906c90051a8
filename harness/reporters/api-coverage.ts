/**
 * reports/api-coverage.json: how much of the API surface a run touched, read from the raw wire exchanges. Which
 * operations were called; which input members were sent (labels via the URI template, query parameters, headers,
 * body keys, mapped back from wire names to member names with operations.json); which enum values were sent or
 * received (request and 2xx response bodies walked against the schemas: any value at a position whose schema is an
 * enum, map keys included); and which modelled errors a client can provoke were provoked.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OperationIndex, OperationEntry } from '../operation-index.ts';
import { createSchemaRegistry, type JsonSchema, type SchemaRegistry } from '../schemas.ts';
import { errorCodeOf } from '../wire-validation/validate.ts';
import { bodyText, type ExchangeLike } from './common.ts';
import { ensureDir } from '../fs-dirs.ts';

/** One dimension of coverage, as DESIGN.md fixes it. */
export interface CoverageCount {
  covered: number;
  total: number;
  missing: string[];
}

/** reports/api-coverage.json. Ids: operations `Op`, members `Op.Member`, enum values `Enum.VALUE`, errors `Op:Code`. */
export interface ApiCoverage {
  operations: CoverageCount;
  members: CoverageCount;
  enumValues: CoverageCount;
  errors: CoverageCount;
}

/**
 * Errors a client can provoke by what it sends. AccessDeniedException (credentials and policy), ThrottlingException
 * (request rate) and InternalServerException (a service fault) depend on the account or the service, not on the
 * request, so they are left out of the error total.
 */
export const PROVOKABLE_ERRORS = ['BadRequestException', 'ResourceNotFoundException'] as const;

/** Errors left out of the error total, and why (for reports and docs). */
export const UNPROVOKABLE_ERRORS: Readonly<Record<string, string>> = {
  AccessDeniedException: 'depends on credentials and IAM policy, not on the request',
  ThrottlingException: 'depends on request rate and account limits',
  InternalServerException: 'a service fault a correct request cannot cause',
};

const MAX_DEPTH = 64;

/** Resolves `$ref`s (`shapes.json#/$defs/X` from an operation file, `#/$defs/X` inside shapes.json) to the target schema and its def name. */
function resolver({ registry }: { registry: SchemaRegistry }) {
  const defs = (registry.rawSchema({ file: 'shapes.json' }).$defs ?? {}) as Record<string, JsonSchema>;
  return (schema: JsonSchema | undefined): { schema: JsonSchema | undefined; name?: string } => {
    let current = schema;
    let name: string | undefined;
    for (let i = 0; i < MAX_DEPTH && current && typeof current.$ref === 'string'; i += 1) {
      const m = /#\/\$defs\/(.+)$/.exec(current.$ref);
      if (!m) return { schema: undefined };
      name = decodeURIComponent(m[1]);
      current = defs[name];
    }
    return { schema: current, name };
  };
}

type Resolve = ReturnType<typeof resolver>;

function enumValuesOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.enum) ? (schema.enum as unknown[]).filter((v): v is string => typeof v === 'string') : [];
}

/** Every enum reachable from `roots`: name -> values. Inline enums get the name of the place they sit. */
function reachableEnums({ roots, resolve }: { roots: { schema: JsonSchema; where: string }[]; resolve: Resolve }): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seenDefs = new Set<string>();
  const visit = (raw: JsonSchema | undefined, where: string, depth: number) => {
    if (!raw || depth > MAX_DEPTH) return;
    const { schema, name } = resolve(raw);
    if (!schema) return;
    if (name) {
      if (seenDefs.has(name)) return;
      seenDefs.add(name);
    }
    const values = enumValuesOf(schema);
    if (values.length > 0) found.set(name ?? where, values);
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const [k, child] of Object.entries(props)) visit(child, `${name ?? where}.${k}`, depth + 1);
    if (schema.items && typeof schema.items === 'object') visit(schema.items as JsonSchema, `${name ?? where}[]`, depth + 1);
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') visit(schema.additionalProperties as JsonSchema, `${name ?? where}{}`, depth + 1);
    if (schema.propertyNames && typeof schema.propertyNames === 'object') visit(schema.propertyNames as JsonSchema, `${name ?? where}{key}`, depth + 1);
  };
  for (const root of roots) visit(root.schema, root.where, 0);
  return found;
}

/** Marks every enum value in `value` at a position whose schema is an enum (names as reachableEnums gives them). */
function markEnumValues({ schema: raw, value, where, resolve, mark }: { schema: JsonSchema | undefined; value: unknown; where: string; resolve: Resolve; mark: (id: string) => void }): void {
  const walk = (s: JsonSchema | undefined, v: unknown, at: string, depth: number) => {
    if (!s || depth > MAX_DEPTH || v === null || v === undefined) return;
    const { schema, name } = resolve(s);
    if (!schema) return;
    const here = name ?? at;
    const values = enumValuesOf(schema);
    if (values.length > 0 && typeof v === 'string' && values.includes(v)) mark(`${here}.${v}`);
    if (Array.isArray(v)) {
      if (schema.items && typeof schema.items === 'object') for (const item of v) walk(schema.items as JsonSchema, item, `${here}[]`, depth + 1);
      return;
    }
    if (typeof v === 'object') {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const extra = schema.additionalProperties && typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as JsonSchema) : undefined;
      const keys = schema.propertyNames && typeof schema.propertyNames === 'object' ? (schema.propertyNames as JsonSchema) : undefined;
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        if (props[k]) walk(props[k], child, `${here}.${k}`, depth + 1);
        else if (extra) walk(extra, child, `${here}{}`, depth + 1);
        if (keys) walk(keys, k, `${here}{key}`, depth + 1);
      }
    }
  };
  walk(raw, value, where, 0);
}

/** The labels a request path carries, matched against the URI template (the path may sit under an endpoint base path). */
export function matchLabels({ uri, path: requestPath }: { uri: string; path: string }): Record<string, string> | null {
  const names: string[] = [];
  const pattern = uri
    .split('?')[0]
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const m = /^\{([^}+]+)(\+)?\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]);
      return m[2] ? '(.+)' : '([^/]+)';
    })
    .join('');
  const match = new RegExp(`${pattern}/?$`).exec(requestPath.split('?')[0]);
  if (!match) return null;
  const out: Record<string, string> = {};
  names.forEach((n, i) => {
    try {
      out[n] = decodeURIComponent(match[i + 1]);
    } catch {
      out[n] = match[i + 1];
    }
  });
  return out;
}

function invert(map: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(map).map(([member, wire]) => [wire, member]));
}

function inputMembers(entry: OperationEntry): string[] {
  const { labels, query, headers, body, payload } = entry.input;
  return [...new Set([...Object.keys(labels), ...Object.keys(query), ...Object.keys(headers), ...Object.keys(body), ...(payload ? [payload] : [])])].sort();
}

function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function count({ all, covered }: { all: readonly string[]; covered: ReadonlySet<string> }): CoverageCount {
  const missing = all.filter((id) => !covered.has(id));
  return { covered: all.length - missing.length, total: all.length, missing };
}

/** Members of one request that were sent, as member names. */
function sentMembers({ entry, exchange }: { entry: OperationEntry; exchange: ExchangeLike }): string[] {
  const sent: string[] = [];
  const labels = matchLabels({ uri: entry.http.uri, path: exchange.request.path });
  if (labels) for (const [member, label] of Object.entries(entry.input.labels)) if (labels[label]) sent.push(member);
  const query = invert(entry.input.query);
  for (const key of Object.keys(exchange.request.query ?? {})) {
    const member = query.get(key);
    if (member) sent.push(member);
  }
  const headers = invert(entry.input.headers);
  for (const key of Object.keys(exchange.request.headers ?? {})) {
    const member = headers.get(key.toLowerCase());
    if (member) sent.push(member);
  }
  const text = exchange.request.body ?? '';
  if (entry.input.payload) {
    if (text.length > 0) sent.push(entry.input.payload);
  } else {
    const body = parseJson(text);
    const wire = invert(entry.input.body);
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      for (const key of Object.keys(body)) {
        const member = wire.get(key);
        if (member) sent.push(member);
      }
    }
  }
  return sent;
}

/**
 * Builds the coverage of `scope` (operation names) from a run's exchanges. `registry` defaults to the committed
 * schemas. Exchanges of operations outside the scope are ignored.
 */
export function buildApiCoverage({ index, registry = createSchemaRegistry(), exchanges, scope }: {
  index: OperationIndex;
  registry?: SchemaRegistry;
  exchanges: readonly ExchangeLike[];
  scope: readonly string[];
}): ApiCoverage {
  const resolve = resolver({ registry });
  const ops = scope.filter((op) => index.operations[op]);
  const called = new Set<string>();
  const members = new Set<string>();
  const enumValues = new Set<string>();
  const errors = new Set<string>();

  const file = (op: string, dir: 'input' | 'output') => registry.rawSchema({ file: `${op}.${dir}.json` });
  const bindings = (op: string, dir: 'input' | 'output') => (file(op, dir)['x-http-bindings'] ?? {}) as Record<string, { in: string; name: string; schema: JsonSchema }>;

  const roots: { schema: JsonSchema; where: string }[] = [];
  for (const op of ops) {
    for (const dir of ['input', 'output'] as const) {
      roots.push({ schema: file(op, dir), where: `${op}.${dir}` });
      for (const [member, b] of Object.entries(bindings(op, dir))) roots.push({ schema: b.schema, where: `${op}.${dir}.${member}` });
    }
  }
  const enums = reachableEnums({ roots, resolve });
  const mark = (id: string) => enumValues.add(id);

  for (const exchange of exchanges) {
    const op = exchange.operation;
    const entry = index.operations[op];
    if (!entry || !ops.includes(op)) continue;
    called.add(op);
    for (const m of sentMembers({ entry, exchange })) members.add(`${op}.${m}`);

    // Enum values sent: body, and label / query / header values against their member's schema.
    const inBindings = bindings(op, 'input');
    if (!entry.input.payload) markEnumValues({ schema: file(op, 'input'), value: parseJson(exchange.request.body ?? ''), where: `${op}.input`, resolve, mark });
    const labels = matchLabels({ uri: entry.http.uri, path: exchange.request.path }) ?? {};
    for (const [member, b] of Object.entries(inBindings)) {
      let value: unknown;
      if (b.in === 'label') value = labels[b.name];
      else if (b.in === 'query') value = exchange.request.query?.[b.name];
      else if (b.in === 'header') value = exchange.request.headers?.[b.name.toLowerCase()];
      if (value === undefined) continue;
      const { schema } = resolve(b.schema);
      // A list in a query is repeated keys; a single string for a list member is one item.
      const v = schema?.type === 'array' && !Array.isArray(value) ? [value] : value;
      markEnumValues({ schema: b.schema, value: v, where: `${op}.input.${member}`, resolve, mark });
    }

    const status = exchange.response.status;
    const body = parseJson(bodyText({ body: exchange.response.body }));
    if (status >= 200 && status < 300) {
      markEnumValues({ schema: file(op, 'output'), value: body, where: `${op}.output`, resolve, mark });
      for (const [member, b] of Object.entries(bindings(op, 'output'))) {
        const value = b.in === 'header' ? exchange.response.headers?.[b.name.toLowerCase()] : undefined;
        if (value !== undefined) markEnumValues({ schema: b.schema, value, where: `${op}.output.${member}`, resolve, mark });
      }
    } else {
      const code = errorCodeOf({ headers: exchange.response.headers ?? {}, body })?.code;
      if (code && entry.errors.includes(code)) errors.add(`${op}:${code}`);
    }
  }

  const allMembers = ops.flatMap((op) => inputMembers(index.operations[op]).map((m) => `${op}.${m}`));
  const allEnumValues = [...enums.keys()].sort().flatMap((name) => (enums.get(name) ?? []).map((v) => `${name}.${v}`));
  const provokable: readonly string[] = PROVOKABLE_ERRORS;
  const allErrors = ops.flatMap((op) => index.operations[op].errors.filter((c) => provokable.includes(c)).map((c) => `${op}:${c}`));
  return {
    operations: count({ all: ops, covered: called }),
    members: count({ all: allMembers, covered: members }),
    enumValues: count({ all: allEnumValues, covered: enumValues }),
    errors: count({ all: allErrors, covered: errors }),
  };
}

/** Writes api-coverage.json into `dir` (created if missing) and returns its path. */
export async function writeApiCoverage({ coverage, dir }: { coverage: ApiCoverage; dir: string }): Promise<string> {
  await ensureDir({ dir });
  const file = path.join(dir, 'api-coverage.json');
  await writeFile(file, `${JSON.stringify(coverage, null, 2)}\n`, 'utf8');
  return file;
}
