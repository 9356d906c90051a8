/**
 * Filter (R9): validation at create time and a compiled predicate over one object.
 */
import { BadRequestException } from '../errors.ts';
import { pathOf, readAttribute, textOf, type Subject } from './expression.ts';
import { DAY_MS, parseFilterDate } from './time.ts';
import { toFiniteNumber } from './numbers.ts';

const INCLUDES = ['ALL', 'ANY', 'NONE'] as const;
const STRING_TYPES = ['INCLUSIVE', 'EXCLUSIVE', 'CONTAINS', 'BEGINS_WITH', 'ENDS_WITH'] as const;
const NUMBER_TYPES = ['EQUAL', 'GREATER_THAN', 'LESS_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN_OR_EQUAL'] as const;
const DATE_TYPES = ['BEFORE', 'AFTER', 'ON', 'BETWEEN', 'NOT_BETWEEN'] as const;

type Quantifier = (typeof INCLUDES)[number];
type Predicate = (subject: Subject) => boolean;

function bad(message: string): BadRequestException {
  return new BadRequestException(message);
}

function quantify({ kind, parts, subject }: { kind: Quantifier; parts: readonly Predicate[]; subject: Subject }): boolean {
  if (kind === 'ALL') return parts.every((p) => p(subject));
  if (kind === 'ANY') return parts.some((p) => p(subject));
  return !parts.some((p) => p(subject));
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** The field's text (R16), or undefined when it is missing: every dimension type compares this text (R9). */
function fieldText({ subject, attribute, path }: { subject: Subject; attribute: string; path: readonly string[] }): string | undefined {
  const raw = readAttribute({ subject, attribute, path });
  return raw === undefined ? undefined : textOf({ value: raw });
}

/** Compiles one `{ DimensionType, Values }` entry on field `attribute`. */
function compileEntry({ attribute, entry, where }: { attribute: string; entry: unknown; where: string }): Predicate {
  const e = entry as { DimensionType?: unknown; Values?: unknown };
  if (e === null || typeof e !== 'object') throw bad(`${where}: expected {DimensionType, Values}; saw ${JSON.stringify(entry)}`);
  const type = e.DimensionType;
  const values = e.Values;
  if (!Array.isArray(values) || values.length < 1 || values.length > 10 || !values.every((v) => typeof v === 'string' && v.length > 0)) {
    throw bad(`${where}.Values: expected 1 to 10 non-empty strings; saw ${JSON.stringify(values)}`);
  }
  const path = pathOf({ attribute });
  const vals = values as string[];
  if (isOneOf(STRING_TYPES, type)) {
    const test: (s: string) => boolean =
      type === 'INCLUSIVE' ? (s) => vals.includes(s)
      : type === 'EXCLUSIVE' ? (s) => !vals.includes(s)
      : type === 'CONTAINS' ? (s) => vals.some((v) => s.includes(v))
      : type === 'BEGINS_WITH' ? (s) => vals.some((v) => s.startsWith(v))
      : (s) => vals.some((v) => s.endsWith(v));
    return (subject) => {
      const text = fieldText({ subject, attribute, path });
      return text !== undefined && test(text);
    };
  }
  if (isOneOf(NUMBER_TYPES, type)) {
    const bound = toFiniteNumber({ value: vals[0] });
    if (bound === undefined) throw bad(`${where}.Values[0]: ${type} compares numbers; saw ${JSON.stringify(vals[0])}`);
    const test: (n: number) => boolean =
      type === 'EQUAL' ? (n) => n === bound
      : type === 'GREATER_THAN' ? (n) => n > bound
      : type === 'LESS_THAN' ? (n) => n < bound
      : type === 'GREATER_THAN_OR_EQUAL' ? (n) => n >= bound
      : (n) => n <= bound;
    return (subject) => {
      const n = toFiniteNumber({ value: fieldText({ subject, attribute, path }) });
      return n !== undefined && test(n);
    };
  }
  if (isOneOf(DATE_TYPES, type)) {
    const needed = type === 'BETWEEN' || type === 'NOT_BETWEEN' ? 2 : 1;
    if (vals.length < needed) throw bad(`${where}.Values: ${type} needs ${needed} dates; saw ${vals.length}`);
    const dates = vals.slice(0, needed).map((value, i) => {
      const t = parseFilterDate({ value });
      if (t === undefined) throw bad(`${where}.Values[${i}]: expected an ISO 8601 date-time, a YYYY-MM-DD date or an epoch; saw ${JSON.stringify(value)}`);
      return t;
    });
    const [d0, d1] = dates;
    const test: (t: number) => boolean =
      type === 'BEFORE' ? (t) => t < d0
      : type === 'AFTER' ? (t) => t > d0
      : type === 'ON' ? (t) => Math.floor(t / DAY_MS) === Math.floor(d0 / DAY_MS)
      : type === 'BETWEEN' ? (t) => d0 <= t && t <= d1
      : (t) => !(d0 <= t && t <= d1);
    return (subject) => {
      const t = parseFilterDate({ value: fieldText({ subject, attribute, path }) });
      return t !== undefined && test(t);
    };
  }
  throw bad(`${where}.DimensionType: expected one of ${[...STRING_TYPES, ...NUMBER_TYPES, ...DATE_TYPES].join(', ')}; saw ${JSON.stringify(type)}`);
}

/** Validates a Filter and returns its predicate; throws BadRequestException naming the member that is wrong. */
export function compileFilter({ filter }: { filter: unknown }): Predicate {
  const f = filter as { Include?: unknown; Groups?: unknown };
  if (f === null || typeof f !== 'object') throw bad(`Filter: expected {Include, Groups}; saw ${JSON.stringify(filter)}`);
  if (!isOneOf(INCLUDES, f.Include)) throw bad(`Filter.Include: expected ALL, ANY or NONE; saw ${JSON.stringify(f.Include)}`);
  const include = f.Include;
  if (!Array.isArray(f.Groups) || f.Groups.length < 1 || f.Groups.length > 2) {
    throw bad(`Filter.Groups: expected 1 or 2 groups; saw ${JSON.stringify(f.Groups)}`);
  }
  const groups: Predicate[] = f.Groups.map((group: unknown, gi: number) => {
    const g = group as { Type?: unknown; Dimensions?: unknown };
    const where = `Filter.Groups[${gi}]`;
    if (g === null || typeof g !== 'object') throw bad(`${where}: expected {Type, Dimensions}; saw ${JSON.stringify(group)}`);
    if (!isOneOf(INCLUDES, g.Type)) throw bad(`${where}.Type: expected ALL, ANY or NONE; saw ${JSON.stringify(g.Type)}`);
    const type = g.Type;
    if (!Array.isArray(g.Dimensions) || g.Dimensions.length < 1 || g.Dimensions.length > 10) {
      throw bad(`${where}.Dimensions: expected 1 to 10 dimensions; saw ${JSON.stringify(g.Dimensions)}`);
    }
    const dimensions: Predicate[] = g.Dimensions.map((dimension: unknown, di: number) => {
      const attrs = (dimension as { Attributes?: unknown } | null)?.Attributes;
      const dwhere = `${where}.Dimensions[${di}].Attributes`;
      if (attrs === null || typeof attrs !== 'object' || Array.isArray(attrs) || Object.keys(attrs).length === 0) {
        throw bad(`${dwhere}: expected a map of at least one attribute to {DimensionType, Values}; saw ${JSON.stringify(attrs)}`);
      }
      // A dimension naming several attributes matches when each of them matches.
      const entries = Object.entries(attrs).map(([attribute, entry]) => compileEntry({ attribute, entry, where: `${dwhere}.${attribute}` }));
      return (subject: Subject) => entries.every((p) => p(subject));
    });
    return (subject: Subject) => quantify({ kind: type, parts: dimensions, subject });
  });
  return (subject) => quantify({ kind: include, parts: groups, subject });
}
