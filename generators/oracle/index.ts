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
import { exactSum, renderNumber, renderScalar, resolvePath, toNumber, type Scalar } from './values.ts';

export { OracleDefinitionError } from './expression.ts';
export { exactSum, renderNumber, renderScalar, toNumber } from './values.ts';
export { parseEpochMilli, parseIso8601, parseFilterDate } from './timestamps.ts';

const DAY_MS = 86_400_000;

/** The longest Value the model allows (`string1To255`, CA-NUM-4). */
const MAX_VALUE_LENGTH = 255;

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

/** CA-WIN-1/2: the window of the definition's Range, or of an override Range, at `nowMs` (undefined = no window). */
function windowOf(def: OracleDefinition, overrideRange: ConditionOverrides['Range'], nowMs: number): Window | undefined {
  let days: [number, number];
  if (overrideRange) {
    // CA-OVR-1: Unit is required on an override; Start defaults to 366 and End to 0 (model defaults).
    if (overrideRange.Unit !== 'DAYS') throw new OracleDefinitionError(`expected ConditionOverrides.Range.Unit DAYS; saw ${String(overrideRange.Unit)}; the model's only unit is DAYS`);
    days = [overrideRange.Start ?? 366, overrideRange.End ?? 0];
  } else {
    const range = def.Conditions?.Range;
    if (!range) return undefined;
    if (range.Unit !== undefined && range.Unit !== 'DAYS') throw new OracleDefinitionError(`expected Unit DAYS; saw ${range.Unit}; the model's only unit is DAYS`);
    const value = range.Value ?? 0; // the model's default
    if (!Number.isInteger(value) || value < 0 || value > 2_147_483_647) {
      throw new OracleDefinitionError(`expected Range.Value an integer 0..2147483647; saw ${value}; fix the Range`);
    }
    if (range.ValueRange) {
      const { Start, End } = range.ValueRange;
      if (!Number.isInteger(Start) || !Number.isInteger(End)) {
        throw new OracleDefinitionError(`expected ValueRange with integer Start and End; saw ${JSON.stringify(range.ValueRange)}; give both`);
      }
      days = [Start!, End!];
    } else {
      days = [value, 0];
    }
  }
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

/** CA-STAT-1..8 over the kept values (in order): the rendered Value, or undefined for a non-finite number (CA-NUM-2). */
function statistic(name: string, values: Scalar[]): string | undefined {
  const finite = (x: number): string | undefined => (Number.isFinite(x) ? renderNumber({ value: x }) : undefined);
  switch (name) {
    case 'FIRST_OCCURRENCE':
      return renderScalar({ value: values[0] });
    case 'LAST_OCCURRENCE':
      return renderScalar({ value: values[values.length - 1] });
    case 'COUNT':
      return String(values.length);
    case 'SUM':
    case 'AVERAGE': {
      const sum = exactSum({ values: values.map((v) => toNumber({ value: v })!) });
      return finite(name === 'SUM' ? sum : sum / values.length);
    }
    case 'MINIMUM':
    case 'MAXIMUM': {
      let best = toNumber({ value: values[0] })!;
      for (const v of values) {
        const n = toNumber({ value: v })!;
        if (name === 'MINIMUM' ? n < best : n > best) best = n;
      }
      return finite(best);
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
  const listed = (definition.AttributeDetails?.Attributes ?? []).map((a) => String(a.Name));
  const parsed = parseExpression({ expression, listed }); // CA-EXP-1..5
  const range = definition.Conditions?.Range;
  let tsPath: string | undefined;
  const tsFormat = range?.TimestampFormat;
  if (tsFormat !== undefined && tsFormat !== 'EPOCHMILLI' && tsFormat !== 'ISO_8601') {
    throw new OracleDefinitionError(`expected TimestampFormat EPOCHMILLI or ISO_8601; saw ${tsFormat}; fix the Range`);
  }
  if (range?.TimestampSource !== undefined) {
    const m = /^\{([a-zA-Z_][a-zA-Z_0-9-]*)\.([a-zA-Z0-9_.-]+)\}$/.exec(range.TimestampSource);
    if (!m) throw new OracleDefinitionError(`expected TimestampSource {ObjectTypeName.path}; saw ${range.TimestampSource}; fix the Range`);
    if (m[1] !== parsed.objectTypeName) {
      throw new OracleDefinitionError(`expected TimestampSource on ${parsed.objectTypeName}, the Expression's object type; saw ${m[1]}; use one object type`);
    }
    if (tsFormat === undefined) throw new OracleDefinitionError('expected a TimestampFormat with the TimestampSource; saw none; give EPOCHMILLI or ISO_8601'); // CA-TS-4
    tsPath = m[2];
  }
  if (definition.Filter) filterKeeps({ filter: definition.Filter, document: {} }); // checks every dimension once (CA-FIL-14)
  const useHistorical = definition.UseHistoricalData === true; // CA-HIST-1: absent means false
  if (!useHistorical && definitionCreatedAtMs === undefined) {
    throw new OracleDefinitionError('expected definitionCreatedAtMs when UseHistoricalData is not true; saw none; pass the definition creation time');
  }
  // CA-OVR-1: an override Range replaces the whole Conditions block (window, ObjectCount, Threshold) for this call.
  const overrideRange = conditionOverrides?.Range;
  const window = windowOf(definition, overrideRange, nowMs); // CA-WIN-1/2
  const objectCount = overrideRange ? undefined : definition.Conditions?.ObjectCount;
  if (objectCount !== undefined && (!Number.isInteger(objectCount) || objectCount < 1)) {
    throw new OracleDefinitionError(`expected ObjectCount an integer >= 1; saw ${objectCount}; fix the Conditions`);
  }
  const threshold = overrideRange ? undefined : definition.Conditions?.Threshold;

  const excluded: OracleResult['excluded'] = [];
  const kept: (IncludedObject & { order: number })[] = [];
  objects.forEach((source, order) => {
    if (source.objectTypeName !== parsed.objectTypeName) return excluded.push({ source, reason: 'other-object-type' }); // CA-SEL-1
    if (!useHistorical && source.ingestedAtMs < definitionCreatedAtMs!) return excluded.push({ source, reason: 'historical' }); // CA-HIST-1
    const document = parseDocument(source.object);
    let timestampMs = source.ingestedAtMs; // CA-TS-1
    if (tsPath !== undefined) {
      const ts = parseTimestampValue({ value: resolvePath({ document, path: tsPath }), format: tsFormat as 'EPOCHMILLI' | 'ISO_8601' });
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
  const none = (thresholdMet: boolean | null): OracleResult => ({ value: null, lastObjectTimestampMs: null, included, excluded, isDataPartial: 'false', thresholdMet });
  if (included.length === 0) return none(null); // CA-RES-1
  const value = statistic(statName, included.map((i) => i.value));
  if (value === undefined) return none(null); // CA-NUM-2: a non-finite number is no value
  const thresholdMet = threshold ? thresholdHolds(value, threshold) : null; // CA-THR-1
  if (thresholdMet === false) return none(thresholdMet);
  return {
    value: value.length > MAX_VALUE_LENGTH ? value.slice(0, MAX_VALUE_LENGTH) : value, // CA-NUM-4, after the threshold
    lastObjectTimestampMs: included[included.length - 1].timestampMs, // CA-RES-2
    included,
    excluded,
    isDataPartial: 'false',
    thresholdMet,
  };
}
