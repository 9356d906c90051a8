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
import { attributeScalar, exactSum, mappedText, renderNumber, renderScalar, toNumber, type ObjectView, type Scalar } from './values.ts';

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

/** An object type of the domain as PutProfileObjectType defined it: what the oracle reads of it is its Fields. */
export interface OracleObjectType {
  Fields?: Record<string, { Source?: string; Target?: string }>;
}

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
  /** "true" while the Range has not elapsed since the definition was created or ObjectCount is not reached (CA-RES-3). */
  isDataPartial: 'true' | 'false';
  /** Whether the threshold held; null when there is no threshold or nothing was included. */
  thresholdMet: boolean | null;
}

/** Days back a window reaches (CA-RES-3): an override's Start, else ValueRange.Start, else Range.Value; none without. */
function pastDaysOf(def: OracleDefinition, overrideRange: ConditionOverrides['Range']): number | undefined {
  if (overrideRange) return overrideRange.Start ?? 366;
  const range = def.Conditions?.Range;
  if (!range) return undefined;
  if (range.ValueRange) return range.ValueRange.Start;
  return range.Value;
}

/**
 * The standard objects of type `standardType` an object maps onto (CA-STD-1..3): present when a field of its type has
 * a Target `<standardType>.<path>`; each such field's mapped text placed at `<path>`, fields in order, later ones
 * replacing what is in their way.
 */
function standardDocument({ document, type, standardType }: { document: unknown; type: OracleObjectType | undefined; standardType: string }): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  for (const field of Object.values(type?.Fields ?? {})) {
    const target = field.Target ?? '';
    if (!target.startsWith(`${standardType}.`)) continue;
    out ??= {};
    const source = field.Source ?? '';
    if (!source.startsWith('_source.')) continue;
    const text = mappedText({ document, sourcePath: source.slice('_source.'.length) });
    if (text === undefined) continue;
    const segments = target.slice(standardType.length + 1).split('.');
    let node = out;
    segments.forEach((segment, i) => {
      if (i === segments.length - 1) {
        node[segment] = text;
        return;
      }
      const next = node[segment];
      if (typeof next !== 'object' || next === null) node[segment] = {};
      node = node[segment] as Record<string, unknown>;
    });
  }
  return out;
}

