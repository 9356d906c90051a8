/**
 * Validation of calculated attribute definitions (R4, R8, R13, R17, R18 and the create-time checks the semantics doc
 * adds) and their compiled form: what the engine runs per object.
 */
import { BadRequestException } from '../errors.ts';
import { compileExpression, parseExpression, pathOf, readAttribute, type Subject } from './expression.ts';
import { compileFilter } from './filter.ts';
import { STATISTICS, checkThreshold, isNumericStatistic, type Statistic, type ThresholdOperator } from './statistics.ts';
import { DAY_MS, parseTimestamp, type TimestampFormat } from './time.ts';

/** Per-definition logic that Update cannot change: which objects count and what they contribute. */
export interface CompiledBase {
  objectType: string;
  statistic: Statistic;
  /** The expression's value for an object, or undefined when R5/R6 exclude it. */
  extract: (subject: Subject) => string | number | undefined;
  /** The Filter predicate (R9); undefined when there is no Filter. */
  filter?: (subject: Subject) => boolean;
}

/** Compiled Conditions; replaced on Update. */
export interface CompiledConditions {
  /** The inclusive time window at `now` (R8); undefined when there is no Range, or a Range of Unit only (all time). */
  window?: (now: number) => { from: number; to: number };
  /** How many days back the Range reaches (ValueRange.Start, else Value when given): R25's wait for IsDataPartial. */
  pastDays?: number;
  /** The object's time from Range.TimestampSource (R1); undefined means ingestion time. */
  timeOf?: (subject: Subject) => number | undefined;
  /** Names how timeOf reads times (TimestampSource and format); equal keys give every object the same time. */
  timeKey?: string;
  /** R10. */
  objectCount?: number;
  /** R13. */
  threshold?: { Value: string; Operator: ThresholdOperator };
  /** True when a Range or ObjectCount applies, so values need a scan of the profile's objects. */
  windowed: boolean;
}

// R18: the path uses the characters of an attribute name, like an Expression reference.
const TIMESTAMP_SOURCE_RE = /^\{([a-zA-Z_][a-zA-Z_0-9-]*)\.([a-zA-Z0-9_.-]+)\}$/;
const TIMESTAMP_FORMATS: readonly TimestampFormat[] = ['EPOCHMILLI', 'ISO_8601'];

