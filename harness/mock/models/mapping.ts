import { BadRequestException } from './errors.ts';
import { checkString, checkStringList, isPlainObject } from './input.ts';
import { profilePathOf } from './profile-shape.ts';
import { parseWithPattern } from './simple-date-format.ts';
import {
  FIELD_CONTENT_TYPES, QUALIFIER_IDENTIFIERS, RULES, STANDARD_IDENTIFIERS,
  type FieldContentType, type FieldDef, type KeyDef, type Mapping, type StandardIdentifier,
} from './state.ts';

/**
 * Object-type mappings: reading and checking `Fields` and `Keys`, writing them back out, and evaluating them on
 * an ingested object. A field's Source is `_source.<path into the object>`, or a Handlebars-style template whose
 * `{{_source.<path>}}` placeholders are replaced by the object's values, e.g. `{{_source.firstName}} {{_source.lastName}}`
 * (the admin guide's mapping example, register entry D-MAPPING-HANDLEBARS). Its Target is `_profile.<member>` (a
 * standard profile member) or `<prefix>.<path>` (kept with the object, not interpreted).
 */

const TARGET = /^[a-zA-Z_][a-zA-Z_0-9-]*\.[^\s]+$/;
const SOURCE_PREFIX = '_source.';
/** One path into the object: dot-separated segments, none empty, without braces. */
const SOURCE_PATH = /^_source\.[^{}.]+(\.[^{}.]+)*$/;
/** A placeholder of a template Source; spaces inside the braces are allowed, as Handlebars allows them. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** A Source read into what evaluation needs: one path, or literal text around placeholders. */
export type ParsedSource =
  | { kind: 'path'; path: string[] }
  | { kind: 'template'; parts: Array<string | { path: string[] }> };

/**
 * Reads a Source: `_source.<path>`, or a template with at least one `{{_source.<path>}}` placeholder; anything else
 * is undefined (the caller refuses it). Literal text in a template may not hold `{{` or `}}` outside a placeholder.
 */
export function parseSource({ source }: { source: string }): ParsedSource | undefined {
  if (SOURCE_PATH.test(source)) return { kind: 'path', path: source.slice(SOURCE_PREFIX.length).split('.') };
  const parts: Array<string | { path: string[] }> = [];
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    const inner = match[1];
    if (!SOURCE_PATH.test(inner)) return undefined;
    if (match.index > last) parts.push(source.slice(last, match.index));
    parts.push({ path: inner.slice(SOURCE_PREFIX.length).split('.') });
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push(source.slice(last));
  const literals = parts.filter((p): p is string => typeof p === 'string');
  if (parts.length === literals.length || literals.some((text) => text.includes('{{') || text.includes('}}'))) return undefined;
  return { kind: 'template', parts };
}

/** Reads and checks a FieldMap member. */
export function readFields({ value, member = 'Fields' }: { value: unknown; member?: string }): Map<string, FieldDef> {
  if (!isPlainObject(value)) throw new BadRequestException(`${member} must be a map`);
  const fields = new Map<string, FieldDef>();
  for (const [name, raw] of Object.entries(value)) {
    checkString({ member: `${member} key`, value: name, ...RULES.fieldName });
    const where = `${member}.${name}`;
    if (!isPlainObject(raw)) throw new BadRequestException(`${where} must be an object`);
    const field: FieldDef = {};
    if (raw.Source !== undefined && raw.Source !== null) {
      const source = checkString({ member: `${where}.Source`, value: raw.Source, ...RULES.text });
      if (!parseSource({ source })) {
        throw new BadRequestException(
          `${where}.Source must name a field of the object as _source.<field>, or be a template of {{_source.<field>}} placeholders and text; saw ${JSON.stringify(source)}`,
        );
      }
      field.Source = source;
    }
    if (raw.Target !== undefined && raw.Target !== null) {
      const target = checkString({ member: `${where}.Target`, value: raw.Target, ...RULES.text });
      if (!TARGET.test(target)) {
        throw new BadRequestException(`${where}.Target must look like _profile.<member> or <objectType>.<field>; saw ${JSON.stringify(target)}`);
      }
      if (target.startsWith('_profile.') && profilePathOf(target) === undefined) {
        throw new BadRequestException(`${where}.Target ${JSON.stringify(target)} is not a member of the standard profile`);
      }
      field.Target = target;
    }
    if (raw.ContentType !== undefined && raw.ContentType !== null) {
      const contentType = checkString({ member: `${where}.ContentType`, value: raw.ContentType });
      if (!(FIELD_CONTENT_TYPES as readonly string[]).includes(contentType)) {
        throw new BadRequestException(`${where}.ContentType must be one of ${FIELD_CONTENT_TYPES.join(', ')}`);
      }
      field.ContentType = contentType as FieldContentType;
    }
    fields.set(name, field);
  }
  return fields;
}

