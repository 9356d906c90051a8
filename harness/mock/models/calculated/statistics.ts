/**
 * The eight statistics (semantics doc "Statistics", R11-R13), computed two ways: incrementally at ingest
 * (Aggregate, O(1) per object and per read) and over a selected, ordered list (statisticOfSorted, for windows).
 */
import { BadRequestException } from '../errors.ts';
import { ExactSum, exactSum, renderNumber, toFiniteNumber } from './numbers.ts';

export const STATISTICS = ['FIRST_OCCURRENCE', 'LAST_OCCURRENCE', 'COUNT', 'SUM', 'MINIMUM', 'MAXIMUM', 'AVERAGE', 'MAX_OCCURRENCE'] as const;
export type Statistic = (typeof STATISTICS)[number];

/** Statistics over the numeric value of the expression (R5). */
export function isNumericStatistic({ statistic }: { statistic: Statistic }): boolean {
  return statistic === 'SUM' || statistic === 'MINIMUM' || statistic === 'MAXIMUM' || statistic === 'AVERAGE';
}

/** One selected object: its time (R1), ingestion time and sequence (R3 tie-breaks) and expression value. */
export interface Selected {
  time: number;
  ingestedAt: number;
  seq: number;
  value: string | number;
}

/**
 * A statistic's outcome before Threshold: Value (absent per R12, or when a numeric result is not finite, R20) and the
 * time of the latest selected object.
 */
export interface StatisticResult {
  value?: string;
  lastObjectTime?: number;
}

/**
 * True when (ta, sa) comes after (tb, sb) in R3 order. Aggregates only serve definitions without a Range, where the
 * time is the ingestion time, so (time, seq) is the whole R3 key there.
 */
function later(ta: number, sa: number, tb: number, sb: number): boolean {
  return ta > tb || (ta === tb && sa > sb);
}

interface Frequency {
  count: number;
  time: number;
  seq: number;
}

/** Running statistic for one (definition, profile) when no window applies; objects may arrive in any time order. */
export class Aggregate {
  private readonly statistic: Statistic;
  private count = 0;
  private sum?: ExactSum;
  private extreme?: number;
  // First and last selected objects in R3 order, kept as plain fields so add() allocates nothing.
  private firstTime = 0;
  private firstSeq = 0;
  private firstValue: string | number = '';
  private lastTime = 0;
  private lastSeq = 0;
  private lastValue: string | number = '';
  private freq?: Map<string, Frequency>;
  private best?: Frequency;
  private bestKey?: string;

  constructor({ statistic }: { statistic: Statistic }) {
    this.statistic = statistic;
    if (statistic === 'SUM' || statistic === 'AVERAGE') this.sum = new ExactSum();
    if (statistic === 'MAX_OCCURRENCE') this.freq = new Map();
  }

  /** Adds one selected object (positional arguments: this runs once per object and definition at ingest). */
  add(time: number, seq: number, value: string | number): void {
    const isFirst = this.count === 0;
    this.count++;
    if (isFirst || later(time, seq, this.lastTime, this.lastSeq)) {
      this.lastTime = time;
      this.lastSeq = seq;
      this.lastValue = value;
    }
    switch (this.statistic) {
      case 'FIRST_OCCURRENCE':
        if (isFirst || later(this.firstTime, this.firstSeq, time, seq)) {
          this.firstTime = time;
          this.firstSeq = seq;
          this.firstValue = value;
        }
        break;
      case 'SUM':
      case 'AVERAGE':
        this.sum!.add(value as number);
        break;
      case 'MINIMUM':
        if (this.extreme === undefined || (value as number) < this.extreme) this.extreme = value as number;
        break;
      case 'MAXIMUM':
        if (this.extreme === undefined || (value as number) > this.extreme) this.extreme = value as number;
        break;
      case 'MAX_OCCURRENCE':
        this.addOccurrence(time, seq, value as string);
        break;
      default:
        break;
    }
  }

  private addOccurrence(time: number, seq: number, key: string): void {
    let f = this.freq!.get(key);
    if (f === undefined) {
      f = { count: 0, time, seq };
      this.freq!.set(key, f);
    }
    f.count++;
    if (later(time, seq, f.time, f.seq)) {
      f.time = time;
      f.seq = seq;
    }
    // Only this entry changed, and it only grew, so it either stays behind the leader or becomes it.
    const b = this.best;
    if (b === undefined || f.count > b.count || (f.count === b.count && later(f.time, f.seq, b.time, b.seq))) {
      this.best = f;
      this.bestKey = key;
    }
  }

  /** The statistic now, in O(1). */
  result(): StatisticResult {
    const n = this.count;
    if (n === 0) return emptyResult();
    const lastObjectTime = this.lastTime;
    let value: string | undefined;
    switch (this.statistic) {
      case 'FIRST_OCCURRENCE':
        value = this.firstValue as string;
        break;
      case 'LAST_OCCURRENCE':
        value = this.lastValue as string;
        break;
      case 'COUNT':
        value = String(n);
        break;
      case 'SUM':
        value = renderNumber({ value: this.sum!.value() });
        break;
      case 'AVERAGE':
        value = renderNumber({ value: this.sum!.value() / n });
        break;
      case 'MINIMUM':
      case 'MAXIMUM':
        value = renderNumber({ value: this.extreme! });
        break;
      case 'MAX_OCCURRENCE':
        value = this.bestKey;
        break;
    }
    return { value, lastObjectTime };
  }
}

