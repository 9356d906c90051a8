/**
 * The calculated-attribute oracle: the expected Value, LastObjectTimestamp and included objects for a definition
 * over a set of stored objects at a given "now". Every rule is stated, with its source, in ./SEMANTICS.md, and the
 * rule ids (CA-…) are cited beside the code. This module shares no code with the mock (harness/mock/**).
 */
import type {
  ConditionOverrides,
  CreateCalculatedAttributeDefinitionRequest,
} from '@aws-sdk/client-customer-profiles';
import { OracleDefinitionError, evaluateExpression, parseExpression } from './expression.ts';
import { filterKeeps } from './filter.ts';
import { parseTimestampValue } from './timestamps.ts';
import { renderNumber, renderScalar, resolvePath, toNumber, type Scalar } from './values.ts';

export { OracleDefinitionError } from './expression.ts';
export { renderNumber, renderScalar, toNumber } from './values.ts';
export { parseEpochMilli, parseIso8601, parseFilterDate } from './timestamps.ts';

const DAY_MS = 86_400_000;

/** The parts of a CreateCalculatedAttributeDefinition input that decide the value (CA-IN-1). */
export type OracleDefinition = Pick<
  CreateCalculatedAttributeDefinitionRequest,
  'AttributeDetails' | 'Statistic' | 'Conditions' | 'Filter' | 'UseHistoricalData'
>;

/** A stored profile object as the oracle sees it. */
export interface OracleObject {
  objectTypeName: string;
  /** The PutProfileObject `Object`: the JSON string, or the parsed document. */
  object: string | Record<string, unknown>;
  /** When PutProfileObject accepted it, epoch ms. */
  ingestedAtMs: number;
}

/** Why an object was left out (for diagnosing a failing contract). */
export type ExclusionReason =
  | 'other-object-type'
  | 'historical'
  | 'no-timestamp'
  | 'outside-window'
  | 'filtered-out'
  | 'no-value'
  | 'object-count';

export interface IncludedObject {
  source: OracleObject;
  timestampMs: number;
  value: Scalar;
}

export interface OracleResult {
  /** The expected Value as the API returns it (a string), or null for "no value" (CA-RES-1). */
  value: string | null;
  /** Timestamp of the newest included object (CA-RES-2), or null with no value. */
  lastObjectTimestampMs: number | null;
  /** The objects used, in CA-ORD-1 order (kept even when the threshold removes the value). */
  included: IncludedObject[];
  /** Every candidate left out, with the reason. */
  excluded: { source: OracleObject; reason: ExclusionReason }[];
  /** Always "false" (CA-RES-3). */
  isDataPartial: 'false';
  /** Whether the threshold held; null when there is no threshold or nothing was included. */
  thresholdMet: boolean | null;
}

interface Window {
  fromMs: number;
  toMs: number;
}

function checkUnit(unit: string | undefined): void {
  if (unit !== undefined && unit !== 'DAYS') throw new OracleDefinitionError(`expected Unit DAYS; saw ${unit}; the model's only unit is DAYS`);
}

/** The window of CA-WIN-1/2 (undefined = no window). */
function windowOf(def: OracleDefinition, overrides: ConditionOverrides | undefined, nowMs: number): Window | undefined {
  let days: [number, number] | undefined;
  if (overrides?.Range) {
    checkUnit(overrides.Range.Unit);
    days = [overrides.Range.Start ?? 366, overrides.Range.End ?? 0];
  } else {
    const range = def.Conditions?.Range;
    if (range) {
      checkUnit(range.Unit);
      if (range.Value !== undefined && (range.Value < 0 || !Number.isInteger(range.Value))) {
        throw new OracleDefinitionError(`expected Range.Value an integer 0..2147483647; saw ${range.Value}; fix the Range`);
      }
      if (range.ValueRange) days = [range.ValueRange.Start ?? 0, range.ValueRange.End ?? 0];
      else if ((range.Value ?? 0) > 0) days = [range.Value!, 0];
    }
  }
  if (!days) return undefined;
  return { fromMs: nowMs - days[0] * DAY_MS, toMs: nowMs - days[1] * DAY_MS };
}