/** Reads and checks a KeyMap member against the fields it references. */
export function readKeys({ value, fields, member = 'Keys' }: { value: unknown; fields: ReadonlyMap<string, FieldDef>; member?: string }): Map<string, KeyDef[]> {
  if (!isPlainObject(value)) throw new BadRequestException(`${member} must be a map`);
  const keys = new Map<string, KeyDef[]>();
  let uniqueKeys = 0;
  for (const [name, raw] of Object.entries(value)) {
    checkString({ member: `${member} key`, value: name, ...RULES.name });
    if (!Array.isArray(raw)) throw new BadRequestException(`${member}.${name} must be a list`);
    const list = Array.from(raw, (entry: unknown, i): KeyDef => {
      const where = `${member}.${name}[${i}]`;
      if (!isPlainObject(entry)) throw new BadRequestException(`${where} must be an object`);
      const key: KeyDef = {};
      if (entry.StandardIdentifiers !== undefined && entry.StandardIdentifiers !== null) {
        const ids = checkStringList({ member: `${where}.StandardIdentifiers`, value: entry.StandardIdentifiers });
        for (const id of ids) {
          if (!(STANDARD_IDENTIFIERS as readonly string[]).includes(id)) {
            throw new BadRequestException(`${where}.StandardIdentifiers holds ${JSON.stringify(id)}, which is not a StandardIdentifier`);
          }
        }
        key.StandardIdentifiers = ids as StandardIdentifier[];
        if (ids.includes('UNIQUE')) uniqueKeys += 1;
      }
      if (entry.FieldNames !== undefined && entry.FieldNames !== null) {
        const names = checkStringList({ member: `${where}.FieldNames`, value: entry.FieldNames, item: RULES.name });
        for (const fieldName of names) {
          if (!fields.has(fieldName)) {
            throw new BadRequestException(`${where}.FieldNames names ${JSON.stringify(fieldName)}, which is not a key of Fields`);
          }
        }
        key.FieldNames = names;
      }
      return key;
    });
    keys.set(name, list);
  }
  if (uniqueKeys > 1) throw new BadRequestException(`${member} may mark only one key UNIQUE; saw ${uniqueKeys}`);
  return keys;
}

/** Fields as the output shape (plain object). */
export function fieldsOutput(fields: ReadonlyMap<string, FieldDef>): Record<string, FieldDef> | undefined {
  if (fields.size === 0) return undefined;
  return Object.fromEntries([...fields].map(([name, field]) => [name, { ...field }]));
}

/** Keys as the output shape (plain object). */
export function keysOutput(keys: ReadonlyMap<string, KeyDef[]>): Record<string, KeyDef[]> | undefined {
  if (keys.size === 0) return undefined;
  return Object.fromEntries(
    [...keys].map(([name, list]) => [
      name,
      list.map((key) => ({
        ...(key.StandardIdentifiers ? { StandardIdentifiers: [...key.StandardIdentifiers] } : {}),
        ...(key.FieldNames ? { FieldNames: [...key.FieldNames] } : {}),
      })),
    ]),
  );
}

/**
 * The value a Source gives for `object` as a string, or undefined. A path gives its scalar (missing, null, empty or
 * not a scalar: undefined). A template gives its text with each placeholder replaced by its path's scalar; a
 * placeholder without a value renders as empty text, as Handlebars renders a missing property, and a template none
 * of whose placeholders has a value gives undefined (the field is missing, so no key is built from it).
 */
