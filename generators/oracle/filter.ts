/**
 * Filter evaluation for the oracle (SEMANTICS.md CA-FIL-2..14).
 */
import type { Filter, FilterAttributeDimension, FilterDimension, FilterGroup } from '@aws-sdk/client-customer-profiles';
import { OracleDefinitionError } from './expression.ts';
import { parseFilterDate, utcDay } from './timestamps.ts';
import { attributeScalar, renderScalar, toNumber, type ObjectView } from './values.ts';

const NUMERIC = new Set(['EQUAL', 'GREATER_THAN', 'LESS_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN_OR_EQUAL']);

/** Values[i] as a filter date, or an OracleDefinitionError (CA-FIL-14: the service rejects such a definition). */
function dateValue(values: readonly string[], i: number, type: string): number {
  const d = values[i] === undefined ? undefined : parseFilterDate({ value: values[i] });
  if (d === undefined) throw new OracleDefinitionError(`expected ${type} Values[${i}] to be a filter date; saw ${JSON.stringify(values[i])}; use an ISO 8601 date-time, YYYY-MM-DD or epoch`);
  return d;
}

/** Whether one attribute entry matches the object's text at that path (CA-FIL-5..13). */
export function dimensionEntryMatches({ text, dimension }: { text: string | undefined; dimension: FilterAttributeDimension }): boolean {
  const values = dimension.Values ?? [];
  if (values.length < 1 || values.length > 10 || values.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new OracleDefinitionError(`expected 1-10 non-empty filter Values; saw ${JSON.stringify(values)}; give 1 to 10 values`);
  }
  const type = String(dimension.DimensionType);
  if (NUMERIC.has(type) && toNumber({ value: values[0] }) === undefined) {
    throw new OracleDefinitionError(`expected ${type} Values[0] to be a number; saw ${JSON.stringify(values[0])}; give a JSON number`);
  }
  switch (type) {
    case 'INCLUSIVE':
      return text !== undefined && values.includes(text);
    case 'EXCLUSIVE':
      return text !== undefined && !values.includes(text);
    case 'CONTAINS':
      return text !== undefined && values.some((v) => text.includes(v));
    case 'BEGINS_WITH':
      return text !== undefined && values.some((v) => text.startsWith(v));
    case 'ENDS_WITH':
      return text !== undefined && values.some((v) => text.endsWith(v));
    case 'EQUAL':
    case 'GREATER_THAN':
    case 'LESS_THAN':
    case 'GREATER_THAN_OR_EQUAL':
    case 'LESS_THAN_OR_EQUAL': {
      const x = toNumber({ value: text });
      const y = toNumber({ value: values[0] })!;
      if (x === undefined) return false;
      if (type === 'EQUAL') return x === y;
      if (type === 'GREATER_THAN') return x > y;
      if (type === 'LESS_THAN') return x < y;
      if (type === 'GREATER_THAN_OR_EQUAL') return x >= y;
      return x <= y;
    }
    case 'BETWEEN':
    case 'NOT_BETWEEN': {
      if (values.length < 2) throw new OracleDefinitionError(`expected two Values for ${type}; saw ${values.length}; give a start and an end date`);
      const from = dateValue(values, 0, type);
      const to = dateValue(values, 1, type);
      const t = text === undefined ? undefined : parseFilterDate({ value: text });
      if (t === undefined) return false;
      const inside = from <= t && t <= to;
      return type === 'BETWEEN' ? inside : !inside;
    }
    case 'BEFORE':
    case 'AFTER':
    case 'ON': {
      const d = dateValue(values, 0, type);
      const t = text === undefined ? undefined : parseFilterDate({ value: text });
      if (t === undefined) return false;
      if (type === 'BEFORE') return t < d;
      if (type === 'AFTER') return t > d;
      return utcDay({ ms: t }) === utcDay({ ms: d });
    }
    default:
      throw new OracleDefinitionError(`expected a FilterDimensionType; saw ${type}; use one of the model's 15 values`);
  }
}

function dimensionMatches(view: ObjectView, dimension: FilterDimension): boolean {
  const entries = Object.entries(dimension.Attributes ?? {});
  if (entries.length === 0) throw new OracleDefinitionError('expected a FilterDimension with at least one attribute; saw none; add an attribute');
  // Every entry is checked (not short-circuited) so an invalid one throws whatever the object.
  const hits = entries.map(([path, dim]) => {
    const v = attributeScalar({ view, name: path });
    return dimensionEntryMatches({ text: v === undefined ? undefined : renderScalar({ value: v }), dimension: dim });
  });
  return hits.every(Boolean);
}

function groupMatches(view: ObjectView, group: FilterGroup): boolean {
  const dims = group.Dimensions ?? [];
  if (dims.length < 1 || dims.length > 10) throw new OracleDefinitionError(`expected 1-10 Dimensions in a filter group; saw ${dims.length}; give 1 to 10 dimensions`);
  const hits = dims.map((d) => dimensionMatches(view, d));
  if (group.Type === 'ALL') return hits.every(Boolean);
  if (group.Type === 'ANY') return hits.some(Boolean);
  if (group.Type === 'NONE') return !hits.some(Boolean);
  throw new OracleDefinitionError(`expected group Type ALL, ANY or NONE; saw ${String(group.Type)}; fix the filter`);
}

/** Whether the filter keeps the object (CA-FIL-2..4). */
export function filterKeeps({ filter, view }: { filter: Filter; view: ObjectView }): boolean {
  const groups = filter.Groups ?? [];
  if (groups.length < 1 || groups.length > 2) throw new OracleDefinitionError(`expected 1-2 filter Groups; saw ${groups.length}; give 1 or 2 groups`);
  const hits = groups.map((g) => groupMatches(view, g));
  if (filter.Include === 'ALL') return hits.every(Boolean);
  if (filter.Include === 'ANY') return hits.some(Boolean);
  if (filter.Include === 'NONE') return !hits.some(Boolean);
  throw new OracleDefinitionError(`expected Include ALL, ANY or NONE; saw ${String(filter.Include)}; fix the filter`);
}
