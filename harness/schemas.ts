/**
 * The schema registry: loads the committed JSON Schemas (specs/schemas) and validates values against them with
 * ajv (2020-12), compiling each schema only when first used. Results are lists of violations with a JSON pointer,
 * a short expected / seen pair and a severity. Unknown members (an `additionalProperties: false` failure) are
 * warnings: AWS adds members over time. Beyond that, the severity depends on the check policy: a request (what the
 * reference implementation accepts) must satisfy every rule of the model; a response is held only to the rules a
 * client relies on (docs/response-checks.md), because the model's constraints are rules for inputs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _, Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { HarnessError } from './errors.ts';
import { SCHEMAS_DIR } from './operation-index.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import { bundleKey, defaultCacheDir, loadBundle, schemaFiles, writeBundle, type BundleFlavour, type FlavourPlan, type ValidatorBundle } from './validator-bundle.ts';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

export type Severity = 'error' | 'warning';

/** One finding of a validation: where (JSON pointer), what the schema wants, what the value was. */
export interface Violation {
  pointer: string;
  expected: string;
  seen: string;
  severity: Severity;
  keyword: string;
}

export type JsonSchema = Record<string, unknown>;

/** An HTTP-bound member as described by `x-http-bindings` in an input, output or error schema. */
export interface HttpBindingSpec {
  in: 'label' | 'query' | 'queryParams' | 'header' | 'prefixHeaders' | 'payload' | 'responseCode';
  /** Label name, query parameter, header name (lower case) or prefix; member name for payload and responseCode. */
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export type Direction = 'input' | 'output';

/**
 * `request`: every rule of the model is an error (a service refuses such an input). `response`: JSON null members
 * count as absent, and a value that breaks a constraint (length, pattern, range, size, map keys, enum) is a warning:
 * clients do not enforce constraints on what they receive, and AWS's own documented responses break some.
 */
export type CheckPolicy = 'request' | 'response';

export interface SchemaRegistry {
  /** Directory the schemas are read from. */
  readonly dir: string;
  /** Validates a request body (HTTP-bound members excluded) against `<operation>.input.json`. */
  validateInput(args: { operation: string; value: unknown }): Violation[];
  /** Validates a 2xx response body against `<operation>.output.json`, under the response policy unless told otherwise. */
  validateOutput(args: { operation: string; value: unknown; policy?: CheckPolicy }): Violation[];
  /** Validates an error response body (protocol keys such as `__type` removed) against `errors/<code>.json`, as validateOutput. */
  validateError(args: { code: string; value: unknown; policy?: CheckPolicy }): Violation[];
  /** The label, query, header, payload and response-code members of an operation's input or output. */
  bindingSchemas(args: { operation: string; direction?: Direction }): Record<string, HttpBindingSpec>;
  /**
   * Validates one HTTP-bound value (label, query or header) against its member's constraints. With `coerce`, wire
   * strings are first converted to the member's type (e.g. "5" -> 5, "a" -> ["a"] for lists) and the converted value
   * is returned.
   */
  validateBinding(args: { operation: string; member: string; value: unknown; direction?: Direction; coerce?: boolean }): {
    value: unknown;
    violations: Violation[];
  };
  /** The parsed schema file, e.g. `GetDomainLayout.output.json` or `errors/BadRequestException.json`. */
  rawSchema(args: { file: string }): JsonSchema;
  /** Whether `<operation>.input.json` exists in `dir`. */
  hasOperation(args: { operation: string }): boolean;
  /** How many validators have been compiled so far (they are compiled on first use). */
  compiledCount(): number;
}

/** Annotation keywords the generated schemas carry; ajv's strict mode needs them declared. */
export const ANNOTATION_KEYWORDS = [
  'x-smithy-type',
  'x-smithy-id',
  'x-sensitive',
  'x-http-bindings',
  'x-http-payload',
  'x-raw-payload',
  'x-error',
  'x-timestamp-format',
  'x-byte-length',
] as const;

/**
 * ajv's console logger, without its one-line notice that the `unicode` option is deprecated (the fast instance sets it
 * on purpose; the notice would otherwise reach the standalone server's and the CLI's output).
 */
const QUIET_ABOUT_UNICODE = {
  log: (...args: unknown[]) => console.log(...args),
  warn: (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && args[0].startsWith('DEPRECATED: option unicode'))) console.warn(...args);
  },
  error: (...args: unknown[]) => console.error(...args),
};