function parseDocument(object: string | Record<string, unknown>): unknown {
  if (typeof object !== 'string') return object;
  try {
    return JSON.parse(object) as unknown;
  } catch {
    throw new OracleDefinitionError(`expected each object to be JSON; saw ${JSON.stringify(object.slice(0, 40))}; pass the PutProfileObject Object string`);
  }
}

/** CA-THR-2: compare the computed value with the threshold value. */
function thresholdHolds(value: string, threshold: { Value?: string; Operator?: string }): boolean {
  const tv = threshold.Value ?? '';
  const a = toNumber({ value });
  const b = toNumber({ value: tv });
  const cmp = a !== undefined && b !== undefined ? Math.sign(a - b) : value === tv ? 0 : value < tv ? -1 : 1;
  switch (threshold.Operator) {
    case 'EQUAL_TO':
      return cmp === 0;
    case 'NOT_EQUAL_TO':
      return cmp !== 0;
    case 'GREATER_THAN':
      return cmp > 0;
    case 'LESS_THAN':
      return cmp < 0;
    default:
      throw new OracleDefinitionError(`expected Threshold.Operator EQUAL_TO, GREATER_THAN, LESS_THAN or NOT_EQUAL_TO; saw ${String(threshold.Operator)}; fix the Threshold`);
  }
}

/** CA-STAT-1..8 over the kept values (in order); the rendered Value. */
function statistic(name: string, values: Scalar[]): string {
  switch (name) {
    case 'FIRST_OCCURRENCE':
      return renderScalar({ value: values[0] });
    case 'LAST_OCCURRENCE':
      return renderScalar({ value: values[values.length - 1] });
    case 'COUNT':
      return String(values.length);
    case 'SUM':
    case 'AVERAGE': {
      let sum = 0;
      for (const v of values) sum += toNumber({ value: v })!;
      return renderNumber({ value: name === 'SUM' ? sum : sum / values.length });
    }
    case 'MINIMUM':
    case 'MAXIMUM': {
      let best = toNumber({ value: values[0] })!;
      for (const v of values) {
        const n = toNumber({ value: v })!;
        if (name === 'MINIMUM' ? n < best : n > best) best = n;
      }
      return renderNumber({ value: best });
    }
    case 'MAX_OCCURRENCE': {
      const groups = new Map<string, { count: number; lastIndex: number }>();
      values.forEach((v, i) => {
        const key = renderScalar({ value: v });
        const g = groups.get(key) ?? { count: 0, lastIndex: -1 };
        g.count++;
        g.lastIndex = i;
        groups.set(key, g);
      });
      let winner = '';
      let best = { count: 0, lastIndex: -1 };
      for (const [key, g] of groups) {
        if (g.count > best.count || (g.count === best.count && g.lastIndex > best.lastIndex)) {
          winner = key;
          best = g;
        }
      }
      return winner;
    }
    default:
      throw new OracleDefinitionError(`expected a Statistic of the model's 8; saw ${name}; fix the Statistic`);
  }
}

const NUMERIC_STATISTICS = new Set(['SUM', 'MINIMUM', 'MAXIMUM', 'AVERAGE']);