/** R12: no object selected gives no Value, for every statistic (COUNT and SUM included). */
export function emptyResult(): StatisticResult {
  return {};
}

/** The statistic over objects already selected and sorted in R3 order (earliest first). */
export function statisticOfSorted({ statistic, items }: { statistic: Statistic; items: readonly Selected[] }): StatisticResult {
  const n = items.length;
  if (n === 0) return emptyResult();
  const lastObjectTime = items[n - 1].time;
  const numbers = () => items.map((i) => i.value as number);
  let value: string | undefined;
  switch (statistic) {
    case 'FIRST_OCCURRENCE':
      value = items[0].value as string;
      break;
    case 'LAST_OCCURRENCE':
      value = items[n - 1].value as string;
      break;
    case 'COUNT':
      value = String(n);
      break;
    case 'SUM':
      value = renderNumber({ value: exactSum({ values: numbers() }) });
      break;
    case 'AVERAGE':
      value = renderNumber({ value: exactSum({ values: numbers() }) / n });
      break;
    case 'MINIMUM':
      value = renderNumber({ value: numbers().reduce((m, x) => (x < m ? x : m)) });
      break;
    case 'MAXIMUM':
      value = renderNumber({ value: numbers().reduce((m, x) => (x > m ? x : m)) });
      break;
    case 'MAX_OCCURRENCE': {
      // Count each value and remember the index of its latest occurrence; the later index wins a tie.
      const counts = new Map<string, { count: number; latest: number }>();
      items.forEach((item, index) => {
        const c = counts.get(item.value as string);
        if (c) {
          c.count++;
          c.latest = index;
        } else counts.set(item.value as string, { count: 1, latest: index });
      });
      let bestKey: string | undefined;
      let bestCount = 0;
      let bestLatest = -1;
      for (const [key, c] of counts) {
        if (c.count > bestCount || (c.count === bestCount && c.latest > bestLatest)) {
          bestKey = key;
          bestCount = c.count;
          bestLatest = c.latest;
        }
      }
      value = bestKey;
      break;
    }
  }
  return { value, lastObjectTime };
}

export const THRESHOLD_OPERATORS = ['EQUAL_TO', 'GREATER_THAN', 'LESS_THAN', 'NOT_EQUAL_TO'] as const;
export type ThresholdOperator = (typeof THRESHOLD_OPERATORS)[number];

/** Validates a Threshold (R13); throws BadRequestException naming the member. */
export function checkThreshold({ threshold }: { threshold: unknown }): { Value: string; Operator: ThresholdOperator } {
  const t = threshold as { Value?: unknown; Operator?: unknown } | null;
  if (t === null || typeof t !== 'object') throw new BadRequestException(`Conditions.Threshold: expected {Value, Operator}; saw ${JSON.stringify(threshold)}`);
  if (typeof t.Value !== 'string' || t.Value.length < 1 || t.Value.length > 255) {
    throw new BadRequestException(`Conditions.Threshold.Value: expected a string of 1 to 255 characters; saw ${JSON.stringify(t.Value)}`);
  }
  if (typeof t.Operator !== 'string' || !(THRESHOLD_OPERATORS as readonly string[]).includes(t.Operator)) {
    throw new BadRequestException(`Conditions.Threshold.Operator: expected one of ${THRESHOLD_OPERATORS.join(', ')}; saw ${JSON.stringify(t.Operator)}`);
  }
  return { Value: t.Value, Operator: t.Operator as ThresholdOperator };
}

/**
 * Applies a Threshold (R13, R21) to a statistic's value: "true" when the statistic compared with Threshold.Value by
 * the Operator holds, "false" when it does not (AWS documents a true / false attribute); no value stays no value
 * (R12, R20).
 */
export function applyThreshold({ value, threshold }: { value: string | undefined; threshold: { Value: string; Operator: ThresholdOperator } }): string | undefined {
  if (value === undefined) return undefined;
  const a = toFiniteNumber({ value });
  const b = toFiniteNumber({ value: threshold.Value });
  const numeric = a !== undefined && b !== undefined;
  const l: number | string = numeric ? a : value;
  const r: number | string = numeric ? b : threshold.Value;
  let holds: boolean;
  switch (threshold.Operator) {
    case 'EQUAL_TO':
      holds = l === r;
      break;
    case 'NOT_EQUAL_TO':
      holds = l !== r;
      break;
    case 'GREATER_THAN':
      holds = l > r;
      break;
    case 'LESS_THAN':
      holds = l < r;
      break;
  }
  return holds ? 'true' : 'false';
}