/** Makes an ajv instance configured for the generated schemas. */
export function createAjv({ coerce = false, fast = false, source = false }: { coerce?: boolean; fast?: boolean; source?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    // A warning (unknown member) must not hide an error after it. The `fast` instance answers only "valid or not"
    // (first error, no data copied into errors): most responses are valid, so the full pass runs only on a failure.
    allErrors: !fast,
    verbose: !fast, // errors carry the offending data and schema, for `seen` and for redacting sensitive values
    // Counting code points (the model's @length unit) walks every string: the `fast` instance compares UTF-16 lengths
    // on schemas made sound for that by `fastSchema` (its "valid" implies the exact one's).
    ...(fast ? { unicode: false, logger: QUIET_ABOUT_UNICODE } : {}),
    strict: true,
    allowUnionTypes: true, // doubles are number | "NaN" | "Infinity" | "-Infinity"
    // ajv's optimisation passes over the generated code cost about two thirds of compile time (212 schemas: 934 ms
    // with, 325 ms without, measured here) and changed no validation time measurably (0.37 vs 0.36 us per body);
    // every contract file compiles its schemas afresh, so compiling fast matters more.
    // `source`: keep the generated code for validator-bundle.ts, which writes it out (formats required by path).
    code: { optimize: false, ...(source ? { source: true, formats: _`require(${createRequire(import.meta.url).resolve('ajv-formats/dist/formats.js')}).fullFormats` } : {}) },
    coerceTypes: coerce ? 'array' : false,
    // The schemas are generated, and a test checks each against the 2020-12 meta-schema; checking them again in
    // every process cost about 0.6 s per contract worker (meta-schema compile and validation).
    validateSchema: false,
  });
  addFormats(ajv);
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  return ajv;
}

const COMPONENT = 'schemas';

/** The `$id` of the schema of one HTTP-bound member: a sibling of its file's, so relative references resolve the same. */
function bindingId({ fileId, member }: { fileId: string; member: string }): string {
  return fileId.replace(/\.json$/, `.binding.${member}.json`);
}

/** The schema validating one HTTP-bound member, as `{ value: <member> }`. */
function bindingSchema({ fileId, member, binding }: { fileId: string; member: string; binding: HttpBindingSpec }): JsonSchema {
  const $id = bindingId({ fileId, member });
  return { $id, type: 'object', properties: { value: binding.schema } };
}

/**
 * What a validator bundle holds for the schemas `read` gives (validator-bundle.ts): the yes/no validators of every
 * input file (request policy), of every output and error file (response policy), the exact validators of every file
 * (what a "no" is judged by again), and the validators of every HTTP-bound member, plain and coercing.
 */
export function bundlePlans({ files, read }: { files: readonly string[]; read: (file: string) => JsonSchema }): Record<BundleFlavour, FlavourPlan> {
  const fast = (policy: CheckPolicy, chosen: readonly string[]): FlavourPlan => {
    const made = createAjv({ fast: true, source: true });
    made.addSchema(fastSchema({ schema: read('shapes.json'), policy }) as JsonSchema);
    return { ajv: made, schemas: chosen.map((file) => ({ key: file, schema: fastSchema({ schema: read(file), policy }) as JsonSchema })) };
  };
  const bindingSchemas = files
    .filter((f) => f.endsWith('.input.json') || f.endsWith('.output.json'))
    .flatMap((file) => {
      const schema = read(file);
      const specs = (schema['x-http-bindings'] ?? {}) as Record<string, HttpBindingSpec>;
      return Object.entries(specs).map(([member, binding]) => {
        const bound = bindingSchema({ fileId: String(schema.$id), member, binding });
        return { key: String(bound.$id), schema: bound };
      });
    });
  const exact = (coerce: boolean, schemas: FlavourPlan['schemas']): FlavourPlan => {
    const made = createAjv({ coerce, source: true });
    made.addSchema(read('shapes.json'));
    return { ajv: made, schemas };
  };
  return {
    exact: exact(false, files.filter((f) => f !== 'shapes.json' && f !== 'operations.json').map((file) => ({ key: file, schema: read(file) }))),
    'fast-request': fast('request', files.filter((f) => f.endsWith('.input.json'))),
    'fast-response': fast('response', files.filter((f) => f.endsWith('.output.json') || f.startsWith('errors/'))),
    binding: exact(false, bindingSchemas),
    'binding-coerce': exact(true, bindingSchemas),
  };
}