export function sourceValue({ object, source }: { object: Record<string, unknown>; source: string }): string | undefined {
  const parsed = parseSource({ source });
  if (!parsed) return undefined;
  if (parsed.kind === 'path') return scalarAt({ object, path: parsed.path });
  let text = '';
  let found = false;
  for (const part of parsed.parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const value = scalarAt({ object, path: part.path });
    if (value !== undefined) found = true;
    text += value ?? '';
  }
  return found ? text : undefined;
}

/** The scalar at `path` in `object` as a string, or undefined (missing, null, empty string, or not a scalar). */
function scalarAt({ object, path }: { object: Record<string, unknown>; path: readonly string[] }): string | undefined {
  let current: unknown = object;
  for (const segment of path) {
    if (!isPlainObject(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  if (typeof current === 'string') return current.length > 0 ? current : undefined;
  if (typeof current === 'number' && Number.isFinite(current)) return String(current);
  if (typeof current === 'boolean') return String(current);
  return undefined;
}

/** One key entry evaluated on an object. */
export interface EvaluatedKey {
  name: string;
  identifiers: readonly StandardIdentifier[];
  /** Field values joined with `_` when the key lists several fields. */
  value: string;
}

/** Values of every field of the mapping that the object carries. */
export function fieldValues({ fields, object }: { fields: ReadonlyMap<string, FieldDef>; object: Record<string, unknown> }): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, field] of fields) {
    if (!field.Source) continue;
    const value = sourceValue({ object, source: field.Source });
    if (value !== undefined) values.set(name, value);
  }
  return values;
}

/** Every key entry whose fields all have values, in declaration order. */
export function evaluateKeys({ keys, values }: { keys: ReadonlyMap<string, KeyDef[]>; values: ReadonlyMap<string, string> }): EvaluatedKey[] {
  const out: EvaluatedKey[] = [];
  for (const [name, list] of keys) {
    for (const key of list) {
      const names = key.FieldNames ?? [];
      if (names.length === 0 || names.some((n) => !values.has(n))) continue;
      out.push({ name, identifiers: key.StandardIdentifiers ?? [], value: names.map((n) => values.get(n)).join('_') });
    }
  }
  return out;
}

/** True when the key ties objects to a profile-level entity (any identifier other than the qualifiers). */
export function isLinking(key: { identifiers: readonly StandardIdentifier[] }): boolean {
  return key.identifiers.some((id) => !QUALIFIER_IDENTIFIERS.includes(id));
}

/** Target members that name when a record was last updated in its source (the T&H standard objects' UpdatedDate). */
const UPDATED_TARGET = /\.(UpdatedDate|LastUpdatedDate)$/;

/**
 * The field of a mapping that carries the source's last-updated timestamp: the one named sourceLastUpdatedTimestamp
 * (any case), else the first whose Target ends in `.UpdatedDate` or `.LastUpdatedDate`; undefined when none does.
 * The model does not say which field it is (register entry A-OBJTYPE-SOURCE-TIMESTAMP).
 */
export function sourceTimestampField({ fields }: { fields: ReadonlyMap<string, FieldDef> }): string | undefined {
  const names = [...fields.keys()];
  return names.find((n) => n.toLowerCase() === 'sourcelastupdatedtimestamp') ?? names.find((n) => UPDATED_TARGET.test(fields.get(n)?.Target ?? ''));
}

/**
 * The object's source last-updated time (epoch ms): its timestamp field read with the mapping's
 * SourceLastUpdatedTimestampFormat (a SimpleDateFormat pattern); undefined without a format, without such a field,
 * or when the value does not parse by the pattern (the object then counts as newer than any stored version).
 */
export function sourceLastUpdatedAt({ mapping, object, referenceMs }: { mapping: Mapping; object: Record<string, unknown>; referenceMs: number }): number | undefined {
  const pattern = mapping.sourceLastUpdatedTimestampFormat;
  const name = pattern === undefined ? undefined : sourceTimestampField({ fields: mapping.fields });
  const source = name === undefined ? undefined : mapping.fields.get(name)?.Source;
  const value = source === undefined ? undefined : sourceValue({ object, source });
  return value === undefined || pattern === undefined ? undefined : parseWithPattern({ value, pattern, referenceMs });
}
