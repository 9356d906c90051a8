/**
 * Filter evaluation for the oracle (SEMANTICS.md CA-FIL-2..13).
 */
import type { Filter, FilterAttributeDimension, FilterDimension, FilterGroup } from '@aws-sdk/client-customer-profiles';
import { OracleDefinitionError } from './expression.ts';
import { parseFilterDate, utcDay } from './timestamps.ts';
import { renderScalar, scalarAt, toNumber } from './values.ts';

type Comparable = { kind: 'number' | 'date'; x: number; lo: number; hi: number };

/** Numeric when all three are numeric, else dates when all three parse as filter dates (CA-FIL-11). */
function between(text: string, a: string, b: string): Comparable | undefined {
  const nx = toNumber({ value: text });
  const na = toNumber({ value: a });
  const nb = toNumber({ value: b });
  if (nx !== undefined && na !== undefined && nb !== undefined) return { kind: 'number', x: nx, lo: Math.min(na, nb), hi: Math.max(na, nb) };
  const dx = parseFilterDate({ value: text });
  const da = parseFilterDate({ value: a });
  const db = parseFilterDate({ value: b });
  if (dx !== undefined && da !== undefined && db !== undefined) return { kind: 'date', x: dx, lo: Math.min(da, db), hi: Math.max(da, db) };
  return undefined;
}

/** Whether one attribute entry matches the object's text at that path (CA-FIL-5..13). */
export function dimensionEntryMatches({ text, dimension }: { text: string | undefined; dimension: FilterAttributeDimension }): boolean {
  if (text === undefined) return false;
  const values = dimension.Values ?? [];
  if (values.length === 0) throw new OracleDefinitionError('expected 1-10 filter Values; saw none; give at least one value');
  const first = values[0];
  switch (dimension.DimensionType) {
    case 'INCLUSIVE':
      return values.includes(text);
    case 'EXCLUSIVE':
      return !values.includes(text);
    case 'CONTAINS':
      return values.some((v) => text.includes(v));
    case 'BEGINS_WITH':
      return values.some((v) => text.startsWith(v));
    case 'ENDS_WITH':
      return values.some((v) => text.endsWith(v));
    case 'EQUAL': {
      const x = toNumber({ value: text });
      return values.some((v) => {
        const n = toNumber({ value: v });
        return x !== undefined && n !== undefined ? x === n : v === text;
      });
    }
    case 'GREATER_THAN':
    case 'LESS_THAN':
    case 'GREATER_THAN_OR_EQUAL':
    case 'LESS_THAN_OR_EQUAL': {
      const x = toNumber({ value: text });
      const y = toNumber({ value: first });
      if (x === undefined || y === undefined) return false;
      if (dimension.DimensionType === 'GREATER_THAN') return x > y;
      if (dimension.DimensionType === 'LESS_THAN') return x < y;
      if (dimension.DimensionType === 'GREATER_THAN_OR_EQUAL') return x >= y;
      return x <= y;
    }
    case 'BETWEEN':
    case 'NOT_BETWEEN': {
      if (values.length < 2) return false;
      const c = between(text, values[0], values[1]);
      if (!c) return false;
      const inside = c.lo <= c.x && c.x <= c.hi;
      return dimension.DimensionType === 'BETWEEN' ? inside : !inside;
    }
    case 'BEFORE':
    case 'AFTER':
    case 'ON': {
      const t = parseFilterDate({ value: text });
      const d = parseFilterDate({ value: first });
      if (t === undefined || d === undefined) return false;
      if (dimension.DimensionType === 'BEFORE') return t < d;
      if (dimension.DimensionType === 'AFTER') return t > d;
      return utcDay({ ms: t }) === utcDay({ ms: d });
    }
    default:
      throw new OracleDefinitionError(`expected a FilterDimensionType; saw ${String(dimension.DimensionType)}; use one of the model's 15 values`);
  }
}

function dimensionMatches(document: unknown, dimension: FilterDimension): boolean {
  const entries = Object.entries(dimension.Attributes ?? {});
  if (entries.length === 0) throw new OracleDefinitionError('expected a FilterDimension with at least one attribute; saw none; add an attribute');
  return entries.every(([path, dim]) => {
    const v = scalarAt({ document, path });
    return dimensionEntryMatches({ text: v === undefined ? undefined : renderScalar({ value: v }), dimension: dim });
  });
}

function groupMatches(document: unknown, group: FilterGroup): boolean {
  const dims = group.Dimensions ?? [];
  if (dims.length === 0) throw new OracleDefinitionError('expected 1-10 Dimensions in a filter group; saw none; add a dimension');
  const hits = dims.map((d) => dimensionMatches(document, d));
  if (group.Type === 'ALL') return hits.every(Boolean);
  if (group.Type === 'ANY') return hits.some(Boolean);
  if (group.Type === 'NONE') return !hits.some(Boolean);
  throw new OracleDefinitionError(`expected group Type ALL, ANY or NONE; saw ${String(group.Type)}; fix the filter`);
}

/** Whether the filter keeps the object (CA-FIL-2..4). */
export function filterKeeps({ filter, document }: { filter: Filter; document: unknown }): boolean {
  const groups = filter.Groups ?? [];
  if (groups.length === 0) throw new OracleDefinitionError('expected 1-2 filter Groups; saw none; add a group');
  const hits = groups.map((g) => groupMatches(document, g));
  if (filter.Include === 'ALL') return hits.every(Boolean);
  if (filter.Include === 'ANY') return hits.some(Boolean);
  if (filter.Include === 'NONE') return !hits.some(Boolean);
  throw new OracleDefinitionError(`expected Include ALL, ANY or NONE; saw ${String(filter.Include)}; fix the filter`);
}