/**
 * Opens the schemas in `dir` (default: the committed specs/schemas); nothing is compiled until first use. With a
 * `cacheDir`, the validators a run needs come from a bundle generated once for these schemas (validator-bundle.ts)
 * instead of being compiled in every process. Default: the package's node_modules/.cache/cpct for the committed
 * schemas, none for any other folder (a test's fixture schemas would otherwise take the places the cache keeps, and
 * push out the committed schemas' bundle); `false`: none.
 */
export function createSchemaRegistry({ dir = SCHEMAS_DIR, cacheDir }: { dir?: string; cacheDir?: string | false } = {}): SchemaRegistry {
  const raw = new Map<string, JsonSchema>();
  const validators = new Map<string, ValidateFunction>();
  let ajv: Ajv2020 | undefined;
  let coercingAjv: Ajv2020 | undefined;
  const fastAjvs = new Map<CheckPolicy, Ajv2020>();
  const fastValidators = new Map<string, ValidateFunction>();

  const read = (file: string): JsonSchema => {
    let schema = raw.get(file);
    if (schema) return schema;
    const full = path.join(dir, file);
    if (!existsSync(full)) {
      throw new HarnessError({
        component: COMPONENT,
        expected: `schema file ${file} in ${dir}`,
        seen: 'no such file',
        action: 'check the operation or error name, or rebuild with `npm run specs:build -- --model PATH`',
      });
    }
    schema = JSON.parse(readFileSync(full, 'utf8')) as JsonSchema;
    raw.set(file, schema);
    return schema;
  };

  let bundle: ValidatorBundle | null | undefined;
  /** The bundle for these schemas, written on first use when the cache has none; null when caching is off or failed. */
  const precompiled = (): ValidatorBundle | null => {
    if (bundle !== undefined) return bundle;
    bundle = null;
    const committed = path.resolve(dir) === path.resolve(SCHEMAS_DIR);
    const folder = cacheDir === false ? undefined : (cacheDir ?? (committed ? defaultCacheDir({ packageRoot: PACKAGE_ROOT }) : undefined));
    if (!folder) return bundle;
    try {
      const key = bundleKey({ dir });
      bundle = loadBundle({ cacheDir: folder, key }) ?? null;
      if (!bundle) {
        writeBundle({ cacheDir: folder, key, plans: bundlePlans({ files: schemaFiles({ dir }), read }) });
        bundle = loadBundle({ cacheDir: folder, key }) ?? null;
      }
    } catch {
      // The bundle only saves time: a cache that cannot be read or written leaves compiling on demand, as without one.
      bundle = null;
    }
    return bundle;
  };

  const instance = (coerce: boolean): Ajv2020 => {
    const existing = coerce ? coercingAjv : ajv;
    if (existing) return existing;
    const made = createAjv({ coerce });
    made.addSchema(read('shapes.json')); // added, not compiled: only the definitions a validator reaches get compiled
    if (coerce) coercingAjv = made;
    else ajv = made;
    return made;
  };

  const validatorFor = (key: string, build: () => JsonSchema, coerce = false): ValidateFunction => {
    const cacheKey = `${coerce ? 'coerce:' : ''}${key}`;
    let v = validators.get(cacheKey);
    if (!v) {
      v = instance(coerce).compile(build());
      validators.set(cacheKey, v);
    }
    return v;
  };

  /**
   * The yes/no validator of `file` under `policy` (allErrors and verbose off): the common case, a body with no
   * finding, costs one pass. Its schemas are those of `fastSchema`, so its "valid" implies "no finding".
   */
  const fastValidatorFor = (file: string, policy: CheckPolicy): ValidateFunction => {
    const key = `${policy}:${file}`;
    let v = fastValidators.get(key) ?? precompiled()?.get(`fast-${policy}`).get(file);
    if (!v) {
      let fastAjv = fastAjvs.get(policy);
      if (!fastAjv) {
        fastAjv = createAjv({ fast: true });
        fastAjv.addSchema(fastSchema({ schema: read('shapes.json'), policy }) as JsonSchema);
        fastAjvs.set(policy, fastAjv);
      }
      v = fastAjv.compile(fastSchema({ schema: read(file), policy }) as JsonSchema);
      fastValidators.set(key, v);
    }
    return v;
  };

  const validateFile = (file: string, value: unknown, policy: CheckPolicy): Violation[] => {
    const checked = policy === 'response' && hasNullMember({ value }) ? dropNullMembers({ value }) : value;
    if (fastValidatorFor(file, policy)(checked)) return [];
    const v = precompiled()?.get('exact').get(file) ?? validatorFor(file, () => read(file));
    return v(checked) ? [] : toViolations({ errors: v.errors ?? [], policy });
  };

  const bindingSchemas = ({ operation, direction = 'input' }: { operation: string; direction?: Direction }) =>
    (read(`${operation}.${direction}.json`)['x-http-bindings'] ?? {}) as Record<string, HttpBindingSpec>;

  return {
    dir,
    validateInput: ({ operation, value }) => validateFile(`${operation}.input.json`, value, 'request'),
    validateOutput: ({ operation, value, policy = 'response' }) => validateFile(`${operation}.output.json`, value, policy),
    validateError: ({ code, value, policy = 'response' }) => validateFile(`errors/${code}.json`, value, policy),
    bindingSchemas,
    validateBinding({ operation, member, value, direction = 'input', coerce = false }) {
      const file = `${operation}.${direction}.json`;
      const binding = bindingSchemas({ operation, direction })[member];
      if (!binding) {
        throw new HarnessError({
          component: COMPONENT,
          expected: `an HTTP-bound member ${member} in ${file}`,
          seen: `members ${Object.keys(bindingSchemas({ operation, direction })).join(', ') || '(none)'}`,
          action: 'use a member listed under x-http-bindings',
        });
      }
      // A sibling $id keeps the relative "shapes.json#/..." references resolving as they do in the file itself.
      const fileId = String(read(file).$id);
      const id = bindingId({ fileId, member });
      const v =
        precompiled()?.get(coerce ? 'binding-coerce' : 'binding').get(id) ??
        validatorFor(id, () => bindingSchema({ fileId, member, binding }), coerce);
      const holder = { value };
      const ok = v(holder);
      const violations = ok
        ? []
        : toViolations({ errors: v.errors ?? [], policy: 'request' }).map((x) => ({ ...x, pointer: x.pointer.replace(/^\/value/, '') }));
      return { value: holder.value, violations };
    },
    rawSchema: ({ file }) => read(file),
    hasOperation: ({ operation }) => raw.has(`${operation}.input.json`) || existsSync(path.join(dir, `${operation}.input.json`)),
    compiledCount: () => validators.size,
  };
}