function bad(message: string): BadRequestException {
  return new BadRequestException(message);
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/**
 * Validates `AttributeDetails` and `Statistic` and builds the per-object evaluator; plus the Filter when present.
 * `objectTypeExists` says whether the domain has a (custom) object type of that name (R17).
 */
export function compileBase({ attributeDetails, statistic, filter, objectTypeExists }: { attributeDetails: unknown; statistic: unknown; filter: unknown; objectTypeExists: (name: string) => boolean }): CompiledBase {
  if (typeof statistic !== 'string' || !(STATISTICS as readonly string[]).includes(statistic)) {
    throw bad(`Statistic: expected one of ${STATISTICS.join(', ')}; saw ${JSON.stringify(statistic)}`);
  }
  const details = attributeDetails as { Attributes?: unknown; Expression?: unknown } | null;
  if (details === null || typeof details !== 'object') throw bad(`AttributeDetails: expected {Attributes, Expression}; saw ${JSON.stringify(attributeDetails)}`);
  if (!Array.isArray(details.Attributes) || details.Attributes.length < 1 || details.Attributes.length > 50) {
    throw bad(`AttributeDetails.Attributes: expected 1 to 50 items; saw ${JSON.stringify(details.Attributes)}`);
  }
  const listed = details.Attributes.map((item: unknown, i: number) => {
    const name = (item as { Name?: unknown } | null)?.Name;
    if (typeof name !== 'string' || !/^[a-zA-Z0-9_.-]{1,64}$/.test(name)) {
      throw bad(`AttributeDetails.Attributes[${i}].Name: expected 1 to 64 of [a-zA-Z0-9_.-]; saw ${JSON.stringify(name)}`);
    }
    return name;
  });
  if (typeof details.Expression !== 'string' || details.Expression.length < 1 || details.Expression.length > 255) {
    throw bad(`AttributeDetails.Expression: expected a string of 1 to 255 characters; saw ${JSON.stringify(details.Expression)}`);
  }
  const parsed = parseExpression({ expression: details.Expression, listed });
  // R17: AWS requires an existing object type; names starting with `_` are standard object types, always there.
  if (!parsed.objectType.startsWith('_') && !objectTypeExists(parsed.objectType)) {
    throw bad(
      `AttributeDetails.Expression: expected an object type of the domain (or a standard one, starting with _); saw ${parsed.objectType}, which the domain does not have; create it with PutProfileObjectType first`,
    );
  }
  const stat = statistic as Statistic;
  return {
    objectType: parsed.objectType,
    statistic: stat,
    extract: compileExpression({ parsed, numeric: isNumericStatistic({ statistic: stat }) }),
    filter: filter === undefined ? undefined : compileFilter({ filter }),
  };
}

/** Validates `Conditions` for a definition over `objectType` and compiles them (R1, R8, R10, R13). */
export function compileConditions({ conditions, objectType }: { conditions: unknown; objectType: string }): CompiledConditions {
  if (conditions === undefined) return { windowed: false };
  const c = conditions as { Range?: unknown; ObjectCount?: unknown; Threshold?: unknown } | null;
  if (c === null || typeof c !== 'object') throw bad(`Conditions: expected {Range, ObjectCount, Threshold}; saw ${JSON.stringify(conditions)}`);
  const out: CompiledConditions = { windowed: false };
  if (c.ObjectCount !== undefined) {
    if (!isInteger(c.ObjectCount) || c.ObjectCount < 1) throw bad(`Conditions.ObjectCount: expected an integer of at least 1; saw ${JSON.stringify(c.ObjectCount)}`);
    out.objectCount = c.ObjectCount;
    out.windowed = true;
  }
  if (c.Threshold !== undefined) out.threshold = checkThreshold({ threshold: c.Threshold });
  if (c.Range !== undefined) {
    const r = c.Range as { Value?: unknown; Unit?: unknown; ValueRange?: unknown; TimestampSource?: unknown; TimestampFormat?: unknown } | null;
    if (r === null || typeof r !== 'object') throw bad(`Conditions.Range: expected a structure; saw ${JSON.stringify(c.Range)}`);
    if (r.Unit !== undefined && r.Unit !== 'DAYS') throw bad(`Conditions.Range.Unit: expected DAYS; saw ${JSON.stringify(r.Unit)}`);
    if (r.Value !== undefined && (!isInteger(r.Value) || r.Value < 0 || r.Value > 2_147_483_647)) {
      throw bad(`Conditions.Range.Value: expected an integer from 0 to 2147483647; saw ${JSON.stringify(r.Value)}`);
    }
    if (r.ValueRange !== undefined) {
      const vr = r.ValueRange as { Start?: unknown; End?: unknown } | null;
      if (vr === null || typeof vr !== 'object' || !isInteger(vr.Start) || !isInteger(vr.End)) {
        throw bad(`Conditions.Range.ValueRange: expected integer Start and End; saw ${JSON.stringify(r.ValueRange)}`);
      }
      const startDays = vr.Start;
      const endDays = vr.End;
      out.window = (now) => ({ from: now - startDays * DAY_MS, to: now - endDays * DAY_MS });
      out.pastDays = startDays;
    } else if (r.Value !== undefined) {
      // Value 0 is read literally: the window is the instant `now`.
      const days = r.Value as number;
      out.window = (now) => ({ from: now - days * DAY_MS, to: now });
      out.pastDays = days;
    }
    // A Range of Unit only (AWS's CA_DayOfTravel sample) has no window: all time, ordered by its TimestampSource.
    out.windowed = true;
    if (r.TimestampFormat !== undefined && !(TIMESTAMP_FORMATS as readonly string[]).includes(r.TimestampFormat as string)) {
      throw bad(`Conditions.Range.TimestampFormat: expected EPOCHMILLI or ISO_8601, or no TimestampFormat; saw ${JSON.stringify(r.TimestampFormat)}`);
    }
    if (r.TimestampSource !== undefined) {
      if (typeof r.TimestampSource !== 'string') throw bad(`Conditions.Range.TimestampSource: expected a string; saw ${JSON.stringify(r.TimestampSource)}`);
      const m = TIMESTAMP_SOURCE_RE.exec(r.TimestampSource);
      if (!m) throw bad(`Conditions.Range.TimestampSource: expected {ObjectType.path.to.field}; saw ${JSON.stringify(r.TimestampSource)}`);
      if (m[1] !== objectType) {
        throw bad(`Conditions.Range.TimestampSource: expected the Expression's object type ${objectType}; saw ${m[1]}`);
      }
      const attribute = m[2];
      const path = pathOf({ attribute });
      // R18: TimestampFormat is optional; without it R2 reads any date (epoch, ISO 8601 date-time or day).
      const format = r.TimestampFormat as TimestampFormat | undefined;
      // readAttribute treats "" and non-scalars as missing, which R1 excludes anyway.
      out.timeOf = (subject) => parseTimestamp({ value: readAttribute({ subject, attribute, path }), format });
      out.timeKey = `${r.TimestampSource}\u0000${format ?? ''}`;
    }
  }
  return out;
}

/** Validates a BatchGet `ConditionOverrides` (R23) and returns its window in days, or undefined when it carries no Range. */
export function checkOverrides({ overrides }: { overrides: unknown }): { startDays: number; endDays: number } | undefined {
  if (overrides === undefined) return undefined;
  const o = overrides as { Range?: unknown } | null;
  if (o === null || typeof o !== 'object') throw bad(`ConditionOverrides: expected {Range}; saw ${JSON.stringify(overrides)}`);
  if (o.Range === undefined) return undefined;
  const r = o.Range as { Start?: unknown; End?: unknown; Unit?: unknown } | null;
  if (r === null || typeof r !== 'object') throw bad(`ConditionOverrides.Range: expected {Start, End, Unit}; saw ${JSON.stringify(o.Range)}`);
  if (r.Start !== undefined && !isInteger(r.Start)) throw bad(`ConditionOverrides.Range.Start: expected an integer; saw ${JSON.stringify(r.Start)}`);
  if (r.End !== undefined && !isInteger(r.End)) throw bad(`ConditionOverrides.Range.End: expected an integer; saw ${JSON.stringify(r.End)}`);
  if (r.Unit !== 'DAYS') throw bad(`ConditionOverrides.Range.Unit: expected DAYS; saw ${JSON.stringify(r.Unit)}`);
  // The model's defaults: Start 366, End 0.
  return { startDays: (r.Start as number | undefined) ?? 366, endDays: (r.End as number | undefined) ?? 0 };
}