/** `_source.` paths of a custom object type's Fields, by field name (CA-EXP-4). */
function fieldSourcesOf(type: OracleObjectType | undefined): Record<string, string> | undefined {
  if (!type?.Fields) return undefined;
  const out: Record<string, string> = {};
  for (const [name, field] of Object.entries(type.Fields)) if (field.Source?.startsWith('_source.')) out[name] = field.Source.slice('_source.'.length);
  return out;
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
    const value = range.Value;
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > 2_147_483_647)) {
      throw new OracleDefinitionError(`expected Range.Value an integer 0..2147483647; saw ${value}; fix the Range`);
    }
    if (range.ValueRange) {
      const { Start, End } = range.ValueRange;
      if (!Number.isInteger(Start) || !Number.isInteger(End)) {
        throw new OracleDefinitionError(`expected ValueRange with integer Start and End; saw ${JSON.stringify(range.ValueRange)}; give both`);
      }
      days = [Start!, End!];
    } else if (value !== undefined) {
      days = [value, 0];
    } else {
      return undefined; // CA-WIN-4: a Range of Unit only selects all time
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

/** CA-THR-2: compare the computed value with the threshold value (CA-THR-1 turns the answer into "true" / "false"). */
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
  objectTypes,
}: {
  definition: OracleDefinition;
  objects: readonly OracleObject[];
  nowMs: number;
  definitionCreatedAtMs?: number;
  conditionOverrides?: ConditionOverrides;
  /** The domain's object types by name (their PutProfileObjectType input); without it none has Fields and CA-SEL-2 is not checked. */
  objectTypes?: Readonly<Record<string, OracleObjectType>>;
}): OracleResult {
  const expression = definition.AttributeDetails?.Expression;
  if (!expression) throw new OracleDefinitionError('expected AttributeDetails.Expression; saw none; give an Expression');
  const statName = String(definition.Statistic ?? '');
  statistic(statName, ['0']); // validates the name early (CA-STAT-*)
  const listed = (definition.AttributeDetails?.Attributes ?? []).map((a) => String(a.Name));
  const parsed = parseExpression({ expression, listed }); // CA-EXP-1..5
  const standard = parsed.objectTypeName.startsWith('_'); // CA-STD-1
  if (objectTypes && !standard && !Object.prototype.hasOwnProperty.call(objectTypes, parsed.objectTypeName)) {
    throw new OracleDefinitionError(`expected the Expression's object type ${parsed.objectTypeName} to exist in the domain; saw ${Object.keys(objectTypes).join(', ') || 'none'}; put the object type first (CA-SEL-2)`);
  }
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
    tsPath = m[2]; // CA-TS-4: the format is optional (CA-TS-5 without one)
  }
  if (definition.Filter) filterKeeps({ filter: definition.Filter, view: { document: {} } }); // checks every dimension once (CA-FIL-14)
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
  const pastDays = pastDaysOf(definition, overrideRange);
  if (pastDays !== undefined && pastDays > 0 && definitionCreatedAtMs === undefined) {
    throw new OracleDefinitionError('expected definitionCreatedAtMs for a Range that reaches into the past; saw none; pass the definition creation time (IsDataPartial, CA-RES-3)');
  }
  const fieldSources = standard ? undefined : fieldSourcesOf(objectTypes?.[parsed.objectTypeName]);

  const excluded: OracleResult['excluded'] = [];
  const kept: (IncludedObject & { order: number })[] = [];
  objects.forEach((source, order) => {
    let view: ObjectView;
    if (standard) {
      // CA-STD-1: a standard object type's objects are those the mappings of the stored objects produce.
      const std = standardDocument({ document: parseDocument(source.object), type: objectTypes?.[source.objectTypeName], standardType: parsed.objectTypeName });
      if (std === undefined) return excluded.push({ source, reason: 'other-object-type' });
      view = { document: std };
    } else {
      if (source.objectTypeName !== parsed.objectTypeName) return excluded.push({ source, reason: 'other-object-type' }); // CA-SEL-1
      view = { document: parseDocument(source.object), fieldSources };
    }
    if (!useHistorical && source.ingestedAtMs < definitionCreatedAtMs!) return excluded.push({ source, reason: 'historical' }); // CA-HIST-1
    let timestampMs = source.ingestedAtMs; // CA-TS-1
    if (tsPath !== undefined) {
      const ts = parseTimestampValue({ value: attributeScalar({ view, name: tsPath }), format: tsFormat as 'EPOCHMILLI' | 'ISO_8601' | undefined });
      if (ts === undefined) return excluded.push({ source, reason: 'no-timestamp' });
      timestampMs = ts;
    }
    if (window && !(window.fromMs <= timestampMs && timestampMs <= window.toMs)) return excluded.push({ source, reason: 'outside-window' }); // CA-WIN-3
    if (definition.Filter && !filterKeeps({ filter: definition.Filter, view })) return excluded.push({ source, reason: 'filtered-out' }); // CA-FIL-*
    const value = evaluateExpression({ parsed, view }); // CA-EXP-6/7
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
  // CA-RES-3: partial while the window reaches back further than the definition's age, or ObjectCount is not reached.
  const young = pastDays !== undefined && pastDays > 0 && nowMs - definitionCreatedAtMs! < pastDays * DAY_MS;
  const short = objectCount !== undefined && kept.length < objectCount;
  const isDataPartial = young || short ? 'true' : 'false';
  const none = (): OracleResult => ({ value: null, lastObjectTimestampMs: null, included, excluded, isDataPartial, thresholdMet: null });
  if (included.length === 0) return none(); // CA-RES-1
  const statisticValue = statistic(statName, included.map((i) => i.value));
  if (statisticValue === undefined) return none(); // CA-NUM-2: a non-finite number is no value
  const thresholdMet = threshold ? thresholdHolds(statisticValue, threshold) : null;
  // CA-THR-1: with a Threshold the Value says whether it holds.
  const value = thresholdMet === null ? statisticValue : String(thresholdMet);
  return {
    value: value.length > MAX_VALUE_LENGTH ? value.slice(0, MAX_VALUE_LENGTH) : value, // CA-NUM-4
    lastObjectTimestampMs: included[included.length - 1].timestampMs, // CA-RES-2
    included,
    excluded,
    isDataPartial,
    thresholdMet,
  };
}