/** Escapes one JSON pointer token (RFC 6901). */
export function pointerToken({ token }: { token: string }): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

const MAX_SEEN = 80;

/** A short human rendering of a JSON value. */
export function describeValue({ value, sensitive = false }: { value: unknown; sensitive?: boolean }): string {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (sensitive) {
    const size = typeof value === 'string' ? ` of ${value.length} chars` : '';
    return `${kind}${size} (sensitive, not shown)`;
  }
  if (kind === 'object') return `object with ${Object.keys(value as object).length} members`;
  if (kind === 'array') return `array of ${(value as unknown[]).length} items`;
  const text = JSON.stringify(value) ?? String(value);
  return `${kind} ${text.length > MAX_SEEN ? `${text.slice(0, MAX_SEEN)}…` : text}`;
}

/**
 * A copy of a schema for the yes/no pass, which compares UTF-16 lengths: maxLength N stays (a string of at most N
 * units has at most N code points), minLength N >= 2 becomes 2N (at least 2N units make at least N code points).
 * Under the response policy a TagMap also loses its minProperties, since an empty tag map is no finding there
 * (isEmptyTagMap). So a body the copy accepts has no finding under the exact schema and `policy`; one it refuses is
 * judged again by the exact validator.
 */
export function fastSchema({ schema, policy }: { schema: unknown; policy: CheckPolicy }): unknown {
  if (Array.isArray(schema)) return schema.map((item) => fastSchema({ schema: item, policy }));
  if (schema === null || typeof schema !== 'object') return schema;
  const dropMinProperties = policy === 'response' && isTagMapSchema({ schema });
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'minProperties' && dropMinProperties) continue;
    out[key] = key === 'minLength' && typeof value === 'number' && value >= 2 ? value * 2 : fastSchema({ schema: value, policy });
  }
  return out;
}