/** The expected calculated attribute for one profile's stored objects, per SEMANTICS.md. */
export function computeCalculatedAttribute({
  definition,
  objects,
  nowMs,
  definitionCreatedAtMs,
  conditionOverrides,
}: {
  definition: OracleDefinition;
  objects: readonly OracleObject[];
  nowMs: number;
  definitionCreatedAtMs?: number;
  conditionOverrides?: ConditionOverrides;
}): OracleResult {
  const expression = definition.AttributeDetails?.Expression;
  if (!expression) throw new OracleDefinitionError('expected AttributeDetails.Expression; saw none; give an Expression');
  const statName = String(definition.Statistic ?? '');
  statistic(statName, ['0']); // validates the name early (CA-STAT-*)
  const parsed = parseExpression({ expression }); // CA-EXP-1..3
  const range = definition.Conditions?.Range;
  let tsPath: string | undefined;
  if (range?.TimestampSource) {
    const m = /^\{([a-zA-Z_][a-zA-Z_0-9-]*)\.([a-zA-Z0-9_.-]+)\}$/.exec(range.TimestampSource);
    if (!m) throw new OracleDefinitionError(`expected TimestampSource {ObjectTypeName.path}; saw ${range.TimestampSource}; fix the Range`);
    if (m[1] !== parsed.objectTypeName) {
      throw new OracleDefinitionError(`expected TimestampSource on ${parsed.objectTypeName}, the Expression's object type; saw ${m[1]}; use one object type`);
    }
    tsPath = m[2];
  }
  const tsFormat = range?.TimestampFormat;
  if (tsFormat !== undefined && tsFormat !== 'EPOCHMILLI' && tsFormat !== 'ISO_8601') {
    throw new OracleDefinitionError(`expected TimestampFormat EPOCHMILLI or ISO_8601; saw ${tsFormat}; fix the Range`);
  }
  const useHistorical = definition.UseHistoricalData === true; // CA-HIST-1: absent means false
  if (!useHistorical && definitionCreatedAtMs === undefined) {
    throw new OracleDefinitionError('expected definitionCreatedAtMs when UseHistoricalData is not true; saw none; pass the definition creation time');
  }
  const window = windowOf(definition, conditionOverrides, nowMs); // CA-WIN-1/2, CA-OVR-1
  const objectCount = conditionOverrides ? undefined : definition.Conditions?.ObjectCount;
  if (objectCount !== undefined && (!Number.isInteger(objectCount) || objectCount < 1)) {
    throw new OracleDefinitionError(`expected ObjectCount an integer >= 1; saw ${objectCount}; fix the Conditions`);
  }
  const threshold = conditionOverrides ? undefined : definition.Conditions?.Threshold;

  const excluded: OracleResult['excluded'] = [];
  const kept: (IncludedObject & { order: number })[] = [];
  objects.forEach((source, order) => {
    if (source.objectTypeName !== parsed.objectTypeName) return excluded.push({ source, reason: 'other-object-type' }); // CA-SEL-1
    if (!useHistorical && source.ingestedAtMs < definitionCreatedAtMs!) return excluded.push({ source, reason: 'historical' }); // CA-HIST-1
    const document = parseDocument(source.object);
    let timestampMs = source.ingestedAtMs; // CA-TS-1
    if (tsPath !== undefined) {
      const ts = parseTimestampValue({ value: resolvePath({ document, path: tsPath }), format: tsFormat as 'EPOCHMILLI' | 'ISO_8601' | undefined });
      if (ts === undefined) return excluded.push({ source, reason: 'no-timestamp' });
      timestampMs = ts;
    }
    if (window && !(window.fromMs <= timestampMs && timestampMs <= window.toMs)) return excluded.push({ source, reason: 'outside-window' }); // CA-WIN-3
    if (definition.Filter && !filterKeeps({ filter: definition.Filter, document })) return excluded.push({ source, reason: 'filtered-out' }); // CA-FIL-*
    const value = evaluateExpression({ parsed, document }); // CA-EXP-6/7
    if (value === undefined || (NUMERIC_STATISTICS.has(statName) && toNumber({ value }) === undefined)) {
      return excluded.push({ source, reason: 'no-value' }); // CA-EXP-8/9, CA-VAL-1
    }
    kept.push({ source, timestampMs, value, order });
  });
  kept.sort((a, b) => a.timestampMs - b.timestampMs || a.source.ingestedAtMs - b.source.ingestedAtMs || a.order - b.order); // CA-ORD-1
  let used = kept;
  if (objectCount !== undefined && kept.length > objectCount) {
    used = kept.slice(kept.length - objectCount); // CA-CNT-1
    for (const k of kept.slice(0, kept.length - objectCount)) excluded.push({ source: k.source, reason: 'object-count' });
  }
  const included = used.map(({ source, timestampMs, value }) => ({ source, timestampMs, value }));
  if (included.length === 0) {
    return { value: null, lastObjectTimestampMs: null, included, excluded, isDataPartial: 'false', thresholdMet: null }; // CA-RES-1
  }
  const value = statistic(statName, included.map((i) => i.value));
  const thresholdMet = threshold ? thresholdHolds(value, threshold) : null; // CA-THR-1
  if (thresholdMet === false) {
    return { value: null, lastObjectTimestampMs: null, included, excluded, isDataPartial: 'false', thresholdMet };
  }
  return {
    value,
    lastObjectTimestampMs: included[included.length - 1].timestampMs, // CA-RES-2
    included,
    excluded,
    isDataPartial: 'false',
    thresholdMet,
  };
}