/** True when `value` holds a JSON null member or item at any depth (checked before copying, as most bodies hold none). */
export function hasNullMember({ value }: { value: unknown }): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => hasNullMember({ value: item }));
  for (const key in value as Record<string, unknown>) if (hasNullMember({ value: (value as Record<string, unknown>)[key] })) return true;
  return false;
}

/**
 * A copy of `value` without the object members (map entries included) whose value is JSON null, at any depth: the
 * SDKs read a null member as an absent one. Null list items stay, so a null where a list wants a string is still a
 * type error.
 */
export function dropNullMembers({ value }: { value: unknown }): unknown {
  if (Array.isArray(value)) return value.map((item) => dropNullMembers({ value: item }));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) if (member !== null) out[key] = dropNullMembers({ value: member });
  return out;
}

/** ajv keywords that carry a constraint trait of the model (@length, @pattern, @range, sizes, map keys, @uniqueItems, @enum). */
const CONSTRAINT_KEYWORDS = new Set([
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'propertyNames',
  'uniqueItems',
  'enum',
]);

/**
 * The severity of one failed keyword under a policy. Unknown members are warnings under both. Under `response`,
 * constraints are warnings, except the two that the generated schemas use to express a type: the member count of a
 * union (exactly one member set) and the pattern that lets a double be "NaN" / "Infinity" / "-Infinity".
 */
export function severityOf({ keyword, smithyType, policy }: { keyword: string; smithyType?: unknown; policy: CheckPolicy }): Severity {
  if (keyword === 'additionalProperties') return 'warning';
  if (policy === 'request' || !CONSTRAINT_KEYWORDS.has(keyword)) return 'error';
  if ((keyword === 'minProperties' || keyword === 'maxProperties') && smithyType === 'union') return 'error';
  if (keyword === 'pattern' && (smithyType === 'double' || smithyType === 'float')) return 'error';
  return 'warning';
}

/**
 * True for an empty `TagMap` (the model's `@length(min: 1)` on it): AWS's documented responses answer `"Tags": {}`
 * for a resource without tags (register entry D-TAGS-EMPTY-MAP), so in a response it is no finding at all, not even
 * a warning. Other maps' minimum sizes, and TagMap's maximum, stay warnings.
 */
export function isEmptyTagMap({ error }: { error: ErrorObject }): boolean {
  if (error.keyword !== 'minProperties' || !isTagMapSchema({ schema: error.parentSchema })) return false;
  const data = error.data;
  return typeof data === 'object' && data !== null && !Array.isArray(data) && Object.keys(data).length === 0;
}

/** Whether a schema is the model's TagMap, known by its keys and values (TagKey, TagValue): ajv reports paths inside the definition. */
export function isTagMapSchema({ schema }: { schema: unknown }): boolean {
  const s = (schema ?? {}) as { propertyNames?: { $ref?: unknown }; additionalProperties?: { $ref?: unknown } };
  return /\/TagKey$/.test(String(s.propertyNames?.$ref)) && /\/TagValue$/.test(String(s.additionalProperties?.$ref));
}

/** Converts ajv errors into violations, each with the severity `policy` gives its keyword (see severityOf). */
export function toViolations({ errors, policy }: { errors: ErrorObject[]; policy: CheckPolicy }): Violation[] {
  const out: Violation[] = [];
  // The aggregate propertyNames error repeats what the errors inside it already say.
  const keysWithDetail = new Set(errors.filter((e) => e.keyword !== 'propertyNames' && e.propertyName !== undefined).map((e) => `${e.instancePath}/${e.propertyName}`));
  for (const e of errors) {
    if (policy === 'response' && isEmptyTagMap({ error: e })) continue;
    const params = e.params as Record<string, unknown>;
    const parent = (e.parentSchema ?? {}) as JsonSchema;
    const sensitive = parent['x-sensitive'] === true;
    const seen = describeValue({ value: e.data, sensitive });
    let pointer = e.instancePath;
    let expected: string;
    let seenText = seen;
    const severity = severityOf({ keyword: e.keyword, smithyType: parent['x-smithy-type'], policy });
    switch (e.keyword) {
      case 'required':
        pointer = `${e.instancePath}/${pointerToken({ token: String(params.missingProperty) })}`;
        expected = 'required member present';
        seenText = 'absent';
        break;
      case 'additionalProperties':
        pointer = `${e.instancePath}/${pointerToken({ token: String(params.additionalProperty) })}`;
        expected = 'only members the model declares';
        seenText = `unknown member "${String(params.additionalProperty)}"`;
        break;
      case 'type':
        expected =
          parent['x-smithy-type'] === 'timestamp' && params.type === 'number'
            ? 'timestamp as a JSON number (epoch seconds)'
            : `type ${Array.isArray(params.type) ? params.type.join(' | ') : String(params.type)}`;
        break;
      case 'enum': {
        const values = (params.allowedValues as unknown[]) ?? [];
        const shown = values.slice(0, 8).map((v) => JSON.stringify(v)).join(', ');
        expected = `one of ${shown}${values.length > 8 ? `, … (${values.length} values)` : ''}`;
        break;
      }
      case 'minLength':
      case 'maxLength':
        expected = `length ${e.keyword === 'minLength' ? '>=' : '<='} ${String(params.limit)}`;
        seenText = typeof e.data === 'string' ? `length ${[...e.data].length}` : seen;
        break;
      case 'minItems':
      case 'maxItems':
        expected = `${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String(params.limit)} items`;
        break;
      case 'minProperties':
      case 'maxProperties':
        expected =
          parent['x-smithy-type'] === 'union'
            ? 'exactly one union member set'
            : `${e.keyword === 'minProperties' ? 'at least' : 'at most'} ${String(params.limit)} entries`;
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        expected = `number ${String(params.comparison)} ${String(params.limit)}`;
        break;
      case 'pattern':
        expected =
          parent['x-smithy-type'] === 'double' || parent['x-smithy-type'] === 'float'
            ? 'a JSON number, or "NaN", "Infinity", "-Infinity"'
            : `string matching /${String(params.pattern)}/`;
        break;
      case 'format':
        expected = `${String(params.format)} format`;
        break;
      case 'propertyNames':
        if (keysWithDetail.has(`${e.instancePath}/${String(params.propertyName)}`)) continue;
        expected = 'valid map keys';
        seenText = `key ${JSON.stringify(params.propertyName)}`;
        break;
      default:
        expected = e.message ?? e.keyword;
    }
    if (e.propertyName !== undefined && e.keyword !== 'propertyNames') {
      // An error inside propertyNames is about a map key, not a value.
      pointer = `${e.instancePath}/${pointerToken({ token: e.propertyName })}`;
      expected = `map key ${expected}`;
    }
    out.push({ pointer, expected, seen: seenText, severity, keyword: e.keyword });
  }
  return out;
}
